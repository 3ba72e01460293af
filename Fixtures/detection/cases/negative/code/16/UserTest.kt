val password = faker.internet().password(12, 20)
val token = UUID.randomUUID().toString()
