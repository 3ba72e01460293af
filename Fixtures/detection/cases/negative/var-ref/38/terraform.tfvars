region      = "eu-west-1"
instance    = "db.t3.medium"
admin_password = data.aws_secretsmanager_secret_version.db.secret_string
multi_az    = true
