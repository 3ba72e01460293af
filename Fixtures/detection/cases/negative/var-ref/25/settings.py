DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
        'USER': 'shop',
        'PASSWORD': os.environ['DB_PASSWORD'],
        'HOST': 'db.internal',
        'PORT': '5432',
    }
}
