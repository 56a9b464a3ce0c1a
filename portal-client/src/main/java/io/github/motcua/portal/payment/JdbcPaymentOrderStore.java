package io.github.motcua.portal.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.internal.jdbc.JdbcStore;
import io.github.motcua.core.internal.jdbc.TablePrefix;
import io.github.motcua.portal.internal.PaymentOrderCodec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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

  private final JdbcStore db;
  private final PaymentOrderCodec codec = new PaymentOrderCodec();

  private JdbcPaymentOrderStore(Builder b) {
    this.db =
        new JdbcStore(
            "payment order store",
            JdbcPaymentOrderStore.class,
            "payment-orders",
            b.dataSource::getConnection,
            b.tablePrefix,
            b.acceptCommitLoss,
            (failure, message, cause) ->
                switch (failure) {
                  case SQL -> new RetryLaterException("payment.store", message, cause);
                  case SCHEMA, DIALECT ->
                      new ConfigurationException("payment.store", message, cause);
                  case DURABILITY ->
                      new ConfigurationException("payment.store.durability", message, cause);
                });
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
   * @throws ConfigurationException with code {@code payment.store} when a statement fails, {@code
   *     payment.store.durability} when the database may lose acknowledged commits (see {@link
   *     Builder#acceptCommitLoss(boolean)})
   */
  public JdbcPaymentOrderStore createSchemaIfMissing() {
    db.createSchemaIfMissing();
    return this;
  }

  /**
   * Returns the table name prefix.
   *
   * @return for example {@code motcua_}
   */
  public String tablePrefix() {
    return db.tablePrefix();
  }

  @Override
  public PaymentOrder save(PaymentOrder order) {
    String json = codec.write(order.request());
    return db.call(
        "save a payment order",
        c -> {
          Optional<PaymentOrder> earlier = find(c, order.reference());
          if (earlier.isPresent()) {
            return earlier.get();
          }
          try (PreparedStatement ps = c.prepareStatement(db.sql(c, "order.insert"))) {
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
        });
  }

  @Override
  public Optional<PaymentOrder> find(String reference) {
    return db.call("read a payment order", c -> find(c, reference));
  }

  private Optional<PaymentOrder> find(Connection c, String reference) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(db.sql(c, "order.find"))) {
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
        "order.pay",
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
        "order.expire",
        ps -> {
          ps.setLong(1, at.toEpochMilli());
          ps.setString(2, reference);
        });
  }

  @Override
  public void checked(String reference, Instant at) {
    update("order.checked", ps -> ps.setString(1, reference));
  }

  @Override
  public List<PaymentOrder> open(Instant requestedBefore, int limit) {
    return db.call(
        "read open payment orders",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(db.sql(c, "order.open"))) {
            ps.setLong(1, requestedBefore.toEpochMilli());
            ps.setInt(2, Math.max(0, limit));
            List<PaymentOrder> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(row(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public Map<PaymentOrder.State, Long> counts() {
    Map<PaymentOrder.State, Long> out = new EnumMap<>(PaymentOrder.State.class);
    for (PaymentOrder.State s : PaymentOrder.State.values()) {
      out.put(s, 0L);
    }
    return db.call(
        "count payment orders",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(db.sql(c, "order.counts"));
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(PaymentOrder.State.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return out;
          }
        });
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

  private boolean update(String statement, Binder binder) {
    return db.call(
        "update a payment order",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(db.sql(c, statement))) {
            binder.bind(ps);
            return ps.executeUpdate() == 1;
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcPaymentOrderStore[" + db.tablePrefix() + "payment_order]";
  }

  /** Builds a {@link JdbcPaymentOrderStore}. Not thread-safe. */
  public static final class Builder {
    private DataSource dataSource;
    private String tablePrefix = TablePrefix.DEFAULT;
    private boolean acceptCommitLoss;

    private Builder() {}

    /**
     * Lets the store run on a database that acknowledges commits it may lose when its process is
     * killed (default false: refused with {@code payment.store.durability} at the first
     * connection): an H2 file with a {@code WRITE_DELAY} above 0, PostgreSQL with {@code
     * synchronous_commit} off. After such a loss an order paid and settled may be open again, and
     * be settled a second time. When accepted, a warning is logged instead.
     *
     * @param accept true to run anyway
     * @return this builder
     */
    public Builder acceptCommitLoss(boolean accept) {
      this.acceptCommitLoss = accept;
      return this;
    }

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
      if (!TablePrefix.isValid(prefix)) {
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
