def login(request):
    password = request.form['password']
    token = generate_token(user.id)
    return check_password(user, password)
