app.config['SECRET_KEY'] = os.environ.get('SECRET_KEY') or secrets.token_hex(32)
