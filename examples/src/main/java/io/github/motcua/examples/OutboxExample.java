package io.github.motcua.examples;

import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.sync.JdbcSyncOutbox;
import io.github.motcua.portal.sync.OutboxWriter;
import io.github.motcua.portal.sync.SyncStatus;
import io.github.motcua.portal.sync.SyncWorker;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Runs the durable sync outbox: records dossier events in an embedded H2 file database, inside the
 * same transaction as the (here imaginary) business change, lets a {@link SyncWorker} deliver them
 * to the national and provincial portal fakes while their network fails a fifth of the time, then
 * reconciles each fake against the local fold of the events: {@code lost 0, duplicated 0}.
 */
public final class OutboxExample {

  private static final int DOSSIERS = 30;

  private OutboxExample() {}

  /**
   * Runs the example with its output on the console.
   *
   * @param args none
   * @throws Exception when it fails
   */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /**
   * Runs the example.
   *
   * @param out where to print what happens
   * @throws Exception when it fails
   */
  public static void run(PrintStream out) throws Exception {
    Path dir = Files.createTempDirectory("motcua-outbox-");
    JdbcDataSource h2 = new JdbcDataSource();
    // WRITE_DELAY=0: every commit is written before H2 acknowledges it, so a killed process loses
    // no committed event or delivery (H2's default, 500 ms, does; the outbox refuses it).
    // MAX_COMPACT_TIME=0: no compaction when the database closes; after a compacting close, H2
    // 2.5.252 lost acknowledged commits of the next session when that process was killed.
    h2.setURL("jdbc:h2:file:" + dir.resolve("outbox") + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0");
    // A pool: the outbox takes a connection for each call (use HikariCP or similar in production).
    JdbcConnectionPool dataSource = JdbcConnectionPool.create(h2);
    try (NationalPortalFake nationalFake = NationalPortalFake.start();
        ProvincialPortalFake provincialFake = ProvincialPortalFake.start()) {
      nationalFake.failRandomly(PortalFault.SERVICE_UNAVAILABLE, 0.2, 1);
      provincialFake.failRandomly(PortalFault.CONNECTION_RESET, 0.2, 2);

      JdbcSyncOutbox outbox =
          JdbcSyncOutbox.builder()
              .dataSource(dataSource)
              .destinations("national", "provincial")
              .build()
              .createSchemaIfMissing();

      // 1. Record every event in the integrator's own transaction. Code that records events needs
      // only the outbox's writer side.
      OutboxWriter writer = outbox;
      Map<DossierCode, List<DossierEvent>> histories = histories(nationalFake.unitCode());
      int events = 0;
      try (Connection tx = dataSource.getConnection()) {
        tx.setAutoCommit(false);
        for (List<DossierEvent> history : histories.values()) {
          for (DossierEvent event : history) {
            // ... the integrator's own INSERT/UPDATE of the dossier goes here, on `tx` ...
            writer.enqueue(tx, event);
            events++;
          }
          tx.commit();
        }
      }
      out.printf("Recorded %d events of %d dossiers in %s%n", events, histories.size(), dir);

      // 2. Deliver them while the network fails. The clients tell the worker their retry policy, so
      // that it checks its lease (default 5 minutes) outlasts the longest publish call.
      RetryPolicy clientPolicy =
          RetryPolicy.builder().maxAttempts(2).initialBackoff(Duration.ofMillis(10)).build();
      SyncWorker worker =
          SyncWorker.builder()
              .outbox(outbox)
              .destination(
                  "national",
                  NationalPortalClient.builder()
                      .adapterUrl(nationalFake.baseUrl())
                      .credentials(nationalFake.username(), nationalFake.password())
                      .unitCode(nationalFake.unitCode())
                      .agencyName("UBND xã Tân Hòa")
                      .retryPolicy(clientPolicy)
                      .build())
              .destination(
                  "provincial",
                  ProvincialPortalClient.builder()
                      .profile(
                          ProvincialPortalProfile.builder()
                              .baseUrl(provincialFake.baseUrl())
                              .tokenUrl(provincialFake.tokenUrl())
                              .clientCredentials(
                                  provincialFake.clientId(), provincialFake.clientSecret())
                              .build())
                      .retryPolicy(clientPolicy)
                      .build())
              .retryPolicy(
                  RetryPolicy.builder()
                      .initialBackoff(Duration.ofMillis(10))
                      .maxBackoff(Duration.ofMillis(100))
                      .build())
              .build();
      boolean drained = worker.drain(Duration.ofMinutes(5));
      for (SyncStatus s : worker.status().values()) {
        out.printf(
            "%-10s delivered %d, pending %d, dead letters %d%n",
            s.destination(), s.delivered(), s.pending(), s.deadLettered());
      }
      out.printf(
          "Faults injected: national %d, provincial %d%n",
          nationalFake.injectedFaults(PortalFault.SERVICE_UNAVAILABLE),
          provincialFake.injectedFaults(PortalFault.CONNECTION_RESET));

      // 3. Reconcile each portal against the local fold of the events.
      nationalFake.clearFaults();
      provincialFake.clearFaults();
      int lost = drained ? 0 : 1;
      int duplicated = 0;
      DossierLifecycle lifecycle = DossierLifecycle.create();
      for (Map.Entry<DossierCode, List<DossierEvent>> e : histories.entrySet()) {
        Dossier local = lifecycle.replay(writer.events(e.getKey()));
        int expectedSteps = local.steps().size();
        Optional<NationalPortalFake.StoredDossier> n = nationalFake.dossier(e.getKey().value());
        Optional<ProvincialPortalFake.StoredDossier> p = provincialFake.dossier(e.getKey().value());
        int nationalSteps = n.map(d -> d.steps().size()).orElse(0);
        int provincialSteps = p.map(d -> d.steps().size()).orElse(0);
        lost += Math.max(0, expectedSteps - nationalSteps);
        lost += Math.max(0, expectedSteps - provincialSteps);
        duplicated += Math.max(0, nationalSteps - expectedSteps);
        duplicated += Math.max(0, provincialSteps - expectedSteps);
        int status = local.status().nationalCode();
        if (n.isEmpty() || n.get().status() != status || n.get().rating() == null) {
          lost++;
        }
        if (p.isEmpty() || p.get().rating() == null) {
          lost++;
        }
      }
      out.printf("Reconciliation: lost %d, duplicated %d%n", lost, duplicated);
    } finally {
      try (Connection c = dataSource.getConnection()) {
        c.createStatement().execute("SHUTDOWN");
      } catch (SQLException e) {
        // already closed
      }
      dataSource.dispose();
      deleteTree(dir);
    }
  }

  private static Map<DossierCode, List<DossierEvent>> histories(String unit) {
    Random random = new Random(2025);
    Map<DossierCode, List<DossierEvent>> out = new LinkedHashMap<>();
    ProcedureRef procedure =
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch");
    for (int i = 1; i <= DOSSIERS; i++) {
      DossierCode code = DossierCode.parse(unit + "-250815-" + String.format("%04d", i));
      Instant t = Instant.parse("2025-08-15T01:00:00Z").plusSeconds(60L * i);
      List<DossierEvent> h = new ArrayList<>();
      PersonalId id = PersonalId.parse(String.format("0010%02d%06d", 70 + i % 30, 100_000 + i));
      h.add(
          new DossierEvent.Submitted(
              uuid(random),
              code,
              t,
              procedure,
              Applicant.citizen("Lê Thị Hoa", id),
              SubmissionChannel.ONLINE_FULL,
              List.of(),
              List.of(),
              true));
      t = t.plus(Duration.ofHours(1));
      h.add(new DossierEvent.Accepted(uuid(random), code, t));
      for (int s = 1; s <= 3; s++) {
        Instant started = t;
        t = t.plus(Duration.ofHours(2));
        h.add(
            new DossierEvent.StepCompleted(
                uuid(random),
                code,
                t,
                new ProcessingStep(
                    "Phạm Văn Minh",
                    "Công chức tư pháp - hộ tịch",
                    "Bộ phận một cửa",
                    "Bước " + s,
                    started,
                    t,
                    Optional.empty())));
      }
      t = t.plus(Duration.ofHours(1));
      h.add(new DossierEvent.ResultReady(uuid(random), code, t, List.of()));
      t = t.plus(Duration.ofHours(1));
      h.add(new DossierEvent.ResultReturned(uuid(random), code, t));
      t = t.plus(Duration.ofHours(1));
      h.add(
          new DossierEvent.Rated(
              uuid(random), code, t, new Rating(Rating.Satisfaction.SATISFIED, Optional.empty())));
      out.put(code, h);
    }
    return out;
  }

  private static UUID uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong());
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
