package io.github.motcua.portal.sync;

import io.github.motcua.testkit.Interop;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases the outbox tests run on: H2 always, PostgreSQL when {@code
 * MOTCUA_TEST_POSTGRES_URL} holds a JDBC URL (required under {@code -Dmotcua.requireInterop=true}:
 * testkit's {@link Interop}). Each test gets its own table prefix, so tests never see each other's
 * rows.
 */
enum TestDatabase {
  H2,
  POSTGRESQL;

  private static final AtomicLong COUNTER = new AtomicLong();

  /**
   * One pool for every PostgreSQL test of this JVM: a pool per test would keep its connections open
   * until the JVM ends and, with the worker processes' own pools and other builds on the same
   * server, run PostgreSQL out of connections.
   */
  private static DataSource sharedPostgres;

  static Optional<String> postgresUrl() {
    return Interop.configuredPostgresUrl();
  }

  /**
   * The databases available here: H2, and PostgreSQL when configured (a failure where
   * interoperability is required and it is not).
   */
  static List<TestDatabase> available() {
    return Interop.fromSystemProperty().postgresUrl("the outbox tests on PostgreSQL").isPresent()
        ? List.of(H2, POSTGRESQL)
        : List.of(H2);
  }

  /** A fresh data source: a private in-memory H2 database, or the shared PostgreSQL one. */
  DataSource dataSource() {
    if (this == H2) {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(
          "jdbc:h2:mem:outbox"
              + ProcessHandle.current().pid()
              + "x"
              + COUNTER.incrementAndGet()
              + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      return ds;
    }
    synchronized (TestDatabase.class) {
      if (sharedPostgres == null) {
        sharedPostgres = postgres(postgresUrl().orElseThrow(), 32);
      }
      return sharedPostgres;
    }
  }

  /**
   * A pooled PostgreSQL data source: a new PostgreSQL connection costs a SCRAM handshake of tens of
   * milliseconds, which would dominate every outbox call (production uses a pool too).
   */
  static JdbcConnectionPool postgres(String url, int maxConnections) {
    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
    ds.setURL(url);
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(maxConnections);
    return pool;
  }

  /**
   * A table prefix no other test uses, in this JVM or another one sharing the PostgreSQL database
   * (other builds run the same tests at the same time): random, not derived from time and pid.
   */
  static String uniquePrefix() {
    return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + "_";
  }

  /** Drops an outbox's tables (PostgreSQL tests clean up after themselves). */
  static void drop(DataSource ds, String prefix) {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (String t : List.of("sync_action", "sync_delivery", "sync_event", "sync_dossier")) {
        s.execute("DROP TABLE IF EXISTS " + prefix + t);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
