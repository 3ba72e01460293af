type Credentials struct {
	Username string `json:"username"`
	Password string `json:"password"`
}
