# obfuscated on purpose
BLOB = bytes.fromhex("544f4b454e3d676c7061742d66684e735a4f6853425978675f6f5a365538712d")
