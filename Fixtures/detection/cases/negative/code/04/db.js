const password = await secrets.get('db-password');
const token = jwt.sign(payload, process.env.JWT_SECRET);
