def test_login_rejects_wrong_password(client):
    r = client.post('/login', data={'user': 'alice', 'password': 'wrong-password'})
    assert r.status_code == 401
