const { Pool } = require('pg');

const pool = new Pool({
  host: 'db.internal',
  user: 'api',
  password: 'gJejo96wxq4LghH8rOvhU',
  database: 'api',
});
