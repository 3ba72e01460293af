resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  username          = "orders"
  password          = random_password.master.result
  skip_final_snapshot = true
}
