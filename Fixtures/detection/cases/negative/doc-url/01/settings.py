# Example: postgres://myuser:mypass@localhost:5432/mydb
DATABASE_URL = os.environ['DATABASE_URL']
