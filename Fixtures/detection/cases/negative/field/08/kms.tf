resource "aws_kms_key" "secrets" {
  description = "encrypts the app secrets"
  key_usage   = "ENCRYPT_DECRYPT"
}
