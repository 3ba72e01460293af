data = {
    "password1": "FORBIDDEN_VALUE2",
    "password2": "FORBIDDEN_VALUE2",
}
