git clone https://oauth2:glpat-i1JZSjK-WoOaEtflQjYZ@gitlab.com/acme/infra.git
