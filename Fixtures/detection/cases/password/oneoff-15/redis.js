const redis = require('redis');
const client = redis.createClient({ url: 'redis://cache:6379', password: "SBEIMiJI51WbVrk7gN4uHCo28vwhZs2y" });
