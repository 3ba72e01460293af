region      = "eu-west-1"
instance    = "db.t3.medium"
db_password = var.db_password
multi_az    = true
