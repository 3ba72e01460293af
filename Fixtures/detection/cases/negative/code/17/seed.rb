User.create!(email: 'admin@example.com', password: SecureRandom.hex(16))
