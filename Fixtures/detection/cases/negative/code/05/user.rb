def password=(new_password)
  @password = new_password
  self.password_digest = BCrypt::Password.create(new_password)
end
