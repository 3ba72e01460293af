#!/usr/bin/env python3
"""Fetches the outside corpus: source distributions of well-known projects from PyPI (pinned
versions, so runs compare), unpacked into DIR/NAME. Real code no one here wrote — settings,
docs, tests and fixtures — for measuring false positives. Usage: fetch_outside.py DIR"""
import io, json, os, sys, tarfile, urllib.parse, urllib.request

PROJECTS = {
    "django": "6.1.3", "ansible-core": "2.21.5", "sqlalchemy": "2.1.9", "celery": "5.7.0",
    "apache-airflow-core": "3.3.2", "gunicorn": "27.0.1", "sentry-sdk": "2.75.0", "boto3": "1.44.8",
    "paramiko": "5.1.0", "docker": "7.2.0",
}

def fetch(name, version, into):
    if os.path.isdir(into):
        return
    url = f"https://pypi.org/pypi/{name}/json"
    meta = json.load(urllib.request.urlopen(url, timeout=60))
    files = meta.get("releases", {}).get(version) or (meta["urls"] if meta["info"]["version"] == version else [])
    sdist = next((u for u in files if u["packagetype"] == "sdist"), None)
    if sdist is None:
        sys.exit(f"fetch_outside: no sdist of {name} {version} on the package index")
    data = urllib.request.urlopen(urllib.parse.urljoin(url, sdist["url"]), timeout=300).read()
    tarfile.open(fileobj=io.BytesIO(data)).extractall(into + ".tmp", filter="data")
    os.rename(into + ".tmp", into)

if __name__ == "__main__":
    root = sys.argv[1]
    os.makedirs(root, exist_ok=True)
    for name, version in PROJECTS.items():
        fetch(name, version, os.path.join(root, name))
        print(f"{name}={os.path.join(root, name)}")
