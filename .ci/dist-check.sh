#!/usr/bin/env bash
# make dist-check: the release tarball as a user gets it. Unpacks it, verifies its SHA-256 file and its
# contents, checks that the binary links nothing but the C runtime (NEEDED entries), runs it from an
# empty directory with LD_LIBRARY_PATH unset, and installs into a temporary prefix with make install.
# Usage: bash .ci/dist-check.sh dist/tokenwarden-VERSION-linux-ARCH.tar.gz VERSION
set -euo pipefail
tarball=$1
version=$2
name=$(basename "$tarball" .tar.gz)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
checks=0

fail() {
    echo "dist-check: FAIL: $*" >&2
    exit 1
}
ok() {
    checks=$((checks + 1))
    echo "dist-check: ok: $*"
}

# The checksum file names the tarball and verifies.
(cd "$(dirname "$tarball")" && sha256sum --check --strict "$name.tar.gz.sha256") >/dev/null ||
    fail "$tarball.sha256 does not verify"
grep -q " $name.tar.gz\$" "$tarball.sha256" || fail "$tarball.sha256 does not name $name.tar.gz"
ok "sha256 verifies"

# Exactly the documented files, under one top directory.
expected="$name/
$name/README.md
$name/bin/
$name/bin/tokenwarden
$name/share/
$name/share/bash-completion/
$name/share/bash-completion/completions/
$name/share/bash-completion/completions/tokenwarden
$name/share/fish/
$name/share/fish/vendor_completions.d/
$name/share/fish/vendor_completions.d/tokenwarden.fish
$name/share/man/
$name/share/man/man1/
$name/share/man/man1/tokenwarden.1
$name/share/zsh/
$name/share/zsh/site-functions/
$name/share/zsh/site-functions/_tokenwarden"
if [ -f LICENSE ]; then expected="$expected
$name/LICENSE"; fi
actual=$(tar -tzf "$tarball" | LC_ALL=C sort)
[ "$actual" = "$(echo "$expected" | LC_ALL=C sort)" ] ||
    fail "tarball contents differ from the expected list:$(diff <(echo "$expected" | LC_ALL=C sort) <(echo "$actual"))"
ok "contents: $(echo "$actual" | grep -cv '/$') files"

tar -C "$work" -xzf "$tarball"
unpacked=$work/$name
binary=$unpacked/bin/tokenwarden

# NEEDED: only the C runtime. Anything else (libpcre2-8, libz, a Swift runtime library) fails.
needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
[ -n "$needed" ] || fail "no NEEDED entries read from $binary"
for lib in $needed; do
    case $lib in
    libc.so.* | libm.so.* | libstdc++.so.* | libgcc_s.so.* | ld-linux*.so.* | libdl.so.* | libpthread.so.* | librt.so.* | libutil.so.*) ;;
    *) fail "the binary needs $lib at run time (NEEDED: $(echo $needed))" ;;
    esac
done
ok "NEEDED only the C runtime: $(echo $needed)"

# Alone in an empty directory, no LD_LIBRARY_PATH, a minimal environment: it runs and finds a secret.
alone=$work/alone
mkdir "$alone"
cp "$binary" "$alone/"
token="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"
printf 'TOKEN=%s\n' "$token" >"$alone/leak.env"
set +e
out=$(cd "$alone" && env -i PATH=/usr/bin:/bin ./tokenwarden scan leak.env 2>&1)
status=$?
set -e
[ $status -eq 1 ] || fail "scan from an empty directory exited $status, not 1: $out"
echo "$out" | grep -q "leak.env:1:7: github-pat-classic" || fail "scan from an empty directory found no secret: $out"
if echo "$out" | grep -qF "$token"; then fail "the scan printed the full secret"; fi
ok "runs alone from an empty directory and finds the secret (exit 1)"

[ "$(env -i "$alone/tokenwarden" version)" = "$version" ] ||
    fail "tokenwarden version does not print $version"
[ "$("$alone/tokenwarden" --version)" = "$version" ] || fail "tokenwarden --version does not print $version"
ok "version and --version print $version"

# The man page and completions are what the binary generates, not empty files.
grep -q '^\.Dt TOKENWARDEN 1' "$unpacked/share/man/man1/tokenwarden.1" || fail "the man page has no .Dt TOKENWARDEN 1 header"
grep -q 'pre-commit' "$unpacked/share/man/man1/tokenwarden.1" || fail "the man page does not describe the pre-commit subcommand"
bash -n "$unpacked/share/bash-completion/completions/tokenwarden" || fail "the bash completion script does not parse"
grep -q 'complete .*tokenwarden' "$unpacked/share/bash-completion/completions/tokenwarden" || fail "the bash completion registers nothing"
grep -q '^#compdef tokenwarden' "$unpacked/share/zsh/site-functions/_tokenwarden" || fail "the zsh completion has no #compdef line"
grep -q "^complete -c '\\?tokenwarden" "$unpacked/share/fish/vendor_completions.d/tokenwarden.fish" || fail "the fish completion registers nothing"
ok "man page and bash/zsh/fish completions"

# make install into a temporary prefix puts the same files in place.
prefix=$work/prefix
make --no-print-directory install PREFIX="$prefix" >/dev/null
for file in bin/tokenwarden share/man/man1/tokenwarden.1 share/bash-completion/completions/tokenwarden \
    share/zsh/site-functions/_tokenwarden share/fish/vendor_completions.d/tokenwarden.fish; do
    cmp -s "$prefix/$file" "$unpacked/$file" || fail "make install: $prefix/$file differs from the tarball's"
done
[ -x "$prefix/bin/tokenwarden" ] || fail "make install: bin/tokenwarden is not executable"
[ "$("$prefix/bin/tokenwarden" version)" = "$version" ] || fail "the installed binary does not run"
ok "make install PREFIX=… installs the binary, man page and completions"

echo "dist-check: all $checks checks of $name.tar.gz succeeded"
