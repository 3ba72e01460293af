#!/usr/bin/env python3
"""Writes the archive fixtures of ArchiveTests (deterministic: fixed dates, sorted members).
Run from this folder: python3 make-fixtures.py. The tokens are the GitHub rule's own examples."""
import gzip, io, tarfile, zipfile

TOKEN = "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"
NESTED = "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"
DATE = (2024, 1, 1, 0, 0, 0)


def zip_bytes(members, method=zipfile.ZIP_DEFLATED):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, DATE), data, compress_type=method)
    return out.getvalue()


def tar_bytes(members):
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 1704067200, 0o644
            t.addfile(info, io.BytesIO(data))
    return out.getvalue()


classfile = bytes([0xCA, 0xFE, 0xBA, 0xBE, 0, 0, 0, 0x41]) + bytes(64)
props = f"spring.application.name=billing\ngithub.token={TOKEN}\n".encode()
jar = zip_bytes([("META-INF/MANIFEST.MF", b"Manifest-Version: 1.0\n"), ("com/example/App.class", classfile),
                 ("config/application.properties", props)])
open("app.jar", "wb").write(jar)

inner = zip_bytes([("deploy/.env", f"GITHUB_TOKEN={NESTED}\n".encode())])
open("nested.zip", "wb").write(zip_bytes([("README.txt", b"bundle\n"), ("lib/inner.jar", inner)], zipfile.ZIP_STORED))

tar = tar_bytes([("etc/app.conf", f"token = {TOKEN}\n".encode()), ("etc/motd", b"hello\n")])
open("backup.tar.gz", "wb").write(gzip.compress(tar, mtime=0))

# 5 MiB of zeros deflate to about 5 KiB: a ratio near 1000:1, over the 100:1 limit.
open("bomb.zip", "wb").write(zip_bytes([("zeros.bin", bytes(5 << 20)), ("ok.txt", f"t={TOKEN}\n".encode())]))

# A zip whose central directory is cut off.
open("corrupt.zip", "wb").write(jar[: len(jar) // 2])

# A gzip that is not a tar: one member, named by the file without .gz; and a gzip bomb.
open("notes.txt.gz", "wb").write(gzip.compress(f"deploy token {TOKEN}\n".encode(), mtime=0))
open("zeros.gz", "wb").write(gzip.compress(bytes(5 << 20), mtime=0))
