resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  username          = "orders"
  password          = "~@MBE25Uhee-iLG"
  skip_final_snapshot = true
}
