package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import javax.sql.DataSource;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four ways the delivery promise was broken, each on H2 and PostgreSQL (when {@code
 * MOTCUA_TEST_POSTGRES_URL} is set), against the portal fakes: a lease that runs out in the middle
 * of a publish, a slow portal with one and two workers, a stale success during an outage, and one
 * event recorded by two transactions at once. Time is the test's clock, moved by the requests
 * themselves ("the portal takes 0.7 s") or by the workers' sleeper: nothing really waits.
 */
class DeliveryGuaranteesTest {

  private static final Duration LEASE = Duration.ofMillis(3_500);

  private final MutableClock clock = new MutableClock(Instant.parse("2025-08-15T02:00:00Z"));
  private final List<Runnable> cleanUp = new ArrayList<>();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** The client's policy of the slow portal: 1 s read timeout, 2 s per call. */
  private final RetryPolicy clientPolicy =
      RetryPolicy.builder()
          .maxAttempts(2)
          .initialBackoff(Duration.ofMillis(100))
          .maxBackoff(Duration.ofMillis(200))
          .readTimeout(Duration.ofSeconds(1))
          .totalTimeout(Duration.ofSeconds(2))
          .circuitFailureThreshold(1_000)
          .random(new Random(3))
          .sleeper(clock.sleeper())
          .build();

  static List<TestDatabase> databases() {
    return TestDatabase.available();
  }

  static Stream<Arguments> databasesAndWorkers() {
    return TestDatabase.available().stream()
        .flatMap(db -> Stream.of(Arguments.of(db, 1), Arguments.of(db, 2)));
  }

  @AfterEach
  void tearDown() {
    threads.shutdownNow();
    cleanUp.forEach(Runnable::run);
  }

  private DataSource lastDataSource;

  private JdbcSyncOutbox outbox(TestDatabase db, String destination) {
    DataSource ds = db.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    if (db == TestDatabase.POSTGRESQL) {
      cleanUp.add(() -> TestDatabase.drop(ds, prefix));
    }
    lastDataSource = ds;
    return JdbcSyncOutbox.builder()
        .dataSource(ds)
        .destinations(destination)
        .tablePrefix(prefix)
        .clock(clock)
        .build()
        .createSchemaIfMissing();
  }

  private NationalPortalFake nationalFake() {
    NationalPortalFake fake = NationalPortalFake.start();
    cleanUp.add(fake::close);
    return fake;
  }

  /** A national client that sends the record with every event (no record memory). */
  private NationalPortalClient national(NationalPortalFake fake, Interceptor interceptor) {
    return NationalPortalClient.builder()
        .adapterUrl(fake.baseUrl())
        .credentials(fake.username(), fake.password())
        .unitCode(fake.unitCode())
        .agencyName(WorkerProcess.AGENCY_NAME)
        .okHttpClient(new OkHttpClient.Builder().addInterceptor(interceptor).build())
        .retryPolicy(clientPolicy)
        .clock(clock)
        .recordMemory(0)
        .build();
  }

  private SyncWorker.Builder worker(SyncOutbox outbox, String destination, PortalClient client) {
    return SyncWorker.builder()
        .outbox(outbox)
        .destination(destination, client)
        .clock(clock)
        .sleeper(clock.sleeper())
        .retryPolicy(
            RetryPolicy.builder()
                .initialBackoff(Duration.ofSeconds(1))
                .maxBackoff(Duration.ofSeconds(10))
                .random(new Random(5))
                .sleeper(clock.sleeper())
                .build())
        .leaseTime(LEASE)
        .workerThreads(2)
        .pollInterval(Duration.ofMillis(20));
  }

  private static String key(okhttp3.Request request) {
    String key = request.header("Idempotency-Key");
    return key == null ? "" : key;
  }

  // ------------------------------------------------------------------- a lease lost mid-publish

