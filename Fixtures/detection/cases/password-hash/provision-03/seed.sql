INSERT INTO users (email, password_hash) VALUES ('admin@acme.test', '$2b$12$4jGPfpuRP9x5excRVgIc96IH8nZZynXTBMWFqDfxU0U4fAWroshW1');
