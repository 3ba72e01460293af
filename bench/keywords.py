"""Prints every keyword of the rules in Rules/ (one per line) for ripgrep's fixed-string search."""
import pathlib, yaml
words = set()
for f in sorted(pathlib.Path(__file__).resolve().parent.parent.joinpath("Rules").glob("*.yaml")):
    for rule in (yaml.safe_load(f.read_text()) or {}).get("rules", []):
        for k in rule.get("keywords") or []:
            words.add(str(k).lower())
print("\n".join(sorted(words)))