  @ParameterizedTest
  @MethodSource("databases")
  void aPublishThatLostItsLeaseMakesNoFurtherPortalCall(TestDatabase db) throws Exception {
    NationalPortalFake fake = nationalFake();
    JdbcSyncOutbox outbox = outbox(db, "national");
    EventScript script = new EventScript(1, 10, 41);
    DossierCode code = script.byDossier().keySet().iterator().next();
    List<DossierEvent> events = script.byDossier().get(code);
    int stepAt = 0;
    while (!(events.get(stepAt) instanceof DossierEvent.StepCompleted)) {
      stepAt++;
    }
    DossierEvent step = events.get(stepAt);
    int stepSeq = stepAt + 1;
    String stepId = step.eventId().toString();
    PortalClient other = national(fake, chain -> chain.proceed(chain.request()));

    // After the record of the step went up, the worker's lease runs out and another worker takes
    // the delivery over and publishes the step itself (after a look-up), before the first one
    // makes its next call.
    AtomicBoolean takenOver = new AtomicBoolean();
    List<String> afterTakeOver = new CopyOnWriteArrayList<>();
    Interceptor slowThenTakenOver =
        chain -> {
          okhttp3.Response response = chain.proceed(chain.request());
          if (takenOver.get()) {
            afterTakeOver.add(key(chain.request()));
          } else if (key(chain.request()).equals(stepId + ":update")) {
            takenOver.set(true);
            // The other worker claims at the time the first one's lease has run out, and only then
            // does the shared clock get there: the first worker's own claim loop (which runs
            // meanwhile in the draining thread) must not claim the step back first, or the
            // takeover would be decided by a race instead of here.
            Instant otherNow = clock.instant().plus(LEASE).plusSeconds(1);
            List<ClaimedDelivery> got =
                outbox.claim("national", "other", 1, otherNow, Duration.ofMinutes(5));
            clock.advance(LEASE.plusSeconds(1));
            assertThat(got)
                .singleElement()
                .extracting(ClaimedDelivery::sequence)
                .isEqualTo((long) stepSeq);
            other.publish(
                new Publication(
                    step, DossierLifecycle.create().replay(events.subList(0, stepSeq)), false));
            assertThat(outbox.markDelivered(got.get(0), otherNow)).isTrue();
          }
          return response;
        };
    List<ClaimedDelivery> lost = new CopyOnWriteArrayList<>();
    SyncWorker w =
        worker(outbox, "national", national(fake, slowThenTakenOver))
            .workerId("first")
            .listener(
                new SyncListener() {
                  @Override
                  public void leaseLost(ClaimedDelivery delivery) {
                    lost.add(delivery);
                  }
                })
            .build();
    script.interleaved().forEach(outbox::enqueue); // after the worker: first claims are first

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(takenOver).isTrue();
    assertThat(lost).singleElement().extracting(d -> d.event().eventId()).isEqualTo(step.eventId());
    // Nothing of the step under the lost lease: the first worker's next calls are later events'.
    assertThat(afterTakeOver).noneMatch(k -> k.startsWith(stepId));
    assertThat(fake.dossier(code.value()).orElseThrow().steps())
        .hasSize(script.fold(code).steps().size());
    new Reconciliation().national(script, fake);
    new Reconciliation().nationalStatusesNeverBackwards(script, fake);
    assertThat(outbox.status("national").delivered()).isEqualTo(events.size());
  }

  // ---------------------------------------------------------------------------- a slow portal

