package io.github.motcua.portal.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.internal.PaymentOrderCodec;
import io.github.motcua.portal.sync.internal.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The durable {@link PaymentOrderStore} on a relational database reached through a {@link
 * DataSource}: H2 (embedded, in a file or in server mode) and PostgreSQL (when several application
 * instances share one database). The dialect is detected from the first connection.
 *
 * <p>Schema: one table, shipped as {@code META-INF/motcua/sql/payment-orders-h2.sql} and {@code
 * payment-orders-postgresql.sql} for the integrator's own migrations, or created by {@link
 * #createSchemaIfMissing()}. Its name starts with {@code motcua_} unless {@link
 * Builder#tablePrefix(String)} says otherwise. An order leaves the open state once, by an {@code
 * UPDATE ... WHERE state = 'OPEN'}: two instances receiving the same callback, or a callback racing
 * the reconciler, settle an order exactly once.
 *
 * <p>Thread-safe: every call takes its own connection from the data source. No static state.
 */
public final class JdbcPaymentOrderStore implements PaymentOrderStore {

  private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,29}");

  /** SQL states of an object created by another process meanwhile (see JdbcSyncOutbox). */
  private static final Set<String> CREATED_MEANWHILE =
      Set.of("23505", "42P07", "42710", "42S01", "42S11");

  private static final String COLUMNS =
      "reference, requested_at, order_json, state, transaction_id, bank_code, paid_at,"
          + " result_code, settled_by, closed_at, checks";

  private final DataSource dataSource;
  private final String prefix;
  private final String table;
  private final PaymentOrderCodec codec = new PaymentOrderCodec();

  private JdbcPaymentOrderStore(Builder b) {
    this.dataSource = b.dataSource;
    this.prefix = b.tablePrefix;
    this.table = prefix + "payment_order";
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates the table and its index when they do not exist yet; what exists is left alone. Several
   * processes may call this at once on a new database.
   *
   * @return this store
   * @throws RetryLaterException with code {@code payment.store} when a statement fails
   */
  public JdbcPaymentOrderStore createSchemaIfMissing() {
    try (Connection c = dataSource.getConnection()) {
      List<String> statements = schema(c);
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        for (int round = 1; ; round++) {
          try (Statement s = c.createStatement()) {
            for (String sql : statements) {
              if (!SqlScript.done(c, sql)) {
                s.execute(sql);
              }
            }
            c.commit();
            break;
          } catch (SQLException e) {
            c.rollback();
            if (round >= 3 || !CREATED_MEANWHILE.contains(e.getSQLState())) {
              throw e;
            }
          }
        }
      } finally {
        c.setAutoCommit(auto);
      }
      return this;
    } catch (SQLException e) {
      throw failure("The payment order table cannot be created", e);
    }
  }

  /**
   * Returns the table name prefix.
   *
   * @return for example {@code motcua_}
   */
  public String tablePrefix() {
    return prefix;
  }

  @Override
  public PaymentOrder save(PaymentOrder order) {
    String json = codec.write(order.request());
    try (Connection c = dataSource.getConnection()) {
      Optional<PaymentOrder> earlier = find(c, order.reference());
      if (earlier.isPresent()) {
        return earlier.get();
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO "
                  + table
                  + " (reference, dossier_code, amount, requested_at, order_json, state, checks)"
                  + " VALUES (?, ?, ?, ?, ?, 'OPEN', 0)")) {
        ps.setString(1, order.reference());
        ps.setString(2, order.request().dossierCode().value());
        ps.setLong(3, order.request().amount().amount());
        ps.setLong(4, order.requestedAt().toEpochMilli());
        ps.setString(5, json);
        ps.executeUpdate();
        return order;
      } catch (SQLException e) {
        if (!"23505".equals(e.getSQLState())) {
          throw e;
        }
        // Another instance saved the same reference between the look-up and the insert.
        return find(c, order.reference()).orElseThrow(() -> e);
      }
    } catch (SQLException e) {
      throw failure("A payment order cannot be saved", e);
    }
  }

  @Override
  public Optional<PaymentOrder> find(String reference) {
    try (Connection c = dataSource.getConnection()) {
      return find(c, reference);
    } catch (SQLException e) {
      throw failure("A payment order cannot be read", e);
    }
  }

  private Optional<PaymentOrder> find(Connection c, String reference) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM " + table + " WHERE reference = ?")) {
      ps.setString(1, reference);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(row(rs)) : Optional.empty();
      }
    }
  }

  @Override
  public boolean settle(
      PaymentConfirmation confirmation, PaymentOrder.Settlement settledBy, Instant at) {
    return update(
        "UPDATE "
            + table
            + " SET state = 'PAID', transaction_id = ?, bank_code = ?, paid_at = ?,"
            + " result_code = ?, settled_by = ?, closed_at = ? WHERE reference = ? AND state ="
            + " 'OPEN'",
        ps -> {
          ps.setString(1, confirmation.transactionId());
          ps.setString(2, confirmation.bankCode());
          ps.setLong(3, confirmation.paidAt().toEpochMilli());
          ps.setString(4, confirmation.resultCode());
          ps.setString(5, settledBy.name());
          ps.setLong(6, at.toEpochMilli());
          ps.setString(7, confirmation.reference());
        });
  }

  @Override
  public boolean expire(String reference, Instant at) {
    return update(
        "UPDATE "
            + table
            + " SET state = 'EXPIRED', closed_at = ? WHERE reference = ? AND state = 'OPEN'",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setString(2, reference);
        });
  }

  @Override
  public void checked(String reference, Instant at) {
    update(
        "UPDATE " + table + " SET checks = checks + 1 WHERE reference = ? AND state = 'OPEN'",
        ps -> ps.setString(1, reference));
  }

  @Override
  public List<PaymentOrder> open(Instant requestedBefore, int limit) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM "
                    + table
                    + " WHERE state = 'OPEN' AND requested_at < ?"
                    + " ORDER BY checks, requested_at, reference FETCH FIRST ? ROWS ONLY")) {
      ps.setLong(1, requestedBefore.toEpochMilli());
      ps.setInt(2, Math.max(0, limit));
      List<PaymentOrder> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("Open payment orders cannot be read", e);
    }
  }

  @Override
  public Map<PaymentOrder.State, Long> counts() {
    Map<PaymentOrder.State, Long> out = new EnumMap<>(PaymentOrder.State.class);
    for (PaymentOrder.State s : PaymentOrder.State.values()) {
      out.put(s, 0L);
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state, COUNT(*) FROM " + table + " GROUP BY state")) {
      while (rs.next()) {
        out.put(PaymentOrder.State.valueOf(rs.getString(1)), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw failure("Payment orders cannot be counted", e);
    }
  }

  private PaymentOrder row(ResultSet rs) throws SQLException {
    String reference = rs.getString("reference");
    PaymentRequest request;
    try {
      request = codec.read(rs.getString("order_json"));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new RetryLaterException(
          "payment.store", "The stored payment order " + reference + " cannot be read.", e);
    }
    PaymentOrder.State state = PaymentOrder.State.valueOf(rs.getString("state"));
    long closed = rs.getLong("closed_at");
    Instant closedAt = rs.wasNull() ? null : Instant.ofEpochMilli(closed);
    PaymentConfirmation confirmation = null;
    PaymentOrder.Settlement settledBy = null;
    if (state == PaymentOrder.State.PAID) {
      confirmation =
          new PaymentConfirmation(
              reference,
              rs.getString("transaction_id"),
              request.amount(),
              Objects.requireNonNullElse(rs.getString("bank_code"), ""),
              Instant.ofEpochMilli(rs.getLong("paid_at")),
              rs.getString("result_code"),
              true);
      settledBy = PaymentOrder.Settlement.valueOf(rs.getString("settled_by"));
    }
    return new PaymentOrder(
        request,
        Instant.ofEpochMilli(rs.getLong("requested_at")),
        state,
        confirmation,
        settledBy,
        closedAt,
        rs.getInt("checks"));
  }

  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private boolean update(String sql, Binder binder) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure("A payment order cannot be updated", e);
    }
  }

  private List<String> schema(Connection c) throws SQLException {
    String product = c.getMetaData().getDatabaseProductName();
    String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
    String file;
    if (p.contains("h2")) {
      file = "payment-orders-h2.sql";
    } else if (p.contains("postgres")) {
      file = "payment-orders-postgresql.sql";
    } else {
      throw new RetryLaterException(
          "payment.store", "The payment order store supports H2 and PostgreSQL, not " + product);
    }
    String text;
    try (InputStream in =
        JdbcPaymentOrderStore.class
            .getClassLoader()
            .getResourceAsStream("META-INF/motcua/sql/" + file)) {
      if (in == null) {
        throw new RetryLaterException("payment.store", "Schema resource " + file + " is missing.");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RetryLaterException(
          "payment.store", "Schema resource " + file + " is unreadable.", e);
    }
    List<String> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    for (String statement : sql.toString().split(";")) {
      if (!statement.isBlank()) {
        out.add(statement.strip().replace("motcua_payment_", prefix + "payment_"));
      }
    }
    return out;
  }

  private static MotcuaException failure(String what, SQLException e) {
    return new RetryLaterException(
        "payment.store", what + " (SQL state " + e.getSQLState() + ").", e);
  }

  @Override
  public String toString() {
    return "JdbcPaymentOrderStore[" + table + "]";
  }

  /** Builds a {@link JdbcPaymentOrderStore}. Not thread-safe. */
  public static final class Builder {
    private DataSource dataSource;
    private String tablePrefix = "motcua_";

    private Builder() {}

    /**
     * Sets the database (required).
     *
     * @param dataSource an H2 or PostgreSQL data source
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets the prefix of the table name (default {@code motcua_}).
     *
     * @param prefix a lower-case letter, then up to 29 lower-case letters, digits or underscores
     * @return this builder
     */
    public Builder tablePrefix(String prefix) {
      if (prefix == null || !PREFIX.matcher(prefix).matches()) {
        throw new ConfigurationException(
            "portal.config.payment.table-prefix",
            "The table prefix is a lower-case letter, then lower-case letters, digits or '_'.");
      }
      this.tablePrefix = prefix;
      return this;
    }

    /**
     * Builds the store. It connects on first use.
     *
     * @return the store
     * @throws ConfigurationException when the data source is missing
     */
    public JdbcPaymentOrderStore build() {
      if (dataSource == null) {
        throw new ConfigurationException(
            "portal.config.payment.data-source", "JdbcPaymentOrderStore needs a dataSource.");
      }
      return new JdbcPaymentOrderStore(this);
    }
  }
}
