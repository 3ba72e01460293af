"""Deterministic synthetic git history for history benchmarks, written with `git fast-import`.

    python3 gen_history.py DIR COMMITS      # a bare repository DIR with COMMITS commits on main

Each commit edits one or two lines of a few of FILES source-like files (so blobs delta well, as in
a real project); every 500th commit renames a file, every 1000th is a merge of a two-commit side
branch, and a few planted secrets are added, kept across many versions, moved and deleted.
Everything comes from a fixed seed, so every run builds the same history."""
import os, random, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_corpus import github  # noqa: E402  (ghp_ tokens with a valid checksum)

SEED = 20261201
FILES = 400
LINES = 24
WORDS = ("request response handler config value result item index count buffer stream parser "
         "render template session cache router model view widget layout event signal queue").split()


def line(r):
    a, b, c = r.choice(WORDS), r.choice(WORDS), r.choice(WORDS)
    return f"    {a}_{b} = {c}({r.randrange(10**6)})  # {a} {b} {c}"


def main(target, commits):
    r = random.Random(SEED)
    subprocess.run(["git", "init", "-q", "--bare", "-b", "main", target], check=True)
    files = {f"src/pkg{i % 20}/mod{i}.py": [line(r) for _ in range(LINES)] for i in range(FILES)}
    names = sorted(files)
    git = subprocess.Popen(["git", "-C", target, "fast-import", "--quiet", "--done"], stdin=subprocess.PIPE)
    out = git.stdin
    mark = 0
    when = 1_500_000_000

    def blob_and_commit(branch, message, changes, parents=()):
        nonlocal mark, when
        when += 37
        mark += 1
        data = message.encode()
        head = (f"commit refs/heads/{branch}\nmark :{mark}\n"
                f"author Dev {mark % 50} <dev{mark % 50}@example.com> {when} +0000\n"
                f"committer Dev {mark % 50} <dev{mark % 50}@example.com> {when} +0000\n"
                f"data {len(data)}\n").encode() + data + b"\n"
        for i, p in enumerate(parents):
            head += f"{'from' if i == 0 else 'merge'} :{p}\n".encode()
        out.write(head)
        for op in changes:
            if op[0] == "M":
                body = ("\n".join(files[op[1]]) + "\n").encode()
                out.write(f"M 100644 inline {op[1]}\ndata {len(body)}\n".encode() + body + b"\n")
            elif op[0] == "R":
                out.write(f'R "{op[1]}" "{op[2]}"\n'.encode())
            else:
                out.write(f"D {op[1]}\n".encode())
        out.write(b"\n")
        return mark

    last = blob_and_commit("main", "initial import", [("M", n) for n in names])
    secrets = {}
    for n in range(1, commits):
        if n % 1000 == 0 and n + 2 < commits:
            # A side branch of two commits, merged back.
            side = last
            for _ in range(2):
                f = r.choice(names)
                files[f][r.randrange(LINES)] = line(r)
                side = blob_and_commit("side", f"side work {n}", [("M", f)], parents=(side,))
            last = blob_and_commit("main", f"Merge side {n}", [], parents=(last, side))
            continue
        changes = []
        if n % 500 == 0:
            old = r.choice(names)
            new = old.replace(".py", f"_v{n}.py")
            files[new] = files.pop(old)
            names[names.index(old)] = new
            changes.append(("R", old, new))
        if n % 997 == 0:
            # A secret planted in a file, kept there while the file changes, deleted 20 000 commits later.
            f = r.choice(names)
            files[f][0] = f"GITHUB_TOKEN = '{github(r)}'"
            secrets[f] = n
        for f, since in list(secrets.items()):
            if n - since > 20_000 and f in files:
                files[f][0] = line(r)
                del secrets[f]
                changes.append(("M", f))
        for f in r.sample(names, r.choice((1, 1, 2, 3))):
            files[f][r.randrange(1, LINES)] = line(r)
            changes.append(("M", f))
        last = blob_and_commit("main", f"change {n}: update {changes[-1][1]}", changes, parents=(last,))
    out.write(b"done\n")
    out.close()
    if git.wait() != 0:
        sys.exit("gen_history: git fast-import failed")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
