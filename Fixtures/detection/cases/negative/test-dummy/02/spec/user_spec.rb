let(:user) { User.new(email: 'a@example.com', password: 'password', password_confirmation: 'password') }
