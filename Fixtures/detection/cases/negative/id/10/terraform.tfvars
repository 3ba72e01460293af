subscription_id = "a4d2fc93-6d8f-fbc9-7be6-522146eac265"
tenant_id       = "3af0579d-8ebd-1c67-ea66-8026d7974fec"
