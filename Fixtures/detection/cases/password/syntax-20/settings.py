DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
        'USER': 'shop',
        'PASSWORD': 'Enz91eO9joovm4gfnvE0rGRV3XM4Z4U2',
        'HOST': 'db.internal',
        'PORT': '5432',
    }
}
