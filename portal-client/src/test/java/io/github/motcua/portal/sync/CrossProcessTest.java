package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.Interop;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Workers in JVMs of their own, killed at seeded random moments or running side by side, deliver
 * into the national and provincial fakes running here, with faults injected. The outbox is the
 * PostgreSQL database of {@code MOTCUA_TEST_POSTGRES_URL} when set, otherwise a file-backed H2
 * database this JVM serves to the workers (auto-server mode).
 *
 * <p>Size: 2,000 events for 100 dossiers (20 each), delivered to both fakes (4,000 deliveries), so
 * that the build stays short; {@code -Dmotcua.crash.events=N} changes it (a multiple of 20; the
 * worker-kill test ran clean with 10,000). Every launched worker is killed when a test ends, so
 * that none outlives its tables.
 */
class CrossProcessTest {

  private static final int EVENTS_PER_DOSSIER = 20;

  @TempDir Path dir;
  private NationalPortalFake national;
  private ProvincialPortalFake provincial;
  private DataSource ds;
  private String jdbcUrl;
  private String prefix;
  private Connection serverHold;
  private final List<Process> launched = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    national = NationalPortalFake.start();
    provincial = ProvincialPortalFake.start();
    // Well above the client's read timeout, which is itself far above a normal reply even on a
    // loaded machine: a reply that is merely slow must not pass for a lost one.
    national.timeoutDelay(Duration.ofMillis(2_500));
    provincial.timeoutDelay(Duration.ofMillis(2_500));
    prefix = TestDatabase.uniquePrefix();
    jdbcUrl =
        TestDatabase.postgresUrl()
            .orElse(
                "jdbc:h2:file:"
                    + dir.resolve("outbox")
                    + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=20000;WRITE_DELAY=0");
    ds = WorkerProcess.dataSource(jdbcUrl);
    serverHold = ds.getConnection(); // for H2: this JVM serves the file to the workers
    WorkerProcess.createGuardTables(ds, prefix);
  }

