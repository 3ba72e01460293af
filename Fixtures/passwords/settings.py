import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "PASSWORD": "Hy6tRe4wQ",
    },
    "replica": {"PASSWORD": os.environ["REPLICA_PASSWORD"]},
}
# DATABASE_URL = "postgres://myuser:mypass@localhost:5432/app"
EMAIL_HOST_PASSWORD = "your_password_here"
PASSWORD_LABEL = "Enter your password"
