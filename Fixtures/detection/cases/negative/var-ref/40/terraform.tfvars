region      = "eu-west-1"
instance    = "db.t3.medium"
root_pass = local.db_password
multi_az    = true
