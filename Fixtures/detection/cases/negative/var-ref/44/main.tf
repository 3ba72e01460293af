resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  username          = "orders"
  password          = module.secrets.db_password
  skip_final_snapshot = true
}
