-- motcua receipt number allocator: the statements JdbcReceiptNumberAllocator runs on H2 and
-- PostgreSQL alike, by name. Not a migration (the schema is receipt-numbers-<dialect>.sql). Every
-- "motcua_" that starts a table name is replaced by the allocator's table prefix. Instants are
-- milliseconds since the epoch.
-- A series is always bound as unit_tax_code, form_symbol, series_symbol.

-- Takes the next number: the update locks the series row until the commit.
-- name: series.advance
UPDATE motcua_receipt_series SET last_number = last_number + 1
 WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ?;

-- name: series.last
SELECT last_number FROM motcua_receipt_series
 WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ?;

-- A series' first number (two processes inserting at once: one fails, and is retried).
-- name: series.insert
INSERT INTO motcua_receipt_series (unit_tax_code, form_symbol, series_symbol, last_number)
  VALUES (?, ?, ?, 1);

-- Parameters: the series, receipt_no, allocated_at.
-- name: number.insert
INSERT INTO motcua_receipt_number
  (unit_tax_code, form_symbol, series_symbol, receipt_no, status, allocated_at)
  VALUES (?, ?, ?, ?, 'ALLOCATED', ?);

-- Allocated and adjusted receipts can still be cancelled, replaced or adjusted; cancelled and
-- replaced ones are final. Parameters: status, cancelled_at, cancel_reason, the series, receipt_no.
-- name: number.change
UPDATE motcua_receipt_number SET status = ?, cancelled_at = ?, cancel_reason = ?
 WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ? AND receipt_no = ?
   AND status IN ('ALLOCATED', 'ADJUSTED');

-- name: number.find
SELECT status, allocated_at, cancelled_at, cancel_reason FROM motcua_receipt_number
 WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ? AND receipt_no = ?;
