"""Appends the issue's performance targets, met or missed, to bench/results.md (called by run.sh)."""
import os, re, sys

path = sys.argv[1]
text = open(path).read()
rows = {}
for line in text.splitlines():
    cells = [c.strip() for c in line.strip("|").split("|")]
    if len(cells) == 6 and cells[2].replace(".", "").isdigit():
        rows[(cells[0], cells[1])] = (float(cells[2]), cells[3])

def ms(tool, corpus):
    return rows[(tool, corpus)][0]

def rss(tool, corpus, part=0):
    # "own/child" (bench/peak_rss.py); older tables have one number.
    cells = (rows[(tool, corpus)][1] or "0").split("/")
    return float(cells[min(part, len(cells) - 1)])

checks = []
def check(name, value, target, ok, note=""):
    checks.append((name, value, target, "met" if ok else "MISSED", note))

r = ms("tokenwarden", "generated tree") / ms("betterleaks", "generated tree")
check("work tree vs betterleaks (generated tree)", f"{r:.2f}x", "<= 0.33x", r <= 0.33)
r = ms("tokenwarden", "flask worktree") / ms("betterleaks", "flask worktree")
check("work tree vs betterleaks (flask)", f"{r:.2f}x", "<= 0.33x", r <= 0.33)
r = ms("ripgrep (all rule keywords)", "generated tree") / ms("tokenwarden", "generated tree")
check("throughput vs ripgrep keyword search", f"{r:.2f} of ripgrep", ">= 0.5", r >= 0.5)
v = ms("tokenwarden", "staged 1-file change")
check("--staged on a one-file change", f"{v:.1f} ms", "<= 20 ms", v <= 20)
big = os.environ.get("BIG_COMMITS", "500000")
histories = ["flask history (all refs)", "typeorm history (all refs)", "generated 50k-commit history",
             f"generated {big}-commit history"]
for corpus in histories:
    if ("betterleaks", corpus) in rows:
        r = ms("tokenwarden", corpus) / ms("betterleaks", corpus)
        check(f"{corpus}: vs betterleaks", f"{r:.2f}x", "<= 0.33x", r <= 0.33)
    if ("git cat-file floor", corpus) in rows:
        r = ms("git cat-file floor", corpus) / ms("tokenwarden", corpus)
        check(f"{corpus}: speed vs the cat-file floor", f"{r:.2f} of git", ">= 0.70", r >= 0.7)
    v, git = rss("tokenwarden", corpus), rss("tokenwarden", corpus, 1)
    check(f"{corpus}: peak RSS (tokenwarden; git beside it)", f"{v:.0f} MB (git {git:.0f} MB)", "< 150 MB", v < 150)
r = rss("tokenwarden", histories[3]) / rss("tokenwarden", histories[2])
check(f"peak RSS, {big} vs 50k commits", f"{r:.2f}x", "<= 2x", r <= 2)
if ("tokenwarden", "1 file, 100k-token store") in rows:  # a row older tables lack
    v = ms("tokenwarden", "1 file, 100k-token store")
    check("load a 100k-token store (scan of one small file)", f"{v:.0f} ms", "< 1000 ms", v < 1000)
v = ms("tokenwarden", "start-up (--version)")
check("start-up with all built-in rules", f"{v:.1f} ms", "<= 10 ms", v <= 10)

detection = ""
if "\n# Detection" in text:  # the detection section (bench/detection.py) follows the targets: keep it
    text, detection = text.split("\n# Detection", 1)
    detection = "\n# Detection" + detection
text = text.split("\n## Targets")[0].rstrip() + "\n\n## Targets\n\n| target | measured | goal | |\n|---|---|---|---|\n"
for name, value, target, verdict, _ in checks:
    text += f"| {name} | {value} | {target} | {verdict} |\n"
for name, value, target, verdict, note in checks:
    if verdict == "MISSED" and note:
        text += f"\n**{name}: missed ({value}, goal {target}).** {note}\n"
open(path, "w").write(text + detection)
