"""Detection bench (issue 13): scores tokenwarden, betterleaks and Kingfisher on the labelled corpus
(Fixtures/detection) and counts their findings on real work trees, with a sample of tokenwarden's
blocking findings for manual triage. Called by bench/run.sh; prints a markdown section.

    python3 bench/detection.py corpus --tokenwarden TW --betterleaks BL --kingfisher KF
    python3 bench/detection.py worktrees --tokenwarden TW --betterleaks BL --kingfisher KF NAME=DIR...

Matching (the same as Tests/TokenWardenEndToEndTests/DetectionCorpusTests.swift): a finding matches an
expected secret of a case when it is in the case's file (for ARCHIVE!MEMBER cases: the same member, or
anywhere in ARCHIVE when the tool names the archive only), its lines overlap the expected line(s) (cases
without a line: any line; a tool that names only the archive: any line), and, when both the case and the
tool give the secret, one contains the other. A finding that matches nothing is a false positive of the
case whose file it is in.
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Fixtures", "detection")


def load_manifest(path=os.path.join(CORPUS, "cases.yaml")):
    try:
        import yaml
        return yaml.safe_load(open(path))["cases"]
    except ImportError:  # every entry is one JSON line
        return [json.loads(l.strip()[2:]) for l in open(path) if l.startswith("  - {")]


def norm_path(p):
    p = p.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p.replace("!./", "!")


# ---- running the tools: each returns [{path, line, end_line, secret, blocking, rule}]

def run_tokenwarden(tw, target):
    out = subprocess.run([tw, "scan", ".", "--format", "json", "--show-secrets", "--no-progress"], cwd=target,
                         capture_output=True, text=True)
    if out.returncode > 1:
        sys.exit(f"tokenwarden failed: {out.stderr}")
    return [{"path": norm_path(f["path"]), "line": f["line"], "end_line": f.get("end_line", f["line"]),
             "secret": f.get("secret"), "blocking": f["blocking"], "rule": f["rule"], "confidence": f["confidence"]}
            for f in json.loads(out.stdout)["findings"]]


def run_betterleaks(bl, target):
    with tempfile.TemporaryDirectory() as tmp:
        report = os.path.join(tmp, "bl.json")
        subprocess.run([bl, "fs", ".", "--no-banner", "-l", "error", "--exit-code=0", "-o", report], cwd=target,
                       capture_output=True, check=True)
        data = json.load(open(report))
    # A file-level finding (a keystore found by name) has no line: it covers the whole file.
    return [{"path": norm_path(f["location"]["path"]), "line": f["location"].get("start_line", 0),
             "end_line": f["location"].get("end_line", f["location"].get("start_line", 1 << 30)),
             "secret": (f.get("match") or {}).get("value"), "blocking": True, "rule": f["rule_id"],
             "confidence": f.get("confidence")} for f in data["findings"]]


def run_kingfisher(kf, target):
    out = subprocess.run([kf, "scan", ".", "--git-history", "none", "-n", "--format", "json", "--no-update-check"],
                         cwd=target, capture_output=True, text=True)
    if not out.stdout.strip():
        out = subprocess.run([kf, "scan", ".", "--git-history", "none", "-n", "--format", "json"], cwd=target,
                             capture_output=True, text=True)
    # Kingfisher prints its findings document, then a summary document.
    decoder, text, pos, found = json.JSONDecoder(), out.stdout, 0, []
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if pos >= len(text):
            break
        doc, pos = decoder.raw_decode(text, pos)
        if isinstance(doc, dict) and isinstance(doc.get("findings"), list):
            found += doc["findings"]
    data = {"findings": found}
    return [{"path": norm_path(f["finding"]["path"]), "line": f["finding"]["line"], "end_line": f["finding"]["line"],
             "secret": f["finding"].get("snippet"), "blocking": True, "rule": f["rule"]["id"],
             "confidence": f["finding"].get("confidence")} for f in data["findings"]]


# ---- scoring

def expected_span(e):
    if "lines" in e:
        return e["lines"][0], e["lines"][1]
    if "line" in e:
        return e["line"], e["line"]
    return None


def clean(s):
    return (s or "").strip().strip("'\"`").strip()


def matches(case, e, f):
    file = case["file"]
    outer = file.split("!")[0]
    if f["path"] == file:
        span = expected_span(e)
        if span and not (f["line"] <= span[1] and f["end_line"] >= span[0]):
            return False
    elif "!" in file and (f["path"] == outer or f["path"].startswith(outer + "!")):
        pass  # the tool names the archive, or a member by another path form: any line, the secret decides
    else:
        return False
    want, got = clean(e.get("secret")), clean(f.get("secret"))
    if want and got and len(got) >= 4 and want not in got and got not in want:
        return False
    return True


def owner(cases_by_file, path):
    """The cases a finding's path belongs to: its file, or every member case of its archive."""
    if path in cases_by_file:
        return cases_by_file[path]
    outer = path.split("!")[0]
    return [c for c in cases_by_file.get("!" + outer, [])]


