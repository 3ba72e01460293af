region      = "eu-west-1"
instance    = "db.t3.medium"
master_password = "U9QF3*MpeUGe"
multi_az    = true
