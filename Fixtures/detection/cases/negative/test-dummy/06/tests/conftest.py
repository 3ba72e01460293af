@pytest.fixture
def db_url():
    return 'postgresql://test:test@localhost/test'
