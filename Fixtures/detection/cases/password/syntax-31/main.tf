resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  username          = "orders"
  password          = "Willow!2020%"
  skip_final_snapshot = true
}
