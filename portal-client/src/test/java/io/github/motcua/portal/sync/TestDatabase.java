package io.github.motcua.portal.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases the outbox tests run on: H2 always, PostgreSQL when {@code
 * MOTCUA_TEST_POSTGRES_URL} holds a JDBC URL. Each test gets its own table prefix, so tests never
 * see each other's rows.
 */
enum TestDatabase {
  H2,
  POSTGRESQL;

  static final String POSTGRES_URL_VARIABLE = "MOTCUA_TEST_POSTGRES_URL";
  private static final AtomicLong COUNTER = new AtomicLong();

  static Optional<String> postgresUrl() {
    String url = System.getenv(POSTGRES_URL_VARIABLE);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  /** The databases available here: H2, and PostgreSQL when configured. */
  static List<TestDatabase> available() {
    return postgresUrl().isPresent() ? List.of(H2, POSTGRESQL) : List.of(H2);
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
    return postgres(postgresUrl().orElseThrow());
  }

  /**
   * A pooled PostgreSQL data source: a new PostgreSQL connection costs a SCRAM handshake of tens of
   * milliseconds, which would dominate every outbox call (production uses a pool too).
   */
  static DataSource postgres(String url) {
    PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
    ds.setURL(url);
    JdbcConnectionPool pool = JdbcConnectionPool.create(ds);
    pool.setMaxConnections(16);
    return pool;
  }

  /** A table prefix no other test uses. */
  static String uniquePrefix() {
    return "t"
        + Long.toString(System.currentTimeMillis(), 36)
        + Long.toString(ProcessHandle.current().pid(), 36)
        + COUNTER.incrementAndGet()
        + "_";
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
