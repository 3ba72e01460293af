class User(BaseModel):
    email: str
    password: str
    password_confirm: SecretStr
