-- motcua payment order store: the statements JdbcPaymentOrderStore runs on H2 and PostgreSQL
-- alike, by name. Not a migration (the schema is payment-orders-<dialect>.sql). Every "motcua_"
-- that starts a table name is replaced by the store's table prefix. Instants are milliseconds
-- since the epoch.

-- name: order.find
SELECT reference, requested_at, order_json, state, transaction_id, bank_code, paid_at,
       result_code, settled_by, closed_at, checks
  FROM motcua_payment_order WHERE reference = ?;

-- name: order.insert
INSERT INTO motcua_payment_order
  (reference, dossier_code, amount, requested_at, order_json, state, checks)
  VALUES (?, ?, ?, ?, ?, 'OPEN', 0);

-- An order leaves OPEN once: the first confirmation is kept. Parameters: transaction_id,
-- bank_code, paid_at, result_code, settled_by, closed_at, reference.
-- name: order.pay
UPDATE motcua_payment_order
   SET state = 'PAID', transaction_id = ?, bank_code = ?, paid_at = ?, result_code = ?,
       settled_by = ?, closed_at = ?
 WHERE reference = ? AND state = 'OPEN';

-- name: order.expire
UPDATE motcua_payment_order SET state = 'EXPIRED', closed_at = ?
 WHERE reference = ? AND state = 'OPEN';

-- name: order.checked
UPDATE motcua_payment_order SET checks = checks + 1 WHERE reference = ? AND state = 'OPEN';

-- The open orders checked least, then oldest. Parameters: requested before, limit.
-- name: order.open
SELECT reference, requested_at, order_json, state, transaction_id, bank_code, paid_at,
       result_code, settled_by, closed_at, checks
  FROM motcua_payment_order WHERE state = 'OPEN' AND requested_at < ?
 ORDER BY checks, requested_at, reference FETCH FIRST ? ROWS ONLY;

-- name: order.counts
SELECT state, COUNT(*) FROM motcua_payment_order GROUP BY state;
