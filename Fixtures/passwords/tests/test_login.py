def test_login(client):
    client.login(username="alice", password="Tz4wQp9Lm")
