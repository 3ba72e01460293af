region      = "eu-west-1"
instance    = "db.t3.medium"
admin_password = "IPtYJPE5tWrXaxztNFRl89ODivV4"
multi_az    = true
