package io.github.motcua.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.PublishResult;
import io.github.motcua.portal.sync.JdbcSyncOutbox;
import io.github.motcua.portal.sync.SyncWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A harness benchmark of the sync outbox: enqueue throughput (one transaction per event, and 500
 * events per transaction), then the time a {@link SyncWorker} takes to drain the backlog to two
 * destinations that accept at once (so the figures are the outbox's own cost, not a portal's).
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.motcua.benchmarks.OutboxThroughput [events] [jdbc-url]}; without a URL it uses an
 * embedded H2 file database in a temporary folder. Events come 20 per dossier.
 */
public final class OutboxThroughput {

  private OutboxThroughput() {}

  /**
   * Runs the benchmark.
   *
   * @param args the number of events (default 100,000), then an optional PostgreSQL JDBC URL;
   *     {@code --workers N} anywhere drains with N workers side by side (default 1), as N
   *     application instances sharing one outbox would
   * @throws Exception when it fails
   */
  public static void main(String[] args) throws Exception {
    int workers = 1;
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--workers") && i + 1 < args.length) {
        workers = Integer.parseInt(args[++i]);
      } else {
        positional.add(args[i]);
      }
    }
    args = positional.toArray(new String[0]);
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    // HikariCP keeps each connection's state between uses; H2's JdbcConnectionPool rolled every
    // connection back as it took it back, which empties H2's cache of parsed statements.
    HikariConfig config = new HikariConfig();
    config.setMaximumPoolSize(16);
    String where;
    Path dir = null;
    if (args.length > 1) {
      config.setJdbcUrl(args[1]);
      where = "PostgreSQL";
    } else {
      dir = Files.createTempDirectory("motcua-bench-");
      config.setJdbcUrl(
          "jdbc:h2:file:"
              + dir.resolve("outbox")
              + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0;QUERY_CACHE_SIZE=64");
      where = "H2 file " + dir;
    }
    HikariDataSource ds = new HikariDataSource(config);
    String prefix = "bench" + Long.toString(System.nanoTime() % 1_000_000, 36) + "_";
    int workerCount = workers;
    // The run's tables go, so that a shared PostgreSQL keeps nothing of it.
    BenchmarkTables.runThenRemove(
        ds, ds, prefix, dir, () -> run(ds, where, prefix, events, workerCount));
  }

  private static void run(HikariDataSource ds, String where, String prefix, int events, int workers)
      throws Exception {
    JdbcSyncOutbox outbox =
        JdbcSyncOutbox.builder()
            .dataSource(ds)
            .destinations("national", "provincial")
            .tablePrefix(prefix)
            .build()
            .createSchemaIfMissing();
    List<DossierEvent> all = events(events);

    int single = Math.min(2_000, events / 10);
    long t0 = System.nanoTime();
    for (int i = 0; i < single; i++) {
      outbox.enqueue(all.get(i));
    }
    double singleSec = (System.nanoTime() - t0) / 1e9;
    t0 = System.nanoTime();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      for (int i = single; i < all.size(); i++) {
        outbox.enqueue(c, all.get(i));
        if (i % 500 == 0) {
          c.commit();
        }
      }
      c.commit();
    }
    double batchSec = (System.nanoTime() - t0) / 1e9;

    AtomicLong published = new AtomicLong();
    PortalClient accepting =
        new PortalClient() {
          @Override
          public PublishResult publish(DossierEvent event, Dossier snapshot) {
            published.incrementAndGet();
            return new PublishResult(
                "bench", event.dossierCode(), event.eventId(), List.of(), null);
          }
        };
    List<SyncWorker> pool = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      pool.add(
          SyncWorker.builder()
              .outbox(outbox)
              .destination("national", accepting)
              .destination("provincial", accepting)
              .workerThreads(4)
              .batchSize(64)
              .build());
    }
    t0 = System.nanoTime();
    boolean done;
    if (workers == 1) {
      done = pool.get(0).drain(Duration.ofHours(2));
    } else {
      ExecutorService side = Executors.newFixedThreadPool(workers);
      try {
        List<Future<Boolean>> drains = new ArrayList<>();
        for (SyncWorker w : pool) {
          drains.add(side.submit(() -> w.drain(Duration.ofHours(2))));
        }
        done = true;
        for (Future<Boolean> f : drains) {
          done &= f.get();
        }
      } finally {
        side.shutdown();
      }
    }
    double drainSec = (System.nanoTime() - t0) / 1e9;

    System.out.printf("database: %s%n", where);
    System.out.printf(
        "enqueue, one transaction each: %d events in %.1f s = %.0f events/s%n",
        single, singleSec, single / singleSec);
    System.out.printf(
        "enqueue, 500 per transaction: %d events in %.1f s = %.0f events/s%n",
        all.size() - single, batchSec, (all.size() - single) / batchSec);
    System.out.printf(
        "drain of a %d event backlog to 2 destinations (%d deliveries, 4 threads each,"
            + " %d worker%s): %.1f s = %.0f deliveries/s (complete: %s)%n",
        events,
        published.get(),
        workers,
        workers == 1 ? "" : "s",
        drainSec,
        published.get() / drainSec,
        done);
  }

  private static List<DossierEvent> events(int count) {
    List<DossierEvent> out = new ArrayList<>(count);
    ProcedureRef procedure =
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch");
    int dossiers = Math.max(1, count / 20);
    List<List<DossierEvent>> histories = new ArrayList<>();
    for (int d = 1; d <= dossiers; d++) {
      DossierCode code = DossierCode.parse("000.00.31.H56-250815-" + String.format("%05d", d));
      Instant t = Instant.parse("2025-08-15T01:00:00Z");
      List<DossierEvent> h = new ArrayList<>();
      h.add(
          new DossierEvent.Submitted(
              UUID.randomUUID(),
              code,
              t,
              procedure,
              Applicant.citizen(
                  "Nguyễn Văn An", PersonalId.parse(String.format("001090%06d", d % 1_000_000))),
              SubmissionChannel.ONLINE_FULL,
              List.of(),
              List.of(),
              true));
      t = t.plusSeconds(60);
      h.add(new DossierEvent.Accepted(UUID.randomUUID(), code, t));
      for (int s = 0; s < 18; s++) {
        Instant start = t;
        t = t.plusSeconds(60);
        h.add(
            new DossierEvent.StepCompleted(
                UUID.randomUUID(),
                code,
                t,
                new ProcessingStep(
                    "Trần Bình",
                    "Chuyên viên",
                    "Một cửa",
                    "Bước " + s,
                    start,
                    t,
                    Optional.empty())));
      }
      histories.add(h);
    }
    // Round-robin over dossiers, as a busy commune records them.
    for (int i = 0; i < 20; i++) {
      for (List<DossierEvent> h : histories) {
        if (out.size() < count) {
          out.add(h.get(i));
        }
      }
    }
    return out;
  }
}
