package io.github.motcua.portal.payment;

import io.github.motcua.testkit.Interop;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases the order store is tested on: H2 always, PostgreSQL when {@code
 * MOTCUA_TEST_POSTGRES_URL} holds a JDBC URL (the convention of the sync outbox's tests; required
 * under {@code -Dmotcua.requireInterop=true}: testkit's {@link Interop}).
 */
enum PaymentDatabases {
  H2,
  POSTGRESQL;

  private static DataSource sharedPostgres;

  static List<PaymentDatabases> available() {
    return Interop.fromSystemProperty().postgresUrl("the payment order store tests").isPresent()
        ? List.of(H2, POSTGRESQL)
        : List.of(H2);
  }

  /** A new private H2 database, or the shared PostgreSQL one. */
  DataSource dataSource() {
    if (this == H2) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:payments" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      return ds;
    }
    synchronized (PaymentDatabases.class) {
      if (sharedPostgres == null) {
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setURL(Interop.configuredPostgresUrl().orElseThrow());
        JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
        pool.setMaxConnections(8);
        sharedPostgres = pool;
      }
      return sharedPostgres;
    }
  }

  /** A table prefix no other test uses. */
  static String uniquePrefix() {
    return "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "_";
  }

  /** Drops the store's table. */
  static void drop(DataSource ds, String prefix) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS " + prefix + "payment_order");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
