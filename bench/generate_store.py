#!/usr/bin/env python3
"""Writes a token store with N registered tokens (random fingerprints), for load-time benchmarks.
Usage: generate_store.py N PATH"""
import hashlib
import sys

count, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as out:
    out.write("version: 1\npolicy:\n  max_age_days: 0\n  require_expiry: false\n  warn_expiring_days: 14\ntokens:\n")
    for i in range(count):
        fingerprint = hashlib.sha256(b"bench-token-%d" % i).hexdigest()
        out.write(f"- id: bench-{i}\n  service: github\n  fingerprint: sha256:{fingerprint}\n  length: 40\n"
                  f"  charset: alnum\n  owner: team-{i % 50}\n  scopes: [read:packages]\n"
                  f"  created: 2026-01-01\n  expires: never\n")
