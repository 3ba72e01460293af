resource "random_password" "db" {
  length  = 24
  special = true
}

resource "aws_db_instance" "db" {
  password = random_password.db.result
}
