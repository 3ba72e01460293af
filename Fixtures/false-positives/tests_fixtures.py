def test_rejects_short_tokens():
    assert not looks_like_token("cop_abc")
    assert not looks_like_token("ghp_short")
    client = CodeOcean(domain="https://codeocean.acme.io", token=os.environ["CODEOCEAN_TOKEN"])
    headers = {"Authorization": f"Bearer {token}"}
    url = f"https://zenodo.org/api/deposit/depositions?access_token={ACCESS_TOKEN}"
    r = requests.get("https://zenodo.org/api/deposit/depositions", params={"access_token": ACCESS_TOKEN})
