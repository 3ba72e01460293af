resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  username          = "orders"
  password          = "Quartz!1993%"
  skip_final_snapshot = true
}
