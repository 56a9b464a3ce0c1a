package io.github.motcua.signing.receipt;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.RetryLaterException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ReceiptNumberAllocator} that keeps its counters and the record of every number in a
 * relational database through JDBC: embedded H2 by default, PostgreSQL supported.
 *
 * <p>Each allocation is one short transaction: it increments the series' counter row (the update
 * locks the row, so concurrent allocations on one series queue up, in this process or in others)
 * and inserts the number's record; both commit together or not at all. A number is therefore never
 * handed out twice, and no number is lost unless its transaction committed; restarts continue from
 * the stored counter. Transient failures (lock time-outs, serialisation failures, two processes
 * creating a series at once) are retried up to {@link Builder#maxAttempts(int)} times.
 *
 * <p>From 1 July 2026 a series' receipt symbol carries the year of issue ({@code 26TAB}), so each
 * year is a series of its own here and its numbers start at 1 on 1 January (Decree 254/2026/NĐ-CP
 * Art. 23(2)); {@link EReceiptIssuer} picks the year's series by the issue date in Vietnam time. A
 * number's {@code status} is {@code ALLOCATED}, {@code CANCELLED}, {@code REPLACED} or {@code
 * ADJUSTED}; {@code cancelled_at} and {@code cancel_reason} hold the time and reason of its last
 * change ({@link #cancel}, {@link #recordCorrection}).
 *
 * <p>Tables (the prefix is {@code motcua_} unless set), created when missing on first use:
 *
 * <pre>
 * motcua_receipt_series (unit_tax_code, form_symbol, series_symbol, last_number)
 * motcua_receipt_number (unit_tax_code, form_symbol, series_symbol, receipt_no, status,
 *                        allocated_at, cancelled_at, cancel_reason)
 * </pre>
 *
 * <p>The JDBC driver is the integrator's: add {@code com.h2database:h2} or {@code
 * org.postgresql:postgresql} to the application. Pass a pooled {@link DataSource} for throughput; a
 * JDBC URL opens a connection per call.
 *
 * <p>Thread-safe; build one per database and share it.
 */
public final class JdbcReceiptNumberAllocator implements ReceiptNumberAllocator {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcReceiptNumberAllocator.class);
  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");

  /** Opens a connection; a {@link DataSource} or the driver manager. */
  @FunctionalInterface
  private interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final Clock clock;
  private final int maxAttempts;
  private final String seriesTable;
  private final String numberTable;
  private final Object schemaLock = new Object();
  private volatile boolean schemaReady;

  private JdbcReceiptNumberAllocator(Builder b) {
    if (b.dataSource != null) {
      DataSource ds = b.dataSource;
      this.connector = ds::getConnection;
    } else {
      String url = b.jdbcUrl != null ? b.jdbcUrl : defaultH2Url(Path.of("motcua-receipts"));
      String user = b.user;
      String password = b.password;
      this.connector =
          user == null
              ? () -> DriverManager.getConnection(url)
              : () -> DriverManager.getConnection(url, user, password);
    }
    this.clock = b.clock;
    this.maxAttempts = b.maxAttempts;
    this.seriesTable = b.tablePrefix + "receipt_series";
    this.numberTable = b.tablePrefix + "receipt_number";
  }

  /**
   * Starts an allocator. With no data source or URL, it uses an embedded H2 database in the file
   * {@code motcua-receipts.mv.db} of the working directory.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private static String defaultH2Url(Path file) {
    // Keep the database open between calls: without a pool, H2 would otherwise close and reopen
    // the file around every allocation. It closes when the JVM exits. WRITE_DELAY=0: each commit
    // is written before H2 acknowledges it (its default, 500 ms, loses the last half second's
    // numbers to a killed process, which would then issue them again). MAX_COMPACT_TIME=0: no
    // compaction at close, after which H2 2.5.252 lost acknowledged commits of a killed next
    // session (see the portal-client README, "Durability").
    return "jdbc:h2:file:"
        + file.toAbsolutePath()
        + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0;MAX_COMPACT_TIME=0";
  }

  @Override
  public long allocate(ReceiptSeries series) {
    Objects.requireNonNull(series, "series");
    ensureSchema();
    SQLException last = null;
    for (int attempt = 1; attempt <= maxAttempts; attempt++) {
      try (Connection c = connector.open()) {
        long number = allocateOnce(c, series);
        LOG.debug("Allocated receipt number {} of series {}", number, series);
        return number;
      } catch (SQLException e) {
        last = e;
        if (!isTransient(e)) {
          break;
        }
        LOG.debug("Retrying a receipt number allocation after {}", e.getSQLState());
      }
    }
    throw new RetryLaterException(
        "receipt-number.storage",
        "No receipt number could be allocated for series " + series + "; nothing was allocated.",
        last);
  }

  private long allocateOnce(Connection c, ReceiptSeries series) throws SQLException {
    c.setAutoCommit(false);
    c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    try {
      long number;
      try (PreparedStatement up =
          c.prepareStatement(
              "UPDATE "
                  + seriesTable
                  + " SET last_number = last_number + 1"
                  + " WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ?")) {
        bindSeries(up, series, 1);
        if (up.executeUpdate() == 0) {
          try (PreparedStatement ins =
              c.prepareStatement(
                  "INSERT INTO "
                      + seriesTable
                      + " (unit_tax_code, form_symbol, series_symbol, last_number)"
                      + " VALUES (?, ?, ?, 1)")) {
            bindSeries(ins, series, 1);
            ins.executeUpdate();
          }
          number = 1;
        } else {
          try (PreparedStatement sel =
              c.prepareStatement(
                  "SELECT last_number FROM "
                      + seriesTable
                      + " WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ?")) {
            bindSeries(sel, series, 1);
            try (ResultSet rs = sel.executeQuery()) {
              rs.next();
              number = rs.getLong(1);
            }
          }
        }
      }
      if (number > EReceipt.MAX_NUMBER) {
        c.rollback();
        throw new ConfigurationException(
            "receipt-number.exhausted",
            "Series " + series + " has used every number up to " + EReceipt.MAX_NUMBER + ".");
      }
      try (PreparedStatement rec =
          c.prepareStatement(
              "INSERT INTO "
                  + numberTable
                  + " (unit_tax_code, form_symbol, series_symbol, receipt_no, status, allocated_at)"
                  + " VALUES (?, ?, ?, ?, 'ALLOCATED', ?)")) {
        bindSeries(rec, series, 1);
        rec.setLong(4, number);
        rec.setObject(5, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        rec.executeUpdate();
      }
      c.commit();
      return number;
    } catch (SQLException | RuntimeException e) {
      rollbackQuietly(c, e);
      throw e;
    }
  }

  @Override
  public void cancel(ReceiptSeries series, long number, String reason) {
    changeStatus(series, number, AllocatedNumber.Status.CANCELLED, reason);
    LOG.warn("Cancelled receipt number {} of series {}: {}", number, series, reason.strip());
  }

  @Override
  public void recordCorrection(
      ReceiptSeries series, long number, AllocatedNumber.Status status, String note) {
    if (status != AllocatedNumber.Status.REPLACED && status != AllocatedNumber.Status.ADJUSTED) {
      throw new InvalidInputException(
          "receipt-number.status", "A correction marks a number replaced or adjusted.");
    }
    changeStatus(series, number, status, note);
    LOG.info("Receipt number {} of series {} is now {}", number, series, status);
  }

  private void changeStatus(
      ReceiptSeries series, long number, AllocatedNumber.Status status, String reason) {
    Objects.requireNonNull(series, "series");
    if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
      throw new InvalidInputException(
          "receipt-number.reason", "A status change needs a reason of 1 to 500 characters.");
    }
    String why = reason.strip();
    // Allocated and adjusted receipts can still be cancelled, replaced or adjusted; cancelled and
    // replaced ones are final.
    ensureSchema();
    try (Connection c = connector.open()) {
      c.setAutoCommit(true);
      int updated;
      try (PreparedStatement up =
          c.prepareStatement(
              "UPDATE "
                  + numberTable
                  + " SET status = ?, cancelled_at = ?, cancel_reason = ?"
                  + " WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ?"
                  + " AND receipt_no = ? AND status IN ('ALLOCATED', 'ADJUSTED')")) {
        up.setString(1, status.name());
        up.setObject(2, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        up.setString(3, why);
        bindSeries(up, series, 4);
        up.setLong(7, number);
        updated = up.executeUpdate();
      }
      if (updated == 0) {
        Optional<AllocatedNumber> existing = find(c, series, number);
        if (existing.isEmpty()) {
          throw new InvalidInputException(
              "receipt-number.unknown",
              "Number " + number + " of series " + series + " was never allocated.");
        }
        throw new InvalidInputException(
            "receipt-number.already-cancelled",
            "Number "
                + number
                + " of series "
                + series
                + " is already "
                + existing.get().status().name().toLowerCase(java.util.Locale.ROOT)
                + ".");
      }
    } catch (SQLException e) {
      throw new RetryLaterException(
          "receipt-number.storage",
          "Number " + number + " of series " + series + " could not be marked " + status + ".",
          e);
    }
  }

  @Override
  public Optional<AllocatedNumber> find(ReceiptSeries series, long number) {
    Objects.requireNonNull(series, "series");
    ensureSchema();
    try (Connection c = connector.open()) {
      return find(c, series, number);
    } catch (SQLException e) {
      throw new RetryLaterException(
          "receipt-number.storage", "The record of a receipt number could not be read.", e);
    }
  }

  private Optional<AllocatedNumber> find(Connection c, ReceiptSeries series, long number)
      throws SQLException {
    try (PreparedStatement sel =
        c.prepareStatement(
            "SELECT status, allocated_at, cancelled_at, cancel_reason FROM "
                + numberTable
                + " WHERE unit_tax_code = ? AND form_symbol = ? AND series_symbol = ?"
                + " AND receipt_no = ?")) {
      bindSeries(sel, series, 1);
      sel.setLong(4, number);
      try (ResultSet rs = sel.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        OffsetDateTime cancelled = rs.getObject(3, OffsetDateTime.class);
        return Optional.of(
            new AllocatedNumber(
                series,
                number,
                AllocatedNumber.Status.valueOf(rs.getString(1)),
                rs.getObject(2, OffsetDateTime.class).toInstant(),
                cancelled == null ? null : cancelled.toInstant(),
                rs.getString(4)));
      }
    }
  }

  /**
   * Creates the tables when they are missing. Called on first use; calling it earlier surfaces a
   * wrong URL or missing driver at start-up.
   *
   * @throws RetryLaterException with code {@code receipt-number.storage}
   */
  public void createSchemaIfMissing() {
    synchronized (schemaLock) {
      if (schemaReady) {
        return;
      }
      try (Connection c = connector.open();
          Statement s = c.createStatement()) {
        c.setAutoCommit(true);
        try {
          s.execute(
              "CREATE TABLE IF NOT EXISTS "
                  + seriesTable
                  + " (unit_tax_code VARCHAR(14) NOT NULL,"
                  + " form_symbol VARCHAR(20) NOT NULL,"
                  + " series_symbol VARCHAR(8) NOT NULL,"
                  + " last_number BIGINT NOT NULL,"
                  + " PRIMARY KEY (unit_tax_code, form_symbol, series_symbol))");
          s.execute(
              "CREATE TABLE IF NOT EXISTS "
                  + numberTable
                  + " (unit_tax_code VARCHAR(14) NOT NULL,"
                  + " form_symbol VARCHAR(20) NOT NULL,"
                  + " series_symbol VARCHAR(8) NOT NULL,"
                  + " receipt_no BIGINT NOT NULL,"
                  + " status VARCHAR(10) NOT NULL,"
                  + " allocated_at TIMESTAMP WITH TIME ZONE NOT NULL,"
                  + " cancelled_at TIMESTAMP WITH TIME ZONE,"
                  + " cancel_reason VARCHAR(500),"
                  + " PRIMARY KEY (unit_tax_code, form_symbol, series_symbol, receipt_no))");
        } catch (SQLException e) {
          // Another process may have created the tables at the same moment (PostgreSQL reports
          // that as a unique violation even with IF NOT EXISTS); they are usable if this works.
          s.executeQuery("SELECT COUNT(*) FROM " + numberTable).close();
        }
        schemaReady = true;
      } catch (SQLException e) {
        throw new RetryLaterException(
            "receipt-number.storage",
            "The receipt number tables could not be created or read: " + e.getMessage(),
            e);
      }
    }
  }

  private void ensureSchema() {
    if (!schemaReady) {
      createSchemaIfMissing();
    }
  }

  private static void bindSeries(PreparedStatement ps, ReceiptSeries series, int first)
      throws SQLException {
    ps.setString(first, series.unitTaxCode().value());
    ps.setString(first + 1, series.formSymbol());
    ps.setString(first + 2, series.seriesSymbol());
  }

  private static boolean isTransient(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        // 40xxx: serialisation failure or deadlock; 23xxx: another transaction created the same
        // series row first; HYT00: H2's lock time-out; 55P03: PostgreSQL's lock not available.
        if (state.startsWith("40")
            || state.startsWith("23")
            || state.equals("HYT00")
            || state.equals("55P03")) {
          return true;
        }
      }
    }
    return false;
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Builds a {@link JdbcReceiptNumberAllocator}. Set a {@link DataSource} or a JDBC URL; with
   * neither, an embedded H2 file {@code motcua-receipts} in the working directory is used.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private DataSource dataSource;
    private String jdbcUrl;
    private String user;
    private String password;
    private Clock clock = Clock.systemUTC();
    private int maxAttempts = 20;
    private String tablePrefix = "motcua_";

    private Builder() {}

    /**
     * Uses a data source (recommended: the application's connection pool).
     *
     * @param dataSource the data source; not null
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Uses a JDBC URL, opening a connection per call through {@link DriverManager}.
     *
     * @param jdbcUrl such as {@code jdbc:postgresql://host/db?user=u&password=p}; not null
     * @return this builder
     */
    public Builder jdbcUrl(String jdbcUrl) {
      this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      return this;
    }

    /**
     * Uses a JDBC URL with a user and password.
     *
     * @param jdbcUrl the URL; not null
     * @param user the user; not null
     * @param password the password; not null
     * @return this builder
     */
    public Builder jdbcUrl(String jdbcUrl, String user, String password) {
      this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      this.user = Objects.requireNonNull(user, "user");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Uses an embedded H2 database in a file (H2 adds {@code .mv.db} to the name); needs {@code
     * com.h2database:h2} at run time.
     *
     * @param file the database file without extension; not null
     * @return this builder
     */
    public Builder h2File(Path file) {
      this.jdbcUrl = defaultH2Url(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Sets the clock that dates allocations and cancellations. Default: the system clock.
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many times an allocation is tried when the database reports a transient conflict.
     * Default 20.
     *
     * @param maxAttempts 1 or more
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new ConfigurationException(
            "receipt-number.settings", "maxAttempts must be at least 1.");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the prefix of the table names. Default {@code motcua_}.
     *
     * @param tablePrefix a lower-case letter, then up to 30 lower-case letters, digits or
     *     underscores; not null
     * @return this builder
     */
    public Builder tablePrefix(String tablePrefix) {
      if (tablePrefix == null || !PREFIX.matcher(tablePrefix).matches()) {
        throw new ConfigurationException(
            "receipt-number.settings",
            "A table prefix is a lower-case letter, then up to 30 lower-case letters, digits or"
                + " underscores.");
      }
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Builds the allocator. No connection is opened until first use (or {@link
     * JdbcReceiptNumberAllocator#createSchemaIfMissing()}).
     *
     * @return the allocator
     */
    public JdbcReceiptNumberAllocator build() {
      return new JdbcReceiptNumberAllocator(this);
    }
  }

  @Override
  public String toString() {
    return "JdbcReceiptNumberAllocator[" + seriesTable + ", " + numberTable + "]";
  }
}
