var password = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException();
