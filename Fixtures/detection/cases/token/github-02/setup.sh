git remote set-url origin https://x-access-token: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@github.com/acme/api.git
