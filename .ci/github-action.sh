#!/usr/bin/env bash
# The logic of the GitHub Action (action.yml at the repository's root, where GitHub looks for it).
# It runs no git command itself: tokenwarden's hardened runner does. Reads what GitHub sets (GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_WORKSPACE, GITHUB_OUTPUT,
# GITHUB_STEP_SUMMARY) and the action's inputs (INPUT_MODE, INPUT_SARIF, INPUT_CONFIG, INPUT_STORE,
# INPUT_ARGS), chooses the scan and runs it:
#   pull_request[_target]      scan --diff BASE..HEAD  (the event's pull_request.base.sha / head.sha)
#   push                       scan --diff BEFORE..AFTER (the pushed range; a new branch: --history)
#   schedule, workflow_dispatch scan --history
# mode: auto (the above), diff (the event's range, pull_request or push only), history, staged.
# Exit status is tokenwarden's: 0 nothing blocking, 1 blocking findings (the step fails), 2 an error.
# TOKENWARDEN names the binary (default: tokenwarden on PATH, else built with make release here).
set -euo pipefail
# A failure inside $(…) must stop the script too.
shopt -s inherit_errexit

# Standard error: also inside $(…), and the runner reads workflow commands there too.
fail() {
    echo "::error title=tokenwarden::$*" >&2
    echo "tokenwarden action: error: $*" >&2
    exit 2
}

event=${GITHUB_EVENT_NAME:-}
[ -n "$event" ] || fail "GITHUB_EVENT_NAME is not set: this script runs inside a GitHub Actions job"
mode=${INPUT_MODE:-auto}
mode=${mode:-auto}
cd "${GITHUB_WORKSPACE:-.}" || fail "GITHUB_WORKSPACE ${GITHUB_WORKSPACE:-} is not a directory"

# A value from the event payload (a JSON file GitHub writes), read with Python's json module.
event_value() {
    [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ] || fail "GITHUB_EVENT_PATH does not name the event file"
    python3 - "$GITHUB_EVENT_PATH" "$@" <<'PY'
import json, sys
value = json.load(open(sys.argv[1], encoding="utf-8"))
for key in sys.argv[2:]:
    value = value.get(key) if isinstance(value, dict) else None
print(value if isinstance(value, str) else "")
PY
}

# A commit id from the payload: hex only, so nothing else reaches git's command line.
commit_id() {
    local id
    id=$(event_value "$@")
    [[ $id =~ ^[0-9a-f]{40}([0-9a-f]{24})?$ ]] || fail "the $event event has no commit id at ${*// /.} (got '${id}')"
    echo "$id"
}

zero=0000000000000000000000000000000000000000
event_range() {
    local base head
    case $event in
    pull_request | pull_request_target)
        base=$(commit_id pull_request base sha)
        head=$(commit_id pull_request head sha)
        ;;
    push)
        base=$(event_value before)
        head=$(commit_id after)
        if [ "$base" = "$zero" ] || [ -z "$base" ]; then
            echo "history"
            return
        fi
        base=$(commit_id before)
        ;;
    *) fail "mode $mode needs a pull_request or push event, not $event (set mode: history)" ;;
    esac
    echo "$base..$head"
}

case $mode in
auto)
    case $event in
    pull_request | pull_request_target | push) range=$(event_range) ;;
    schedule | workflow_dispatch) range=history ;;
    *) fail "mode auto does not know the $event event: set mode to diff, history or staged" ;;
    esac
    ;;
diff) range=$(event_range) ;;
history) range=history ;;
staged) range=staged ;;
*) fail "mode must be auto, diff, history or staged, not '$mode'" ;;
esac

case $range in
history) selection=(--history) description="the history of HEAD" ;;
staged) selection=(--staged) description="the staged changes" ;;
*)
    base=${range%%..*} head=${range##*..}
    selection=(--diff "$range") description="the commits ${base:0:12}..${head:0:12}"
    ;;
esac

tokenwarden=${TOKENWARDEN:-}
if [ -z "$tokenwarden" ]; then
    if command -v tokenwarden >/dev/null; then
        tokenwarden=tokenwarden
    else
        action_dir=$(cd "$(dirname "$0")/.." && pwd)
        echo "tokenwarden action: no tokenwarden on PATH: building it (make release in $action_dir)"
        make -C "$action_dir" release >&2 || fail "make release failed: install a Swift 6 toolchain, or put tokenwarden on PATH before this step"
        tokenwarden=$action_dir/.build/release/tokenwarden
    fi
fi

arguments=(scan "${selection[@]}")
[ -n "${INPUT_CONFIG:-}" ] && arguments+=(--config "$INPUT_CONFIG")
[ -n "${INPUT_STORE:-}" ] && arguments+=(--store "$INPUT_STORE")
[ -n "${INPUT_SARIF:-}" ] && arguments+=(--report "sarif:$INPUT_SARIF")
summary=$(mktemp)
trap 'rm -f "$summary"' EXIT
arguments+=(--report "json:$summary")
if [ -n "${INPUT_ARGS:-}" ]; then
    read -r -a extra <<<"$INPUT_ARGS"
    arguments+=("${extra[@]}")
fi

echo "tokenwarden action: scanning $description ($event event, mode $mode)"
set +e
GITHUB_ACTIONS=true "$tokenwarden" "${arguments[@]}"
status=$?
set -e
# Every git command runs inside tokenwarden's hardened runner, so a missing commit is its error (exit 2).
if [ $status -eq 2 ] && [ "${selection[0]}" = --diff ]; then
    echo "tokenwarden action: a range scan needs both commits in the checkout: actions/checkout with fetch-depth: 0" >&2
fi

if [ -n "${GITHUB_OUTPUT:-}" ]; then
    {
        echo "exit-code=$status"
        echo "sarif=${INPUT_SARIF:-}"
    } >>"$GITHUB_OUTPUT"
fi
# The job summary: counts and one row per finding, redacted as in every report.
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -s "$summary" ]; then
    python3 - "$summary" "$description" "$status" >>"$GITHUB_STEP_SUMMARY" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
s = report["summary"]
verdict = {"0": "passed", "1": "failed: blocking findings"}.get(sys.argv[3], "failed: the scan is incomplete")
print(f"### tokenwarden {report['version']}: {verdict}\n")
plural = lambda n, word: f"{n} {word}" + ("" if n == 1 else "s")
print(f"Scanned {sys.argv[2]}: {plural(s['findings'], 'finding')} ({s['blocking']} blocking), {plural(s['files_scanned'], 'file')}.\n")
if report["findings"]:
    print("| blocking | rule | where | secret |\n|---|---|---|---|")
    cell = lambda text: str(text).replace("|", "\\|").replace("\n", " ")
    for f in report["findings"]:
        where = f"{f['path']}:{f['line']}" + (f" ({f['commit'][:12]})" if f.get("commit") else "")
        print(f"| {'yes' if f['blocking'] else 'no'} | {cell(f['rule'])} | {cell(where)} | `{cell(f['redacted'])}` |")
PY
fi
exit $status
