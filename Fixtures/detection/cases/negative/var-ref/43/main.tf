resource "aws_db_instance" "orders" {
  identifier        = "orders"
  engine            = "postgres"
  username          = "orders"
  password          = data.vault_generic_secret.db.data["password"]
  skip_final_snapshot = true
}
