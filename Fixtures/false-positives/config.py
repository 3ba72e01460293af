import os

# Secrets come from the environment, never from this file.
SECRET_KEY = os.environ["SECRET_KEY"]
GITHUB_TOKEN = os.environ.get("GITHUB_TOKEN")
ZENODO_TOKEN = os.getenv("ZENODO_TOKEN", "")
api_key = settings.PAYMENTS_API_KEY_PRODUCTION
password = getpass.getpass("Password: ")
token = request.headers.get("X-Auth-Token")
auth_token = None
password_reset_template = "emails/PasswordResetNotification"
TOKEN_URL = "https://zenodo.org/oauth/token"
