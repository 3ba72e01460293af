CREATE TABLE users (
  id bigserial PRIMARY KEY,
  password_hash varchar(255) NOT NULL,
  api_token varchar(64)
);
