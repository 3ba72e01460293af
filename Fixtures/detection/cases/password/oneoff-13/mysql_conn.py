import MySQLdb

db = MySQLdb.connect(host="localhost", user="report", passwd="ember-willow-copper-43", db="sales")
