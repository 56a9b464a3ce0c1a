-- motcua receipt number allocator, PostgreSQL (10 or later).
-- Run as is (for example as a Flyway or Liquibase migration), or let
-- JdbcReceiptNumberAllocator.createSchemaIfMissing() (or its first allocation) run it.
-- JdbcReceiptNumberAllocator.builder().tablePrefix(...) replaces the "motcua_" prefix of every table
-- name below. Instants are stored as milliseconds since the epoch (UTC): no time zone can shift them.

-- The last number given in each series (a unit's form and series symbols; a year is a series of its
-- own). Its row lock orders concurrent allocations in one series.
CREATE TABLE IF NOT EXISTS motcua_receipt_series (
  unit_tax_code  VARCHAR(14)  NOT NULL,
  form_symbol    VARCHAR(20)  NOT NULL,
  series_symbol  VARCHAR(8)   NOT NULL,
  last_number    BIGINT       NOT NULL,
  PRIMARY KEY (unit_tax_code, form_symbol, series_symbol)
);

-- One row per number ever allocated, never deleted. status: ALLOCATED, CANCELLED, REPLACED or
-- ADJUSTED; cancelled_at and cancel_reason hold the time and reason of its last change.
CREATE TABLE IF NOT EXISTS motcua_receipt_number (
  unit_tax_code  VARCHAR(14)  NOT NULL,
  form_symbol    VARCHAR(20)  NOT NULL,
  series_symbol  VARCHAR(8)   NOT NULL,
  receipt_no     BIGINT       NOT NULL,
  status         VARCHAR(10)  NOT NULL,
  allocated_at   BIGINT       NOT NULL,
  cancelled_at   BIGINT,
  cancel_reason  VARCHAR(500),
  PRIMARY KEY (unit_tax_code, form_symbol, series_symbol, receipt_no)
);
