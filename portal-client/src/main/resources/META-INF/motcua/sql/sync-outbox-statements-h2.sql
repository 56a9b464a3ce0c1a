-- motcua durable sync outbox, H2 (2.x): the statements only H2 runs this way, by name; the others
-- are in sync-outbox-statements.sql. Not a migration (the schema is sync-outbox-h2.sql).

-- Takes the next n numbers of a dossier's log: H2 has no INSERT ... ON CONFLICT, so the outbox
-- advances the row (its lock orders concurrent writers until the commit) and reads it, or inserts
-- it for a dossier's first event (retrying once when another writer inserted it first).
-- name: dossier.advance
UPDATE motcua_sync_dossier SET last_seq = last_seq + ? WHERE dossier_code = ?;

-- name: dossier.last
SELECT last_seq FROM motcua_sync_dossier WHERE dossier_code = ?;

-- name: dossier.insert
INSERT INTO motcua_sync_dossier (dossier_code, last_seq) VALUES (?, ?);

-- H2 (checked with 2.5.252) applies FETCH FIRST before skipping locked rows, so a second worker
-- would find nothing with SKIP LOCKED: a claim is a compare-and-set on the lease columns instead.
-- First the candidates: the first undelivered event of each dossier (nothing earlier is PENDING or
-- DEAD), due, with no live lease. The ORDER BY is the queue index's own order: H2 then walks the
-- index lazily instead of sorting every pending row (28 times faster on a 40,000 event backlog).
-- Parameters: destination, now, now, max.
-- name: claim.candidates
SELECT d.destination, d.dossier_code, d.seq FROM motcua_sync_delivery d
 WHERE d.destination = ? AND d.status = 'PENDING' AND d.available_at <= ? AND d.lease_until <= ?
   AND NOT EXISTS (SELECT 1 FROM motcua_sync_delivery e
                    WHERE e.destination = d.destination AND e.dossier_code = d.dossier_code
                      AND e.seq < d.seq AND e.status IN ('PENDING', 'DEAD'))
 ORDER BY d.destination, d.status, d.event_pk
 FETCH FIRST ? ROWS ONLY;

-- Then each candidate still free. Parameters: owner, until, token, destination, dossier_code, seq,
-- now, now.
-- name: claim.lease
UPDATE motcua_sync_delivery
   SET lease_owner = ?, lease_until = ?, claim_token = ?, claims = claims + 1
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'PENDING'
   AND lease_until <= ? AND available_at <= ?;

-- Then what this claim (its token) got.
-- name: claim.read
SELECT u.seq, u.event_pk, u.attempts, u.recorded_at, v.payload, u.claims
  FROM motcua_sync_delivery u JOIN motcua_sync_event v ON v.id = u.event_pk
 WHERE u.claim_token = ? ORDER BY u.event_pk;
