// e.g. mongodb://user:password@localhost:27017/test
module.exports = { url: process.env.MONGO_URL };
