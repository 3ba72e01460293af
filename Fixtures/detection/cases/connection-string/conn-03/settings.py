CELERY_BROKER_URL = "amqp://celery:TyrGW2PHuhwY8wtULHvYJj3mZVbwT8AO@rabbit.internal:5672/prod"
