EMAIL_HOST = 'smtp.sendgrid.net'
EMAIL_HOST_USER = 'apikey'
EMAIL_HOST_PASSWORD = 'falcon-violet-orchid-41'
EMAIL_PORT = 587
