module.exports = {
  password: process.env.DB_PASSWORD,
  secret: config.get('session.secret'),
};
