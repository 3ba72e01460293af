#!/usr/bin/env bash
# Packs the archive cases of the detection corpus: archive-src/PLAN lists "FORMAT PATH" lines; the
# member files of PATH are in archive-src/PATH/. Writes cases/archive/PATH. Byte-stable output: fixed
# timestamps, sorted names, numeric owners, gzip without a name or time.
#   zip, zip-nested   zip (jar, war: the same format); -nested: the members inside inner.zip inside PATH
#   tar, tgz, tgz-nested   tar, gzip'd tar; -nested: inner.tar.gz inside PATH
#   gz                one gzip'd file (its single member)
# Called by make-corpus.py; run it alone after editing archive-src/.
set -euo pipefail
cd "$(dirname "$0")"
SRC=$PWD/archive-src
OUT=$PWD/cases/archive
STAMP=202601010000
TAR=(tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=2026-01-01T00:00:00Z --format=gnu)

pack_zip() { # DIR OUTFILE
    (cd "$1" && find . -type f -exec touch -t "$STAMP" {} + && find . -type f | LC_ALL=C sort | sed 's|^\./||' | zip -q -X -@ "$2")
}

pack_tgz() { # DIR OUTFILE
    (cd "$1" && "${TAR[@]}" -cf - .) | gzip -n -9 > "$2"
}

rm -rf "$OUT"
while read -r fmt path; do
    [ -n "$fmt" ] || continue
    dir=$SRC/$path
    dest=$OUT/$path
    mkdir -p "$(dirname "$dest")"
    rm -f "$dest"
    tmp=$(mktemp -d)
    case $fmt in
        zip) pack_zip "$dir" "$dest" ;;
        zip-nested)
            mkdir -p "$tmp/outer"
            pack_zip "$dir" "$tmp/outer/inner.zip"
            printf 'Release bundle\n' > "$tmp/outer/README"
            pack_zip "$tmp/outer" "$dest" ;;
        tar) (cd "$dir" && "${TAR[@]}" -cf "$dest" .) ;;
        tgz) pack_tgz "$dir" "$dest" ;;
        tgz-nested)
            mkdir -p "$tmp/outer"
            pack_tgz "$dir" "$tmp/outer/inner.tar.gz"
            pack_tgz "$tmp/outer" "$dest" ;;
        gz)
            member=$(cd "$dir" && find . -type f | head -1)
            gzip -n -9 -c "$dir/$member" > "$dest" ;;
        *) echo "make-archives: unknown format $fmt" >&2; exit 2 ;;
    esac
    rm -rf "$tmp"
done < "$SRC/PLAN"
