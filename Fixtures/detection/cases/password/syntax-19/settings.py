DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
        'USER': 'shop',
        'PASSWORD': '%rz1i~Xqn!',
        'HOST': 'db.internal',
        'PORT': '5432',
    }
}