  @ParameterizedTest
  @MethodSource("databasesAndWorkers")
  void aSlowPortalWithLeasesShorterThanAPublishGetsEveryStepOnce(TestDatabase db, int workers)
      throws Exception {
    NationalPortalFake fake = nationalFake();
    JdbcSyncOutbox outbox = outbox(db, "national");
    EventScript script = new EventScript(20, 10, 50 + workers);
    // Every call takes 0.7 s of the test's clock, one at a time: a shared call of ten steps (a
    // record and a step call each) takes 14 s, four leases.
    Object portal = new Object();
    Interceptor slow =
        chain -> {
          synchronized (portal) {
            clock.advance(Duration.ofMillis(700));
            return chain.proceed(chain.request());
          }
        };
    List<SyncWorker> ws = new ArrayList<>();
    for (int i = 1; i <= workers; i++) {
      ws.add(
          worker(outbox, "national", national(fake, slow))
              .workerId("slow-" + i)
              .batchSize(32)
              .build());
    }
    // Recorded while the workers run: each delivery's first claim is a first attempt.
    script.interleaved().forEach(outbox::enqueue);
    List<Future<Boolean>> drains = new ArrayList<>();
    for (SyncWorker w : ws) {
      drains.add(threads.submit(() -> w.drain(Duration.ofDays(1))));
    }
    for (Future<Boolean> f : drains) {
      assertThat(f.get(5, TimeUnit.MINUTES)).isTrue();
    }

    assertThat(outbox.status("national").delivered()).isEqualTo(script.interleaved().size());
    assertThat(outbox.deadLetters("national")).isEmpty();
    new Reconciliation().national(script, fake);
    new Reconciliation().nationalStatusesNeverBackwards(script, fake);
  }

  // ----------------------------------------------------------- an outage with a stale success

