subscription_id = "d36c8759-0003-7245-2bb7-d6913465417a"
tenant_id       = "31762971-b8d8-e1e2-0eb8-35b3db73bbfc"
