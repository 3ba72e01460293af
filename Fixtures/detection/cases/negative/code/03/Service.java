String password = credentialsProvider.getPassword(userId);
String apiKey = vault.read("kv/api").get("key");
