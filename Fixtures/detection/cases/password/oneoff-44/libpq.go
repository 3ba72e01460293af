package store

const dsn = "host=db user=orders password=~gaRQKyVa0v8TwQz dbname=orders sslmode=disable"
