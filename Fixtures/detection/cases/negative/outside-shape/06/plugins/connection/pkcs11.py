if self.use_pkcs11:
    password_prompt = PKCS11_DEFAULT_PROMPT
