pub struct Login {
    pub username: String,
    pub password: SecretString,
}
