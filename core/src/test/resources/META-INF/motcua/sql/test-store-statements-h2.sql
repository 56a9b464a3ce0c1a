-- Named statements as motcua ships them.

-- Finds one thing.
-- name: thing.find
SELECT id FROM motcua_thing
 WHERE id = ?;

-- name: thing.count
SELECT COUNT(*) FROM motcua_thing;
