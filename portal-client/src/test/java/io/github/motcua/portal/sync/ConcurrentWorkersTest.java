package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.Sleeper;
import io.github.motcua.portal.internal.Failures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two and four workers (each with its own id, threads and lease) drain one outbox at the same time,
 * on H2 and on PostgreSQL when configured: every event reaches each destination once, in order, and
 * no event is ever published by two workers at once.
 */
class ConcurrentWorkersTest {

  private final List<Runnable> cleanUp = new ArrayList<>();

  @AfterEach
  void dropTables() {
    cleanUp.forEach(Runnable::run);
  }

  static Stream<Arguments> cases() {
    return TestDatabase.available().stream()
        .flatMap(db -> Stream.of(Arguments.of(db, 2), Arguments.of(db, 4)));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void workersSharingAnOutboxDeliverEachEventOnceInOrder(TestDatabase db, int workers)
      throws Exception {
    DataSource ds = db.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    JdbcSyncOutbox outbox =
        JdbcSyncOutbox.builder()
            .dataSource(ds)
            .destinations("national", "provincial")
            .tablePrefix(prefix)
            .build()
            .createSchemaIfMissing();
    if (db == TestDatabase.POSTGRESQL) {
      cleanUp.add(() -> TestDatabase.drop(ds, prefix));
    }
    EventScript script = new EventScript(40, 10, 31 + workers);
    script.interleaved().forEach(outbox::enqueue);
    Random faults = new Random(workers);
    RecordingPortal national =
        new RecordingPortal("national")
            .before(
                (e, n) -> {
                  synchronized (faults) {
                    if (faults.nextDouble() < 0.1) {
                      throw new RetryLaterException(
                          "portal.server-error",
                          Failures.detail("HTTP 503", 503, null, null),
                          null,
                          null);
                    }
                  }
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    // Backoffs are a millisecond or two of real time: nothing waits long.
    RetryPolicy quick =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(1))
            .maxBackoff(Duration.ofMillis(2))
            .sleeper(Sleeper.system())
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      List<Future<Boolean>> runs = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        SyncWorker w =
            SyncWorker.builder()
                .outbox(outbox)
                .destination("national", national)
                .destination("provincial", provincial)
                .workerId("w" + i)
                .workerThreads(2)
                .batchSize(4)
                .retryPolicy(quick)
                .outageThreshold(1000)
                .deadLetterThreshold(1000)
                // Drain looks again at this interval while other workers hold the only claimable
                // deliveries (workers do not notify each other).
                .pollInterval(Duration.ofMillis(20))
                .build();
        runs.add(pool.submit(() -> w.drain(Duration.ofMinutes(5))));
      }
      for (Future<Boolean> r : runs) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    for (Map.Entry<DossierCode, List<DossierEvent>> e : script.byDossier().entrySet()) {
      assertThat(national.received(e.getKey())).isEqualTo(e.getValue());
      assertThat(provincial.received(e.getKey())).isEqualTo(e.getValue());
    }
    assertThat(national.overlaps()).isZero();
    assertThat(provincial.overlaps()).isZero();
    assertThat(provincial.calls()).isEqualTo(400);
    assertThat(outbox.status("national").delivered()).isEqualTo(400);
  }

  /**
   * A worker whose drain finds nothing to claim reads when the next delivery becomes claimable;
   * when that is another worker's lease that is settled a moment later, it must not sleep until the
   * stale lease end (five minutes by default) but look again at its poll interval.
   */
  @ParameterizedTest
  @MethodSource("databases")
  void aDrainNeverWaitsForTheEndOfALeaseAnotherWorkerAlreadySettled(TestDatabase db)
      throws Exception {
    DataSource ds = db.dataSource();
    for (int round = 0; round < 3; round++) {
      String prefix = TestDatabase.uniquePrefix();
      JdbcSyncOutbox outbox =
          JdbcSyncOutbox.builder()
              .dataSource(ds)
              .destinations("national", "provincial")
              .tablePrefix(prefix)
              .build()
              .createSchemaIfMissing();
      if (db == TestDatabase.POSTGRESQL) {
        cleanUp.add(() -> TestDatabase.drop(ds, prefix));
      }
      new EventScript(200, 10, 77 + round).interleaved().forEach(outbox::enqueue);
      RecordingPortal national = new RecordingPortal("national");
      RecordingPortal provincial = new RecordingPortal("provincial");
      Duration poll = Duration.ofMillis(5);
      List<Duration> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
      Sleeper recording =
          d -> {
            asked.add(d);
            Sleeper.system().sleep(d.compareTo(poll) > 0 ? poll : d);
          };
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Boolean>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          SyncWorker w =
              SyncWorker.builder()
                  .outbox(outbox)
                  .destination("national", national)
                  .destination("provincial", provincial)
                  .workerId("r" + round + "w" + i)
                  .workerThreads(4)
                  .batchSize(64)
                  .pollInterval(poll)
                  .sleeper(recording)
                  .build();
          // Real time: the bound only stops a hung drain; on a machine shared by many builds the
          // 4,000 deliveries on PostgreSQL took almost six minutes.
          runs.add(pool.submit(() -> w.drain(Duration.ofMinutes(30))));
        }
        for (Future<Boolean> r : runs) {
          assertThat(r.get()).isTrue();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(asked).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(poll));
      assertThat(outbox.status("national").delivered()).isEqualTo(2000);
    }
  }

  static Stream<Arguments> databases() {
    return TestDatabase.available().stream().map(Arguments::of);
  }
}
