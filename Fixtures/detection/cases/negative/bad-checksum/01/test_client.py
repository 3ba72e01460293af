TOKEN = "ghp_S6gux0iRhIOymGTJIpmlKuobUhtvPV1JqFRA"
