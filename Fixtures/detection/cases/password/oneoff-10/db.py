import psycopg2

conn = psycopg2.connect(host="db.internal", dbname="shop", user="shop", password="copper-orchid-falcon-31")
