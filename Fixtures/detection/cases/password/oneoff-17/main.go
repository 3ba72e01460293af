package main

func dsn() mysql.Config {
	return mysql.Config{
		User:   "api",
		Passwd: "Y~llIl7nzHBV9",
		Net:    "tcp",
		Addr:   "db:3306",
	}
}
