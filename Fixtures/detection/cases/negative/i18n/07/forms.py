class LoginForm(forms.Form):
    password = forms.CharField(label="Password", widget=forms.PasswordInput, help_text="Enter your password")