  @AfterEach
  void stop() throws Exception {
    for (Process p : launched) {
      p.destroyForcibly().waitFor();
    }
    national.close();
    provincial.close();
    if (TestDatabase.postgresUrl().isPresent()) {
      TestDatabase.drop(ds, prefix);
      try (Statement s = serverHold.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + prefix + "guard");
        s.execute("DROP TABLE IF EXISTS " + prefix + "overlap");
      }
    }
    serverHold.close();
    if (ds instanceof org.h2.jdbcx.JdbcConnectionPool pool) {
      pool.dispose();
    }
  }

  private Process launch(Map<String, String> settings, Path log) throws Exception {
    Process p = WorkerProcess.launch(settings, log);
    launched.add(p);
    return p;
  }

  /**
   * Reads a worker's progress lines until it reported {@code deliveries} of them (true) or ended
   * (false).
   */
  private static boolean readProgress(Process p, long deliveries) throws Exception {
    try (java.io.BufferedReader r =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(
                p.getInputStream(), java.nio.charset.StandardCharsets.US_ASCII))) {
      long seen = 0;
      while (r.readLine() != null) {
        if (++seen >= deliveries) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * Starts workers one after another, killing each of the first {@code kills} with SIGKILL after
   * its {@code killAfter}-th delivery, until one finishes; asserts it finished cleanly.
   */
  private void killAndRestart(
      Path log,
      int kills,
      java.util.function.LongSupplier killAfter,
      java.util.function.IntFunction<Map<String, String>> settingsOfRun)
      throws Exception {
    int killed = 0;
    int exitCode = -1;
    for (int run = 1; run <= 20 && exitCode != 0; run++) {
      Process p = launch(settingsOfRun.apply(run), log);
      if (readProgress(p, killed < kills ? killAfter.getAsLong() : Long.MAX_VALUE)) {
        p.destroyForcibly().waitFor();
        killed++;
      } else {
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("worker finished").isTrue();
        exitCode = p.exitValue();
      }
    }
    assertThat(exitCode).as("last worker's exit status; its output:\n" + tail(log)).isZero();
    assertThat(killed).isEqualTo(kills);
  }

  /**
   * Asserts that no delivery a worker saw committed as delivered was delivered again by a later
   * worker. A later claim needs the delivery pending again, which only a database that lost the
   * acknowledged commit can give; this names that cause apart from the reconciliation at the fakes.
   */
  private static void assertNoAcknowledgedDeliveryRepeated(Path log) throws Exception {
    Map<String, String> first = new LinkedHashMap<>();
    List<String> repeated = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (!line.startsWith(WorkerProcess.ACKNOWLEDGED)) {
        continue;
      }
      String[] f = line.substring(WorkerProcess.ACKNOWLEDGED.length()).split(" ", 3);
      String key = f[1] + " " + f[2].split(" ")[0];
      String before = first.putIfAbsent(key, line);
      if (before != null) {
        repeated.add(before + "\n  then: " + line);
      }
    }
    assertThat(repeated)
        .as(
            "deliveries committed as delivered (acknowledged) and delivered again after a kill:"
                + " the database lost commits it had acknowledged")
        .isEmpty();
  }

  private static String tail(Path log) throws Exception {
    if (!Files.exists(log)) {
      return "(no worker output)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private JdbcSyncOutbox outbox() {
    return outbox(ds, prefix);
  }

  private static JdbcSyncOutbox outbox(DataSource ds, String prefix) {
    return JdbcSyncOutbox.builder()
        .dataSource(ds)
        .destinations("national", "provincial")
        .tablePrefix(prefix)
        .build()
        .createSchemaIfMissing();
  }

  private static void record(JdbcSyncOutbox outbox, DataSource ds, EventScript script)
      throws Exception {
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      int n = 0;
      for (DossierEvent e : script.interleaved()) {
        outbox.enqueue(c, e);
        if (++n % 500 == 0) {
          c.commit();
        }
      }
      c.commit();
    }
  }

  private Map<String, String> settings(String worker, long leaseMillis) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("jdbc", jdbcUrl);
    s.put("prefix", prefix);
    s.put("worker", worker);
    s.put("leaseMillis", Long.toString(leaseMillis));
    s.put("readTimeoutMillis", "1500");
    s.put("threads", "8");
    s.put("batch", "48");
    s.put("nationalUrl", national.baseUrl());
    s.put("nationalUser", national.username());
    s.put("nationalPassword", national.password());
    s.put("unit", national.unitCode());
    s.put("provincialUrl", provincial.baseUrl());
    s.put("tokenUrl", provincial.tokenUrl());
    s.put("clientId", provincial.clientId());
    s.put("clientSecret", provincial.clientSecret());
    return s;
  }

  private long count(String sql) throws Exception {
    try (Statement s = serverHold.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void assertEverythingDeliveredOnce(JdbcSyncOutbox outbox, EventScript script, int events)
      throws Exception {
    for (String d : List.of("national", "provincial")) {
      SyncStatus s = outbox.status(d);
      assertThat(s.delivered())
          .as(d + " delivered; " + s + "; dead letters " + outbox.deadLetters(d))
          .isEqualTo(events);
      assertThat(s.pending() + s.deadLettered()).as(d + " left").isZero();
    }
    national.clearFaults();
    provincial.clearFaults();
    Reconciliation r = new Reconciliation();
    r.national(script, national);
    r.nationalStatusesNeverBackwards(script, national);
    r.provincial(script, provincial);
  }

  /**
   * The embedded default: each worker JVM opens the H2 file itself (no server), with the URL the
   * documentation gives ({@code WRITE_DELAY=0;MAX_COMPACT_TIME=0}), and is killed with SIGKILL at
   * seeded moments, its database with it; then the next one starts on the same file. Nothing
   * committed may be lost: every event reaches both fakes once, in order, no record going
   * backwards, no dead letter. {@code -Dmotcua.crash.embedded.events=N} changes the size (a
   * multiple of 20).
   */
  @Test
  void workersWithTheDatabaseEmbeddedKilledAtRandomMomentsLoseNothingAndRepeatNothing()
      throws Exception {
    int events = Integer.getInteger("motcua.crash.embedded.events", 600);
    EventScript script = new EventScript(events / EVENTS_PER_DOSSIER, EVENTS_PER_DOSSIER, 2026);
    String url =
        "jdbc:h2:file:"
            + dir.resolve("embedded")
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=20000;MAX_COMPACT_TIME=0";
    String own = TestDatabase.uniquePrefix();
    org.h2.jdbcx.JdbcConnectionPool here =
        (org.h2.jdbcx.JdbcConnectionPool) WorkerProcess.dataSource(url);
    JdbcSyncOutbox before = outbox(here, own);
    record(before, here, script);
    here.dispose(); // closes the database: from now on only the workers open it
    national.inject(
        Fault.randomly(
            EnumSet.of(
                PortalFault.TIMEOUT, PortalFault.CONNECTION_RESET, PortalFault.SERVICE_UNAVAILABLE),
            0.04,
            27));
    provincial.inject(
        Fault.randomly(
            EnumSet.of(PortalFault.TIMEOUT, PortalFault.CONNECTION_RESET, PortalFault.SERVER_ERROR),
            0.04,
            28));

    Random moments = new Random(2027);
    killAndRestart(
        dir.resolve("embedded-workers.log"),
        4,
        () -> 50 + moments.nextInt(events / 2),
        run -> {
          Map<String, String> settings = settings("embedded-" + run, 6_000);
          settings.put("jdbc", url);
          settings.put("prefix", own);
          settings.put("noGuard", "true"); // one process at a time: nothing to overlap with
          return settings;
        });
    assertNoAcknowledgedDeliveryRepeated(dir.resolve("embedded-workers.log"));
    org.h2.jdbcx.JdbcConnectionPool after =
        (org.h2.jdbcx.JdbcConnectionPool) WorkerProcess.dataSource(url);
    assertEverythingDeliveredOnce(outbox(after, own), script, events);
    after.dispose();
  }

  @Test
  void workersKilledAtRandomMomentsLoseNothingAndRepeatNoStep() throws Exception {
    int events = Integer.getInteger("motcua.crash.events", 2_000);
    int dossiers = events / EVENTS_PER_DOSSIER;
    EventScript script = new EventScript(dossiers, EVENTS_PER_DOSSIER, 2025);
    JdbcSyncOutbox outbox = outbox();
    record(outbox, ds, script);
    // About one call in 25 fails. A timeout costs the client its read timeout, the others almost
    // nothing, so they are spread over every kind that hits a sync worker.
    national.inject(
        Fault.randomly(
            EnumSet.of(
                PortalFault.TIMEOUT,
                PortalFault.CONNECTION_RESET,
                PortalFault.SERVICE_UNAVAILABLE,
                PortalFault.MALFORMED_JSON),
            0.04,
            17));
    provincial.inject(
        Fault.randomly(
            EnumSet.of(
                PortalFault.TIMEOUT,
                PortalFault.CONNECTION_RESET,
                PortalFault.SERVER_ERROR,
                PortalFault.MALFORMED_JSON),
            0.04,
            18));

    // A kill comes after a seeded number of deliveries of that run (the worker reports each on
    // its standard output): always mid-delivery, with claims, publishes and settles in flight,
    // however slowly the machine starts the JVM.
    Random moments = new Random(4242);
    killAndRestart(
        dir.resolve("workers.log"),
        5,
        () -> 100 + moments.nextInt(events / 4),
        run -> {
          try (Statement s = serverHold.createStatement()) {
            s.execute("DELETE FROM " + prefix + "guard"); // rows of a killed worker
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
          // Every other restart reuses the killed worker's id (it takes its claims back at once);
          // the others are new workers that take the claims over when their 6 s lease ends.
          return settings(run % 2 == 0 ? "crash-" + (run - 1) : "crash-" + run, 6_000);
        });
    assertNoAcknowledgedDeliveryRepeated(dir.resolve("workers.log"));
    assertThat(national.injectedFaults(PortalFault.TIMEOUT)).isPositive();
    assertThat(national.injectedFaults(PortalFault.MALFORMED_JSON)).isPositive();
    assertThat(provincial.injectedFaults(PortalFault.CONNECTION_RESET)).isPositive();
    assertEverythingDeliveredOnce(outbox, script, events);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 4})
  void concurrentWorkerProcessesShareOneOutboxWithoutDeliveringAnEventTwiceAtOnce(int workers)
      throws Exception {
    // Concurrent worker processes need PostgreSQL; where interoperability is required (.ci/run)
    // a missing server fails the test instead of skipping it.
    Interop.fromSystemProperty().requirePostgres("concurrent worker processes");
    EventScript script = new EventScript(20, EVENTS_PER_DOSSIER, 77 + workers);
    JdbcSyncOutbox outbox = outbox();
    record(outbox, ds, script);
    national.failRandomly(PortalFault.SERVICE_UNAVAILABLE, 0.1, 19);
    provincial.failRandomly(PortalFault.MALFORMED_JSON, 0.1, 20);
    Path log = dir.resolve("workers.log");
    List<Process> ps = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      ps.add(launch(settings("side-by-side-" + i, 30_000), log));
    }
    for (Process p : ps) {
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertThat(p.exitValue()).as("exit status; worker output:\n" + tail(log)).isZero();
    }
    assertThat(count("SELECT COUNT(*) FROM " + prefix + "overlap")).isZero();
    assertEverythingDeliveredOnce(outbox, script, 20 * EVENTS_PER_DOSSIER);
    assertThat(Files.exists(log)).isTrue();
  }
}
