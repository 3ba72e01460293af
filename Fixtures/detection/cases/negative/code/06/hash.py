password = hash_password(raw_password, salt=os.urandom(16))
secret = base64.b64encode(os.urandom(32)).decode()
