SECRET_KEY_FILE = '/run/secrets/django_secret_key'
DB_PASSWORD_PATH = BASE_DIR / 'secrets' / 'db_password'
