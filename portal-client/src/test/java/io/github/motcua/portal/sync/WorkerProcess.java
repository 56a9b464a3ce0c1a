package io.github.motcua.portal.sync;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.PublishResult;
import io.github.motcua.portal.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A sync worker in a JVM of its own, as a separate application instance would run it: it drains the
 * outbox into the two portal fakes (running in the test's JVM) and exits 0 when nothing is left.
 * Each publish is wrapped in a guard row (unique per destination and event) so that two workers
 * publishing the same event at the same time are caught across processes.
 *
 * <p>Arguments are {@code key=value} pairs; see {@link #launch}.
 */
public final class WorkerProcess {

  /** The agency name the worker processes send as {@code DonViXuLy}. */
  static final String AGENCY_NAME = "UBND xã Tân Hòa";

  private WorkerProcess() {}

  /** Creates the guard tables next to the outbox's. */
  static void createGuardTables(DataSource ds, String prefix) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + prefix
              + "guard (destination VARCHAR(64) NOT NULL, event_id VARCHAR(36) NOT NULL,"
              + " worker VARCHAR(128) NOT NULL, PRIMARY KEY (destination, event_id))");
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + prefix
              + "overlap (destination VARCHAR(64) NOT NULL, event_id VARCHAR(36) NOT NULL,"
              + " worker VARCHAR(128) NOT NULL)");
    }
  }

  static DataSource dataSource(String url) {
    if (url.startsWith("jdbc:postgresql:")) {
      return TestDatabase.postgres(url, 16);
    }
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    return org.h2.jdbcx.JdbcConnectionPool.create(ds);
  }

  /**
   * Starts a worker process with the test's class path. Its log goes to {@code log}; its standard
   * output carries one line per settled delivery (see {@link #main}), which the caller must read.
   */
  static Process launch(Map<String, String> settings, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(WorkerProcess.class.getName());
    settings.forEach((k, v) -> cmd.add(k + "=" + v));
    return new ProcessBuilder(cmd)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }

  /**
   * Runs the worker.
   *
   * @param args {@code key=value} settings
   * @throws Exception on any failure (exit status 1)
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> a = new TreeMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    String prefix = a.get("prefix");
    String workerId = a.get("worker");
    DataSource ds = dataSource(a.get("jdbc"));
    // One process at a time on an embedded database: no guard rows to catch overlaps with.
    boolean guard = !a.containsKey("noGuard");
    RetryPolicy clientPolicy =
        RetryPolicy.builder()
            .maxAttempts(3)
            .initialBackoff(Duration.ofMillis(20))
            .maxBackoff(Duration.ofMillis(200))
            .readTimeout(Duration.ofMillis(Long.parseLong(a.get("readTimeoutMillis"))))
            .totalTimeout(Duration.ofSeconds(3))
            .circuitFailureThreshold(1000)
            .build();
    PortalClient national =
        NationalPortalClient.builder()
            .adapterUrl(a.get("nationalUrl"))
            .credentials(a.get("nationalUser"), a.get("nationalPassword"))
            .unitCode(a.get("unit"))
            .agencyName(AGENCY_NAME)
            .retryPolicy(clientPolicy)
            .build();
    PortalClient provincial =
        ProvincialPortalClient.builder()
            .profile(
                ProvincialPortalProfile.builder()
                    .baseUrl(a.get("provincialUrl"))
                    .tokenUrl(a.get("tokenUrl"))
                    .clientCredentials(a.get("clientId"), a.get("clientSecret"))
                    .build())
            .retryPolicy(clientPolicy)
            .build();
    JdbcSyncOutbox outbox =
        JdbcSyncOutbox.builder()
            .dataSource(ds)
            .destinations("national", "provincial")
            .tablePrefix(prefix)
            .build();
    SyncWorker worker =
        SyncWorker.builder()
            .outbox(outbox)
            .destination(
                "national",
                guard ? guarded("national", national, ds, prefix, workerId) : national,
                clientPolicy)
            .destination(
                "provincial",
                guard ? guarded("provincial", provincial, ds, prefix, workerId) : provincial,
                clientPolicy)
            .workerThreads(Integer.parseInt(a.getOrDefault("threads", "2")))
            .batchSize(Integer.parseInt(a.getOrDefault("batch", "16")))
            .pollInterval(Duration.ofMillis(100))
            .leaseTime(Duration.ofMillis(Long.parseLong(a.get("leaseMillis"))))
            .retryPolicy(
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofMillis(20))
                    .maxBackoff(Duration.ofMillis(300))
                    .build())
            .outageThreshold(50)
            .deadLetterThreshold(1000)
            .workerId(workerId)
            .listener(
                new SyncListener() {
                  @Override
                  public void delivered(ClaimedDelivery delivery, Duration sinceRecorded) {
                    acknowledged(workerId, delivery);
                    progress();
                  }
                })
            .build();
    boolean done = worker.drain(Duration.ofMinutes(10));
    System.exit(done ? 0 : 3);
  }

  /** The log line that says a delivery's outcome was committed (see {@link #acknowledged}). */
  static final String ACKNOWLEDGED = "acknowledged ";

  /**
   * Writes to the log that the outbox committed a delivery as delivered ({@code settle} returned
   * true), so that the test can tell whether a later worker delivered it again: the outbox then
   * forgot a commit it had acknowledged.
   */
  private static synchronized void acknowledged(String workerId, ClaimedDelivery d) {
    System.err.println(
        ACKNOWLEDGED
            + workerId
            + " "
            + d.destination()
            + " "
            + d.event().eventId()
            + " "
            + d.event().dossierCode()
            + " #"
            + d.sequence()
            + " claims="
            + d.claims());
  }

  /** Tells the test that one more delivery was recorded, so that it can kill at a chosen point. */
  private static synchronized void progress() {
    System.out.println("d");
    System.out.flush();
  }

  /** Publishes through a guard row, recording an overlap when another worker holds it. */
  private static PortalClient guarded(
      String destination, PortalClient client, DataSource ds, String prefix, String workerId) {
    return new PortalClient() {
      @Override
      public PublishResult publish(DossierEvent event, Dossier snapshot) {
        String id = event.eventId().toString();
        boolean mine =
            sql(ds, "INSERT INTO " + prefix + "guard VALUES (?, ?, ?)", destination, id, workerId);
        if (!mine) {
          sql(ds, "INSERT INTO " + prefix + "overlap VALUES (?, ?, ?)", destination, id, workerId);
        }
        try {
          return client.publish(event, snapshot);
        } finally {
          if (mine) {
            sql(
                ds,
                "DELETE FROM " + prefix + "guard WHERE destination = ? AND event_id = ?",
                destination,
                id);
          }
        }
      }
    };
  }

  private static boolean sql(DataSource ds, String sql, String... values) {
    try (Connection c = ds.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        ps.setString(i + 1, values[i]);
      }
      ps.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw new IllegalStateException("guard statement failed: " + e.getSQLState(), e);
    }
  }
}
