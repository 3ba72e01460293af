stripe.api_key = "sk_test_7xICECckqQVXmiUnGA95EvXP"
