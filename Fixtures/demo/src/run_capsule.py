from codeocean import CodeOcean

client = CodeOcean(domain="https://acme.codeocean.com", token="cop_FZBJQ6c1suD6ZgCSTY9GqC79l9B1UE8ePr5FxgmV")