  @ParameterizedTest
  @MethodSource("databases")
  void aSuccessThatStartedBeforeTheOutageDoesNotEndIt(TestDatabase db) throws Exception {
    ProvincialPortalFake fake = ProvincialPortalFake.start();
    cleanUp.add(fake::close);
    JdbcSyncOutbox outbox = outbox(db, "provincial");
    EventScript script = new EventScript(3, 10, 61);
    List<DossierEvent> firsts = script.byDossier().values().stream().map(l -> l.get(0)).toList();
    String slowKey = firsts.get(0).eventId() + ":record";
    CountDownLatch slowAnswered = new CountDownLatch(1);
    CountDownLatch releaseSlow = new CountDownLatch(1);
    // The first dossier's record lands at once, but its answer is held: a success in flight.
    Interceptor holdFirst =
        chain -> {
          okhttp3.Response response = chain.proceed(chain.request());
          if (key(chain.request()).equals(slowKey)) {
            slowAnswered.countDown();
            try {
              assertThat(releaseSlow.await(2, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          return response;
        };
    PortalClient client =
        ProvincialPortalClient.builder()
            .profile(
                ProvincialPortalProfile.builder()
                    .baseUrl(fake.baseUrl())
                    .tokenUrl(fake.tokenUrl())
                    .clientCredentials(fake.clientId(), fake.clientSecret())
                    .build())
            .okHttpClient(new OkHttpClient.Builder().addInterceptor(holdFirst).build())
            .retryPolicy(
                RetryPolicy.builder()
                    .maxAttempts(1)
                    .readTimeout(Duration.ofSeconds(1))
                    .totalTimeout(Duration.ofSeconds(2))
                    .circuitFailureThreshold(1_000)
                    .sleeper(clock.sleeper())
                    .build())
            .clock(clock)
            .build();
    CountDownLatch down = new CountDownLatch(1);
    CountDownLatch staleDelivered = new CountDownLatch(1);
    SyncWorker w =
        worker(outbox, "provincial", client)
            .outageThreshold(2)
            .deadLetterThreshold(3)
            .leaseTime(Duration.ofDays(30)) // the outage pauses move the clock fast
            .listener(
                new SyncListener() {
                  @Override
                  public void destinationDown(String d, Exception failure, Instant probeAt) {
                    down.countDown();
                  }

                  @Override
                  public void delivered(ClaimedDelivery delivery, Duration sinceRecorded) {
                    if (delivery.event().eventId().equals(firsts.get(0).eventId())) {
                      staleDelivered.countDown();
                    }
                  }
                })
            .build();
    outbox.enqueue(firsts.get(0));
    Future<Boolean> drain = threads.submit(() -> w.drain(Duration.ofDays(1)));
    assertThat(slowAnswered.await(2, TimeUnit.MINUTES)).isTrue();
    // The portal goes down after the first publish started; the others fail until it is down.
    fake.inject(Fault.next(PortalFault.SERVICE_UNAVAILABLE, 1_000_000));
    clock.advance(Duration.ofSeconds(1));
    outbox.enqueue(firsts.get(1));
    outbox.enqueue(firsts.get(2));
    assertThat(down.await(2, TimeUnit.MINUTES)).isTrue();

    releaseSlow.countDown();
    assertThat(staleDelivered.await(2, TimeUnit.MINUTES)).isTrue();
    assertThat(w.isDestinationDown("provincial")).as("still down after a stale success").isTrue();

    fake.clearFaults();
    assertThat(drain.get(5, TimeUnit.MINUTES)).isTrue();
    assertThat(outbox.deadLetters("provincial")).isEmpty();
    assertThat(outbox.status("provincial").delivered()).isEqualTo(3);
    assertThat(fake.dossiers()).hasSize(3);
  }

  // -------------------------------------------------------- one event, two transactions at once

  @ParameterizedTest
  @MethodSource("databases")
  void twoTransactionsRecordingTheSameNewEventAtOnceRecordItOnce(TestDatabase db) throws Exception {
    JdbcSyncOutbox outbox = outbox(db, "national");
    DataSource ds = lastDataSource;
    EventScript script = new EventScript(1, 10, 71);
    List<DossierEvent> events = script.interleaved();
    try (Connection first = ds.getConnection();
        Connection second = ds.getConnection()) {
      first.setAutoCommit(false);
      second.setAutoCommit(false);
      assertThat(outbox.enqueue(first, events.get(0))).isEqualTo(1);
      java.util.concurrent.atomic.AtomicReference<Thread> runner =
          new java.util.concurrent.atomic.AtomicReference<>();
      Future<Long> other =
          threads.submit(
              () -> {
                runner.set(Thread.currentThread());
                return outbox.enqueue(second, events.get(0));
              });
      awaitBlocked(db, ds, other, runner);
      first.commit();
      assertThat(other.get(1, TimeUnit.MINUTES)).isEqualTo(1);
      second.commit();
    }
    assertThat(outbox.enqueue(events.get(1))).as("no number lost").isEqualTo(2);
    assertThat(outbox.events(events.get(0).dossierCode())).hasSize(2);
    assertThat(outbox.status("national").pending()).isEqualTo(2);
  }

  /** Whether a thread runs an H2 statement of {@code reserve}: the dossier row's lock. */
  private static boolean waitsInH2ForTheDossierRow(Thread t) {
    StackTraceElement[] stack = t.getStackTrace();
    boolean inH2 = false;
    for (StackTraceElement f : stack) {
      if (f.getClassName().equals(OutboxEventLog.class.getName())
          && f.getMethodName().equals("reserve")) {
        return inH2;
      }
      inH2 |= f.getClassName().startsWith("org.h2.");
    }
    return false;
  }

  /** Waits until the second transaction waits for the first one's lock (or has finished). */
  private static void awaitBlocked(
      TestDatabase db,
      DataSource ds,
      Future<?> second,
      java.util.concurrent.atomic.AtomicReference<Thread> runner)
      throws Exception {
    // H2 (embedded) waits for a row lock in Object.wait; PostgreSQL shows the wait in its views.
    String sql =
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock'";
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      for (int i = 0; i < 6_000; i++) {
        if (db == TestDatabase.H2) {
          Thread t = runner.get();
          // H2 spins on the first transaction's uncommitted row inside the statement.
          if (t != null && !second.isDone() && waitsInH2ForTheDossierRow(t)) {
            return;
          }
        } else {
          try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (rs.getLong(1) > 0) {
              return;
            }
          }
        }
        try {
          second.get(10, TimeUnit.MILLISECONDS);
          return; // finished without waiting: the test then proves less, but still holds
        } catch (TimeoutException stillRunning) {
          // look again
        }
      }
    }
    throw new AssertionError("the second transaction neither waited nor finished");
  }
}
