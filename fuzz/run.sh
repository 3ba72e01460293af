#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600), two at a time, with seed corpora from the repository.
# Usage: bash fuzz/run.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_EACH=${1:-600}
BIN=../.build-fuzz/debug
swift build -c debug -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp --scratch-path ../.build-fuzz
mkdir -p corpus artifacts logs
seed() { mkdir -p "corpus/$1"; shift; for f in "$@"; do [ -f "$f" ] && cp "$f" "corpus/$(basename "$(dirname "$f")")-$(basename "$f")" 2>/dev/null || true; done; }
mkdir -p corpus/FuzzMatcher corpus/FuzzRuleParser corpus/FuzzConfigParser corpus/FuzzStoreParser corpus/FuzzBaselineParser
find ../Fixtures/demo ../Fixtures/false-positives -type f -exec cp {} corpus/FuzzMatcher/ \; 2>/dev/null || true
cp ../Rules/*.yaml corpus/FuzzRuleParser/
cp seeds/config/* corpus/FuzzConfigParser/
cp seeds/store/* corpus/FuzzStoreParser/
cp seeds/baseline/* corpus/FuzzBaselineParser/
run() {
    local target=$1
    "$BIN/$target" "corpus/$target" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
        -artifact_prefix="artifacts/$target-" -print_final_stats=1 > "logs/$target.log" 2>&1 && echo "$target: ok" || echo "$target: FAILED (see fuzz/logs/$target.log)"
}
run FuzzMatcher & run FuzzRuleParser & wait
run FuzzConfigParser & run FuzzStoreParser & wait
run FuzzBaselineParser
grep -h -E "stat::number_of_executed_units|Done [0-9]+ runs" logs/*.log || true
