-- A schema as motcua ships them: comments, statements separated by semicolons.
CREATE TABLE IF NOT EXISTS motcua_thing (
  id BIGINT NOT NULL,
  note VARCHAR(20) DEFAULT 'motcua_ stays'
);
-- An index.
CREATE INDEX IF NOT EXISTS motcua_thing_ix ON motcua_thing (id);
