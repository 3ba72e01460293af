#!/bin/sh
# Issue 14's "libgit2 or several cat-file processes, measure both": inflates every blob of a bare
# repository once through `git cat-file --batch` (1 and 2 processes over disjoint halves) and once
# through libgit2's git_odb_read (1 and 2 threads), side by side with hyperfine.
# Usage: bench/libgit2_vs_catfile.sh BARE_REPO   (needs libgit2-dev: apt-get install libgit2-dev)
set -eu
repo=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)
cc -O2 "$here/libgit2_read_blobs.c" -o "$work/read_blobs" $(pkg-config --cflags --libs libgit2) -lpthread
git -C "$repo" cat-file --batch-all-objects --batch-check='%(objecttype) %(objectname)' | awk '$1=="blob"{print $2}' >"$work/ids"
cat >"$work/catfile.sh" <<'SH'
#!/bin/sh
repo=$1 ids=$2 n=$3 i=0
while [ $i -lt $n ]; do
  awk -v n=$n -v i=$i 'NR % n == i' "$ids" | git -C "$repo" cat-file --batch >/dev/null &
  i=$((i+1))
done
wait
SH
chmod +x "$work/catfile.sh"
echo "$(wc -l <"$work/ids") blobs in $repo"
hyperfine -N -w 1 -r 5 \
  "$work/catfile.sh $repo $work/ids 1" "$work/catfile.sh $repo $work/ids 2" \
  "sh -c '$work/read_blobs $repo 1 < $work/ids'" "sh -c '$work/read_blobs $repo 2 < $work/ids'"
