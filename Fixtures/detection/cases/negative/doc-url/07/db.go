// dsn: "user:pass@tcp(127.0.0.1:3306)/dbname"
var dsn = os.Getenv("MYSQL_DSN")
