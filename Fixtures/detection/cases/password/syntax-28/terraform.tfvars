region      = "eu-west-1"
instance    = "db.t3.medium"
db_password = "Cobalt!2021-"
multi_az    = true
