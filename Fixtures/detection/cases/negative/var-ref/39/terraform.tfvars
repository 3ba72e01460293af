region      = "eu-west-1"
instance    = "db.t3.medium"
master_password = random_password.db.result
multi_az    = true