def score(cases, findings):
    """Per class: positives, found, found_blocking, fp, fp_blocking; plus the lists."""
    by_file = {}
    for c in cases:
        by_file.setdefault(c["file"], []).append(c)
        if "!" in c["file"]:
            by_file.setdefault("!" + c["file"].split("!")[0], []).append(c)
    hit = {}  # (case index, expect index) -> [findings]
    fps = []
    index = {id(c): i for i, c in enumerate(cases)}
    for f in findings:
        owners = owner(by_file, f["path"])
        matched = False
        for c in owners:
            for j, e in enumerate(c.get("expect") or []):
                if matches(c, e, f):
                    hit.setdefault((index[id(c)], j), []).append(f)
                    matched = True
        if not matched:
            fps.append((owners[0]["class"] if owners else "(outside the corpus)", f))
    table, missed = {}, []
    for i, c in enumerate(cases):
        row = table.setdefault(c["class"], dict(cases=0, positives=0, found=0, found_blocking=0, fp=0, fp_blocking=0))
        row["cases"] += 1
        for j, e in enumerate(c.get("expect") or []):
            row["positives"] += 1
            fs = hit.get((i, j), [])
            if fs:
                row["found"] += 1
                row["found_blocking"] += any(f["blocking"] for f in fs)
            else:
                missed.append((c, e))
    for cls, f in fps:
        row = table.setdefault(cls, dict(cases=0, positives=0, found=0, found_blocking=0, fp=0, fp_blocking=0))
        row["fp"] += 1
        row["fp_blocking"] += f["blocking"]
    return table, missed, fps


