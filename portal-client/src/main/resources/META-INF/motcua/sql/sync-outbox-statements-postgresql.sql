-- motcua durable sync outbox, PostgreSQL: the statements only PostgreSQL runs this way, by name;
-- the others are in sync-outbox-statements.sql. Not a migration (the schema is
-- sync-outbox-postgresql.sql).

-- Takes the next n numbers of a dossier's log in one statement; the row lock orders concurrent
-- writers of one dossier until the writer's commit. Returns the last number taken.
-- name: dossier.reserve
INSERT INTO motcua_sync_dossier AS d (dossier_code, last_seq) VALUES (?, ?)
  ON CONFLICT (dossier_code) DO UPDATE SET last_seq = d.last_seq + EXCLUDED.last_seq
  RETURNING last_seq;

-- Leases up to ? due deliveries: the first undelivered event of each dossier (nothing earlier is
-- PENDING or DEAD), due, with no live lease. SKIP LOCKED: concurrent workers neither wait for each
-- other nor take the same row. Parameters: destination, now, now, max, owner, until, token.
-- name: claim.take
WITH c AS (
  SELECT d.destination, d.dossier_code, d.seq FROM motcua_sync_delivery d
   WHERE d.destination = ? AND d.status = 'PENDING' AND d.available_at <= ? AND d.lease_until <= ?
     AND NOT EXISTS (SELECT 1 FROM motcua_sync_delivery e
                      WHERE e.destination = d.destination AND e.dossier_code = d.dossier_code
                        AND e.seq < d.seq AND e.status IN ('PENDING', 'DEAD'))
   ORDER BY d.destination, d.status, d.event_pk
   LIMIT ? FOR UPDATE OF d SKIP LOCKED)
UPDATE motcua_sync_delivery u
   SET lease_owner = ?, lease_until = ?, claim_token = ?, claims = u.claims + 1
  FROM c, motcua_sync_event v
 WHERE u.destination = c.destination AND u.dossier_code = c.dossier_code AND u.seq = c.seq
   AND v.id = u.event_pk
RETURNING u.seq, u.event_pk, u.attempts, u.recorded_at, v.payload, u.claims;
