-- motcua payment order store, H2 (2.x; tested on 2.5.252).
-- Run as is (for example as a Flyway or Liquibase migration), or let
-- JdbcPaymentOrderStore.createSchemaIfMissing() run it. JdbcPaymentOrderStore.builder().tablePrefix(...)
-- replaces the "motcua_" prefix of every table and index name below.
-- Instants are stored as milliseconds since the epoch (UTC): no time zone can shift them.

-- One row per order sent to the payment platform. state: OPEN (sent, not paid yet), PAID (a verified
-- callback or a status query confirmed it; only the first confirmation is kept), EXPIRED (given up
-- by the reconciler). An order leaves OPEN once, by a compare-and-set on state.
CREATE TABLE IF NOT EXISTS motcua_payment_order (
  reference       VARCHAR(64)   NOT NULL PRIMARY KEY,
  dossier_code    VARCHAR(64)   NOT NULL,
  amount          BIGINT        NOT NULL,
  requested_at    BIGINT        NOT NULL,
  order_json      CHARACTER VARYING NOT NULL,
  state           VARCHAR(16)   NOT NULL,
  transaction_id  VARCHAR(128),
  bank_code       VARCHAR(64),
  paid_at         BIGINT,
  result_code     VARCHAR(16),
  settled_by      VARCHAR(16),
  closed_at       BIGINT,
  checks          INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS motcua_payment_order_ix_open
  ON motcua_payment_order (state, requested_at);