def corpus(args):
    cases = load_manifest()
    tmp = tempfile.mkdtemp(prefix="tw-detection-")
    target = os.path.join(tmp, "cases")
    shutil.copytree(os.path.join(CORPUS, "cases"), target, symlinks=True)
    tools = [("tokenwarden", lambda: run_tokenwarden(args.tokenwarden, target)),
             ("betterleaks", lambda: run_betterleaks(args.betterleaks, target)),
             ("kingfisher", lambda: run_kingfisher(args.kingfisher, target))]
    results = {}
    for name, run in tools:
        results[name] = score(cases, run())
    shutil.rmtree(tmp)
    classes = sorted({c["class"] for c in cases}, key=lambda k: (k.startswith("negative"), k))
    out = ["## Detection: the labelled corpus", "",
           f"`Fixtures/detection`: {len(cases)} cases, "
           f"{sum(len(c.get('expect') or []) for c in cases)} expected secrets in "
           f"{sum(1 for c in cases if c.get('expect'))} positive cases, "
           f"{sum(1 for c in cases if not c.get('expect'))} negative cases (decoys). Each tool with its default "
           "settings (betterleaks: decoding depth 5, archives depth 8; Kingfisher: `--git-history none -n`); "
           "tokenwarden found = any confidence (blocking in brackets), FP = all its findings that match no "
           "expected secret (blocking in brackets). betterleaks and Kingfisher have no blocking notion: every finding counts.",
           "", "| class | cases | positives | tokenwarden found | betterleaks found | Kingfisher found | tokenwarden FP | betterleaks FP | Kingfisher FP |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    totals = {n: dict(found=0, found_blocking=0, fp=0, fp_blocking=0) for n in results}
    for cls in classes:
        rows = {n: results[n][0].get(cls, {}) for n in results}
        first = rows["tokenwarden"]
        cells = [cls, str(first.get("cases", 0)), str(first.get("positives", 0))]
        for n in results:
            r = rows[n]
            cells.append(f"{r.get('found', 0)} ({r.get('found_blocking', 0)})" if n == "tokenwarden" else str(r.get("found", 0)))
            for k in totals[n]:
                totals[n][k] += r.get(k, 0)
        for n in results:
            r = rows[n]
            cells.append(f"{r.get('fp', 0)} ({r.get('fp_blocking', 0)})" if n == "tokenwarden" else str(r.get("fp", 0)))
        out.append("| " + " | ".join(cells) + " |")
    for cls in sorted({cls for n in results for cls in results[n][0]} - set(classes)):
        out.append(f"| {cls} | | | | | | " + " | ".join(
            (f"{results[n][0][cls]['fp']} ({results[n][0][cls]['fp_blocking']})" if n == "tokenwarden" else str(results[n][0].get(cls, {}).get("fp", 0)))
            for n in results) + " |")
    positives = sum(len(c.get("expect") or []) for c in cases)
    t = totals
    out.append(f"| **all** | {len(cases)} | {positives} | {t['tokenwarden']['found']} ({t['tokenwarden']['found_blocking']}) | "
               f"{t['betterleaks']['found']} | {t['kingfisher']['found']} | {t['tokenwarden']['fp']} ({t['tokenwarden']['fp_blocking']}) | "
               f"{t['betterleaks']['fp']} | {t['kingfisher']['fp']} |")
    out.append("")
    tw, bl, kf = t["tokenwarden"], t["betterleaks"], t["kingfisher"]
    out.append(f"Targets (issue 13): more positives than betterleaks: {tw['found']} vs {bl['found']} "
               f"({'met' if tw['found'] > bl['found'] else 'MISSED'}); no more false positives than Kingfisher: "
               f"{tw['fp_blocking']} blocking ({tw['fp']} with low) vs {kf['fp']} "
               f"({'met' if tw['fp_blocking'] <= kf['fp'] else 'MISSED'}).")
    gaps = sorted(((results["betterleaks"][0].get(c, {}).get("found", 0) - results["tokenwarden"][0].get(c, {}).get("found", 0), c)
                   for c in classes if not c.startswith("negative")), reverse=True)
    gaps = [f"{c} ({results['tokenwarden'][0][c]['found']} vs {results['betterleaks'][0].get(c, {}).get('found', 0)})" for g, c in gaps if g > 0]
    if gaps:
        out.append("")
        out.append("Where betterleaks finds more (tokenwarden vs betterleaks): " + ", ".join(gaps) + ".")
    if args.verbose:
        for n in results:
            _, missed, fps = results[n]
            print(f"--- {n}: {len(missed)} missed, {len(fps)} false positives", file=sys.stderr)
            for c, e in missed:
                print(f"  missed {c['class']} {c['file']} {e.get('line', e.get('lines', ''))}", file=sys.stderr)
            for cls, f in fps:
                print(f"  FP {cls} {f['path']}:{f['line']} {f['rule']} {'blocking' if f['blocking'] else 'low'} {(f['secret'] or '')[:40]}", file=sys.stderr)
    print("\n".join(out))


def worktrees(args):
    out = ["## Detection: real work trees", "",
           "Findings per tool on the work trees of the projects in `../shared/corpus` (flask, typeorm) and the outside corpus of PyPI source distributions (`bench/fetch_outside.py`, pinned versions) (default settings; "
           "tokenwarden: blocking in brackets).", "",
           "| project | tokenwarden | betterleaks | Kingfisher |", "|---|---:|---:|---:|"]
    samples = []
    for spec in args.trees:
        name, path = spec.split("=", 1)
        tw = run_tokenwarden(args.tokenwarden, path)
        bl = run_betterleaks(args.betterleaks, path)
        kf = run_kingfisher(args.kingfisher, path)
        blocking = [f for f in tw if f["blocking"]]
        out.append(f"| {name} | {len(tw)} ({len(blocking)}) | {len(bl)} | {len(kf)} |")
        samples += [(name, f) for f in blocking]
    rnd = random.Random(13)
    sample = samples if len(samples) <= 50 else rnd.sample(samples, 50)
    triage = load_triage()
    out += ["", f"Triage sample: {len(sample)} of {len(samples)} blocking tokenwarden findings (all of them when "
            "there are 50 or fewer; else a seeded random 50), each read in its file by a person and judged "
            "credential material or not; verdicts in `bench/detection-triage.tsv` (project, path, line, rule, verdict, note).", ""]
    judged = [(n, f, triage.get((n, f["path"], f["line"], f["rule"]))) for n, f in sample]
    cred = sum(1 for *_, v in judged if v and v[0] == "credential")
    notcred = sum(1 for *_, v in judged if v and v[0] == "not-credential")
    open_ = [(n, f) for n, f, v in judged if not v]
    out.append(f"Of {len(sample)}: {cred} credential material, {notcred} not credential material"
               + (f", {len(open_)} not yet triaged (add them to the file)" if open_ else "") + ".")
    if cred + notcred:
        share = notcred / (cred + notcred)
        out.append(f"Target (issue 13): blocking findings that are not credential material under 5%: "
                   f"{share:.0%} of {cred + notcred} triaged ({'met' if share < 0.05 else 'MISSED'}).")
    if judged:
        out += ["", "| project | finding | rule | verdict | note |", "|---|---|---|---|---|"]
        for n, f, v in sorted(judged, key=lambda x: (x[0], x[1]["path"], x[1]["line"])):
            out.append(f"| {n} | `{f['path']}:{f['line']}` | {f['rule']} | {v[0] if v else 'untriaged'} | {v[1] if v else ''} |")
    print("\n".join(out))


def load_triage(path=os.path.join(ROOT, "bench", "detection-triage.tsv")):
    verdicts = {}
    if os.path.exists(path):
        for line in open(path):
            if line.startswith("#") or not line.strip():
                continue
            project, p, n, rule, verdict, *note = line.rstrip("\n").split("\t")
            verdicts[(project, p, int(n), rule)] = (verdict, note[0] if note else "")
    return verdicts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["corpus", "worktrees"])
    ap.add_argument("--tokenwarden", required=True)
    ap.add_argument("--betterleaks", required=True)
    ap.add_argument("--kingfisher", required=True)
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("trees", nargs="*")
    args = ap.parse_intermixed_args()
    for tool in ("tokenwarden", "betterleaks", "kingfisher"):
        setattr(args, tool, os.path.abspath(getattr(args, tool)))
    corpus(args) if args.mode == "corpus" else worktrees(args)


if __name__ == "__main__":
    main()
