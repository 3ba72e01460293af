openai.api_key = "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"
