static class Keys
{
    public const string Private = ""
        + "-----BEGIN EC PRIVATE KEY-----\n"
        + "MHcCAQEEIDkSWywQ9OzkSwPv0qy8JEJq7TAPx7BHeoSC+O20zYYtoAoGCCqGSM49\n"
        + "AwEHoUQDQgAEyNXYvZ1fK7gNEucinY7h3S27akC0wZuhNmJYcMQ/l6Hi54jtlMwr\n"
        + "NnhuKOVdrIsKK79hpJvejPo192TWYa+MTw==\n"
        + "-----END EC PRIVATE KEY-----\n";
}
