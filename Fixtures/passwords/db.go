package db

type Config struct {
	User     string
	Password string
}

func Open() Config {
	token := GetToken(sid)
	_ = token
	return Config{User: "orders", Password: "gO7pLm3nBv"}
}
