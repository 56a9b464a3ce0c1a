package io.github.motcua.benchmarks;

import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.json.MotcuaJson;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The raw floor under the outbox's enqueue: plain JDBC writing the same events, as the same JSON
 * ({@link MotcuaJson#write}), into an events table with a per-dossier sequence, plus one delivery
 * row per destination (two), with the same transaction sizes as {@link OutboxThroughput} (one
 * transaction per event for the first events, then 500 per transaction). No claim, lease or
 * snapshot: what any outbox must at least write.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.motcua.benchmarks.OutboxJdbcBaseline [events] [jdbc-url]}; prints its figures in the
 * harness's form so that {@link BenchmarkReport} reads both.
 */
public final class OutboxJdbcBaseline {

  private OutboxJdbcBaseline() {}

  /**
   * Runs the baseline.
   *
   * @param args the number of events (default 100,000), then an optional PostgreSQL JDBC URL
   * @throws Exception when it fails
   */
  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    JdbcConnectionPool ds;
    String where;
    String body;
    Path dir = null;
    if (args.length > 1) {
      PGConnectionPoolDataSource pg = new PGConnectionPoolDataSource();
      pg.setURL(args[1]);
      ds = JdbcConnectionPool.create(pg);
      where = "PostgreSQL";
      body = "TEXT";
    } else {
      dir = Files.createTempDirectory("motcua-bench-raw-");
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + dir.resolve("raw") + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0");
      ds = JdbcConnectionPool.create(h2);
      where = "H2 file " + dir;
      body = "CLOB";
    }
    String prefix = "raw" + Long.toString(System.nanoTime() % 1_000_000, 36) + "_";
    // The run's tables go, so that a shared PostgreSQL keeps nothing of it.
    BenchmarkTables.runThenRemove(
        ds, ds::dispose, prefix, dir, () -> run(ds, where, body, prefix, count));
  }

  private static void run(DataSource ds, String where, String body, String prefix, int count)
      throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + prefix
              + "events (id BIGINT PRIMARY KEY, dossier VARCHAR(64) NOT NULL,"
              + " seq INT NOT NULL, event_id VARCHAR(36) NOT NULL, body "
              + body
              + " NOT NULL, UNIQUE (dossier, seq))");
      s.execute(
          "CREATE TABLE "
              + prefix
              + "deliveries (event BIGINT NOT NULL, destination VARCHAR(32) NOT NULL,"
              + " state VARCHAR(16) NOT NULL, PRIMARY KEY (event, destination))");
    }
    List<DossierEvent> all = events(count);
    String insertEvent =
        "INSERT INTO " + prefix + "events (id, dossier, seq, event_id, body) VALUES (?,?,?,?,?)";
    String insertDelivery =
        "INSERT INTO " + prefix + "deliveries (event, destination, state) VALUES (?,?,'PENDING')";
    Map<String, Integer> sequences = new HashMap<>();
    int single = Math.min(2_000, count / 10);
    long t0 = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement e = c.prepareStatement(insertEvent);
          PreparedStatement d = c.prepareStatement(insertDelivery)) {
        for (int i = 0; i < single; i++) {
          write(e, d, i, all.get(i), sequences);
          c.commit();
        }
      }
    }
    double singleSec = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement e = c.prepareStatement(insertEvent);
          PreparedStatement d = c.prepareStatement(insertDelivery)) {
        for (int i = single; i < all.size(); i++) {
          write(e, d, i, all.get(i), sequences);
          if (i % 500 == 0) {
            c.commit();
          }
        }
      }
      c.commit();
    }
    double batchSec = (System.nanoTime() - t0) / 1e9;
    System.out.printf("database: %s (raw JDBC)%n", where);
    System.out.printf(
        "enqueue, one transaction each: %d events in %.1f s = %.0f events/s%n",
        single, singleSec, single / singleSec);
    System.out.printf(
        "enqueue, 500 per transaction: %d events in %.1f s = %.0f events/s%n",
        all.size() - single, batchSec, (all.size() - single) / batchSec);
  }

  private static void write(
      PreparedStatement e,
      PreparedStatement d,
      long id,
      DossierEvent event,
      Map<String, Integer> sequences)
      throws Exception {
    String dossier = event.dossierCode().value();
    e.setLong(1, id);
    e.setString(2, dossier);
    e.setInt(3, sequences.merge(dossier, 1, Integer::sum));
    e.setString(4, event.eventId().toString());
    e.setString(5, MotcuaJson.write(event));
    e.executeUpdate();
    for (String destination : new String[] {"national", "provincial"}) {
      d.setLong(1, id);
      d.setString(2, destination);
      d.executeUpdate();
    }
  }

  /**
   * The harness's own events (20 per dossier, round-robin), so that both write the same; seeded
   * benchmark histories if the harness no longer has that method.
   */
  @SuppressWarnings("unchecked")
  private static List<DossierEvent> events(int count) throws Exception {
    try {
      Method m = OutboxThroughput.class.getDeclaredMethod("events", int.class);
      m.setAccessible(true);
      return (List<DossierEvent>) m.invoke(null, count);
    } catch (NoSuchMethodException e) {
      BenchmarkDossiers data = new BenchmarkDossiers(13);
      List<DossierEvent> out = new java.util.ArrayList<>(count);
      for (int i = 1; out.size() < count; i++) {
        for (DossierEvent event : data.history(i)) {
          if (out.size() < count) {
            out.add(event);
          }
        }
      }
      return out;
    }
  }
}
