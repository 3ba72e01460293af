AUTH = (
    "AWS4-HMAC-SHA256 "
    "Credential=test/20260804/eu-west-1/secretsmanager/aws4_request, "
)
