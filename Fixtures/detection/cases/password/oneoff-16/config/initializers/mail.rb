ActionMailer::Base.smtp_settings = {
  address: 'smtp.mailgun.org',
  user_name: 'postmaster@mg.acme.test',
  password: 'Vae9*.-OiGG6eCR',
  authentication: :plain
}
