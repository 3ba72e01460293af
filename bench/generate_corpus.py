"""Deterministic benchmark tree: >= 50 MB of source-like files with a known set of planted secrets.

    python3 generate_corpus.py DIR                 # (re)generate DIR, write DIR/planted.json
    python3 generate_corpus.py --check DIR TW      # TW's findings on DIR must equal the planted set

Everything comes from a fixed seed, so every run builds the same bytes."""
import json, os, random, shutil, string, subprocess, sys, uuid, zlib

SEED = 20261125
FILES = 2200
LINES_PER_FILE = 620
ALNUM = string.ascii_letters + string.digits
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def b62(n):
    s = ""
    while True:
        s = B62[n % 62] + s
        n //= 62
        if n == 0:
            return s.rjust(6, "0")


def github(r):
    body = "".join(r.choice(ALNUM) for _ in range(30))
    return "ghp_" + body + b62(zlib.crc32(body.encode()))


def rand(r, n, alphabet=ALNUM):
    return "".join(r.choice(alphabet) for _ in range(n))


# Each plant: (rule id, file suffix, function building the line(s) and the secret).
def plants(r):
    return [
        ("github-pat-classic", ".env", lambda: (lambda t: (f"GITHUB_TOKEN={t}", t))(github(r))),
        ("aws-access-key-id", ".py", lambda: (lambda t: (f'AWS_ACCESS_KEY_ID = "{t}"', t))("AKIA" + rand(r, 16, string.ascii_uppercase + "234567"))),
        ("slack-bot-token", ".js", lambda: (lambda t: (f'const slack = "{t}";', t))(f"xoxb-{r.randrange(10**11, 10**12)}-{r.randrange(10**12, 10**13)}-{rand(r, 24)}")),
        ("codeocean-token-python-sdk", ".py", lambda: (lambda t: (f'client = CodeOcean(domain="https://acme.codeocean.com", token="{t}")', t))("cop_" + rand(r, 40))),
        ("stripe-secret-key", ".rb", lambda: (lambda t: (f'Stripe.api_key = "{t}"', t))("sk_live_" + rand(r, 24))),
    ]


WORDS = ("request response handler config value result item index count buffer stream parser "
         "render template session cache router model view widget layout event signal queue worker").split()


def filler_line(r):
    kind = r.randrange(10)
    a, b, c = r.choice(WORDS), r.choice(WORDS), r.choice(WORDS)
    if kind == 0:
        return f"# {a} {b} {c}: adjust the {a} before the {b} is {c}ed"
    if kind == 1:
        return f"def {a}_{b}({c}, n={r.randrange(1000)}):"
    if kind == 2:
        return f'    {a}_id = "{uuid.UUID(int=r.getrandbits(128))}"'
    if kind == 3:
        return f'    {a}_sha = "{rand(r, 40, "0123456789abcdef")}"'
    if kind == 4:
        return f"    return {a}.{b}({c}, {r.random():.4f})"
    if kind == 5:
        return f'    logger.info("{a} %s {b}", {c})'
    if kind == 6:
        return f"    {a} = [{', '.join(str(r.randrange(100)) for _ in range(8))}]"
    if kind == 7:
        return f'    url = "https://example.org/{a}/{b}?page={r.randrange(50)}"'
    if kind == 8:
        return f"    if {a} is not None and {b} > {r.randrange(10)}:"
    return f"        {a}.{b} += {c}"


def generate(root):
    r = random.Random(SEED)
    if os.path.exists(root):
        shutil.rmtree(root)
    planted = []
    builders = plants(r)
    total = 0
    for i in range(FILES):
        rule, suffix, build = builders[i % len(builders)] if i % 7 == 0 else (None, r.choice([".py", ".js", ".rb", ".go"]), None)
        path = os.path.join(f"pkg{i % 40:02d}", f"module_{i:04d}{suffix}")
        lines = [filler_line(r) for _ in range(LINES_PER_FILE)]
        if build:
            line, secret = build()
            at = r.randrange(LINES_PER_FILE)
            lines[at] = line
            planted.append({"path": path, "line": at + 1, "rule": rule})
        text = "\n".join(lines) + "\n"
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)
        total += len(text)
    with open(os.path.join(root, "planted.json"), "w") as f:
        json.dump(planted, f, indent=1)
    print(f"{root}: {FILES} files, {total / 1e6:.1f} MB, {len(planted)} planted secrets")
    return total


def check(root, tw):
    planted = json.load(open(os.path.join(root, "planted.json")))
    out = subprocess.run([tw, "scan", ".", "-f", "jsonl"], cwd=root, capture_output=True, text=True)
    found = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
    want = sorted((p["path"], p["line"], p["rule"]) for p in planted)
    got = sorted((f["path"], f["line"], f["rule"]) for f in found)
    if want != got:
        missing = sorted(set(want) - set(got))
        extra = sorted(set(got) - set(want))
        print(f"planted-secret check FAILED: {len(missing)} missing {missing[:5]}, {len(extra)} unexpected {extra[:5]}")
        sys.exit(1)
    print(f"planted-secret check: all {len(want)} planted secrets found, nothing else")


if __name__ == "__main__":
    if sys.argv[1] == "--check":
        check(sys.argv[2], sys.argv[3])
    else:
        generate(sys.argv[1])
