DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.postgresql',
        'NAME': 'shop',
        'USER': 'shop',
        'PASSWORD': '07U*ylJR_U3t',
        'HOST': 'db.internal',
        'PORT': '5432',
    }
}
