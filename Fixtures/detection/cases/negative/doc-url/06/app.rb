# amqp://guest:guest@localhost:5672 is RabbitMQ's default for local development
BROKER = ENV.fetch('AMQP_URL')
