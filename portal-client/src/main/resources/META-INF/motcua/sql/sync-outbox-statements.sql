-- motcua durable sync outbox: the statements JdbcSyncOutbox runs on H2 and PostgreSQL alike, by name.
-- What differs between the two (numbering a dossier's log, claiming) is in
-- sync-outbox-statements-h2.sql and sync-outbox-statements-postgresql.sql. Not a migration (the
-- schema is sync-outbox-<dialect>.sql). Every "motcua_" that starts a table or index name is
-- replaced by the outbox's table prefix. Instants are milliseconds since the epoch.

-- ------------------------------------------------------------------------------------ event log

-- Gives back numbers taken for events that turned out to be recorded already.
-- name: dossier.give-back
UPDATE motcua_sync_dossier SET last_seq = last_seq - ? WHERE dossier_code = ?;

-- name: event.find
SELECT dossier_code, seq, payload FROM motcua_sync_event WHERE event_id = ?;

-- name: event.insert
INSERT INTO motcua_sync_event
  (event_id, dossier_code, seq, event_type, occurred_at, recorded_at, payload)
  VALUES (?, ?, ?, ?, ?, ?, ?);

-- name: delivery.insert
INSERT INTO motcua_sync_delivery
  (destination, dossier_code, seq, event_pk, status, attempts, claims, recorded_at, available_at,
   lease_until)
  VALUES (?, ?, ?, ?, 'PENDING', 0, 0, ?, 0, 0);

-- name: event.log
SELECT id, payload FROM motcua_sync_event WHERE dossier_code = ? AND seq <= ? ORDER BY seq;

-- ------------------------------------------------------------------------------ claims and leases

-- The statements below end a claim's lease or settle it. Each one matches the delivery only while
-- it is PENDING and leased by this claim: its owner and its claim generation (the fencing token: a
-- worker that takes the delivery over, even under the same worker id, increments claims, and the
-- old claim can then neither renew nor settle). The last five parameters are always destination,
-- dossier_code, seq, lease_owner, claims.

-- name: lease.renew
UPDATE motcua_sync_delivery SET lease_until = ?
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'PENDING'
   AND lease_owner = ? AND claims = ?;

-- Parameters: finished_at, finished_by, then the key.
-- name: settle.delivered
UPDATE motcua_sync_delivery
   SET status = 'DELIVERED', lease_owner = NULL, lease_until = 0, claim_token = NULL,
       finished_at = ?, finished_by = ?
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'PENDING'
   AND lease_owner = ? AND claims = ?;

-- Parameters: attempts, available_at, last_error, then the key.
-- name: settle.failed
UPDATE motcua_sync_delivery
   SET attempts = ?, available_at = ?, last_error = ?, lease_owner = NULL, lease_until = 0,
       claim_token = NULL
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'PENDING'
   AND lease_owner = ? AND claims = ?;

-- Parameters: attempts, last_error, finished_at, finished_by, then the key.
-- name: settle.dead
UPDATE motcua_sync_delivery
   SET status = 'DEAD', attempts = ?, last_error = ?, finished_at = ?, finished_by = ?,
       lease_owner = NULL, lease_until = 0, claim_token = NULL
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'PENDING'
   AND lease_owner = ? AND claims = ?;

-- name: lease.release
UPDATE motcua_sync_delivery SET lease_owner = NULL, lease_until = 0, claim_token = NULL
 WHERE lease_owner = ? AND status = 'PENDING';

-- The earliest instant a first undelivered event of some dossier is due and free of a live lease.
-- name: queue.next-claimable
SELECT MIN(CASE WHEN d.available_at > d.lease_until THEN d.available_at ELSE d.lease_until END)
  FROM motcua_sync_delivery d
 WHERE d.destination = ? AND d.status = 'PENDING'
   AND NOT EXISTS (SELECT 1 FROM motcua_sync_delivery e
                    WHERE e.destination = d.destination AND e.dossier_code = d.dossier_code
                      AND e.seq < d.seq AND e.status IN ('PENDING', 'DEAD'));

-- Parameters: now, destination.
-- name: queue.status
SELECT status, COUNT(*), MIN(recorded_at), SUM(CASE WHEN lease_until > ? THEN 1 ELSE 0 END)
  FROM motcua_sync_delivery WHERE destination = ? GROUP BY status;

-- ----------------------------------------------------------------------------------- dead letters

-- name: dead-letter.list
SELECT d.seq, d.attempts, d.last_error, d.recorded_at, d.finished_at, v.payload, v.id,
       (SELECT COUNT(*) FROM motcua_sync_delivery b
         WHERE b.destination = d.destination AND b.dossier_code = d.dossier_code
           AND b.seq > d.seq AND b.status = 'PENDING')
  FROM motcua_sync_delivery d JOIN motcua_sync_event v ON v.id = d.event_pk
 WHERE d.destination = ? AND d.status = 'DEAD'
 ORDER BY d.event_pk;

-- name: dead-letter.find
SELECT d.seq, d.attempts, d.last_error, d.recorded_at, d.finished_at, v.payload, v.id,
       (SELECT COUNT(*) FROM motcua_sync_delivery b
         WHERE b.destination = d.destination AND b.dossier_code = d.dossier_code
           AND b.seq > d.seq AND b.status = 'PENDING')
  FROM motcua_sync_delivery d JOIN motcua_sync_event v ON v.id = d.event_pk
 WHERE d.destination = ? AND d.status = 'DEAD' AND v.event_id = ?
 ORDER BY d.event_pk;

-- Back in the queue with its attempts reset. Parameters: destination, dossier_code, seq.
-- name: dead-letter.retry
UPDATE motcua_sync_delivery
   SET status = 'PENDING', attempts = 0, available_at = 0, lease_owner = NULL, lease_until = 0,
       finished_at = NULL, finished_by = NULL
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'DEAD';

-- Given up. Parameters: finished_at, destination, dossier_code, seq.
-- name: dead-letter.skip
UPDATE motcua_sync_delivery SET status = 'SKIPPED', finished_at = ?, finished_by = 'operator'
 WHERE destination = ? AND dossier_code = ? AND seq = ? AND status = 'DEAD';

-- name: action.insert
INSERT INTO motcua_sync_action
  (acted_at, destination, event_id, dossier_code, action, operator, note, reason)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: action.list
SELECT acted_at, event_id, dossier_code, action, operator, note, reason
  FROM motcua_sync_action WHERE destination = ? ORDER BY id;
