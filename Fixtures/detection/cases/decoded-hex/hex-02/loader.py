# obfuscated on purpose
BLOB = bytes.fromhex("544f4b454e3d414b494156594f49504e3534515749514c46575a")
