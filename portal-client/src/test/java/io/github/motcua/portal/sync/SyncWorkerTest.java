package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.BatchPublisher;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishOutcome;
import io.github.motcua.portal.PublishResult;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.internal.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker against recording destinations, on H2, with a test clock: nothing really waits. */
class SyncWorkerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-08-15T02:00:00Z"));
  private final RetryPolicy policy =
      RetryPolicy.builder()
          .initialBackoff(Duration.ofSeconds(1))
          .maxBackoff(Duration.ofMinutes(2))
          .random(new Random(11))
          .sleeper(clock.sleeper())
          .build();

  private JdbcSyncOutbox outbox() {
    return JdbcSyncOutbox.builder()
        .dataSource(TestDatabase.H2.dataSource())
        .destinations("national", "provincial")
        .tablePrefix(TestDatabase.uniquePrefix())
        .clock(clock)
        .build()
        .createSchemaIfMissing();
  }

  private SyncWorker.Builder worker(
      SyncOutbox outbox, PortalClient national, RecordingPortal provincial) {
    return SyncWorker.builder()
        .outbox(outbox)
        .destination("national", national)
        .destination("provincial", provincial)
        .retryPolicy(policy)
        .clock(clock)
        .sleeper(clock.sleeper())
        .leaseTime(Duration.ofMinutes(5));
  }

  private static void assertInOrder(EventScript script, RecordingPortal portal) {
    for (Map.Entry<DossierCode, List<DossierEvent>> e : script.byDossier().entrySet()) {
      assertThat(portal.received(e.getKey())).as("dossier %s", e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(portal.overlaps()).isZero();
  }

  /**
   * Each event's first publish was called a first attempt, every later one not (the client must
   * then guard against the first having reached the portal), and some events were published again.
   */
  private static void assertOnlyFirstPublishesAreFirstAttempts(RecordingPortal portal) {
    assertThat(portal.firstAttempts().values())
        .allSatisfy(
            flags -> {
              assertThat(flags.get(0)).isTrue();
              assertThat(flags.subList(1, flags.size())).doesNotContain(true);
            })
        .anySatisfy(flags -> assertThat(flags).hasSizeGreaterThan(1));
  }

  @Test
  void deliversEveryEventToEveryDestinationInOrderThroughRandomFailures() throws Exception {
    EventScript script = new EventScript(40, 12, 1);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    Random faults = new Random(5);
    RecordingPortal national =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  synchronized (faults) {
                    if (faults.nextDouble() < 0.3) {
                      throw new RetryLaterException(
                          "portal.server-error",
                          Failures.detail("HTTP 503", 503, null, "r" + n),
                          null,
                          null);
                    }
                  }
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    SyncWorker w = worker(outbox, national, provincial).workerThreads(3).build();

    assertThat(w.drain(Duration.ofHours(2))).isTrue();

    assertInOrder(script, national);
    assertInOrder(script, provincial);
    assertThat(national.calls()).isGreaterThan(480);
    assertThat(national.firstAttempts()).hasSize(480);
    assertOnlyFirstPublishesAreFirstAttempts(national);
    assertThat(provincial.firstAttempts().values())
        .allSatisfy(f -> assertThat(f).containsOnly(true));
    assertThat(w.status().values()).allSatisfy(s -> assertThat(s.isCaughtUp()).isTrue());
    assertThat(outbox.deadLetters("national")).isEmpty();
  }

  @Test
  void aSlowDossierHoldsBackNeitherOtherDossiersNorItsOwnOrder() throws Exception {
    EventScript script = new EventScript(30, 10, 2);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    List<DossierCode> codes = new ArrayList<>(script.byDossier().keySet());
    Set<DossierCode> slow = Set.of(codes.get(3), codes.get(17));
    AtomicInteger fastDelivered = new AtomicInteger();
    int fastTotal = (codes.size() - slow.size()) * 10;
    CountDownLatch othersDone = new CountDownLatch(1);
    Random delays = new Random(9);
    RecordingPortal national =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  if (slow.contains(event.dossierCode())) {
                    // The slow dossiers' deliveries are held until every other dossier is through.
                    try {
                      assertThat(othersDone.await(60, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException(e);
                    }
                  } else {
                    for (int i = delays.nextInt(2000); i > 0; i--) {
                      Thread.onSpinWait(); // a per-dossier delay of varying length
                    }
                    if (fastDelivered.incrementAndGet() == fastTotal) {
                      othersDone.countDown();
                    }
                  }
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    SyncWorker w = worker(outbox, national, provincial).workerThreads(4).batchSize(8).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(othersDone.getCount()).isZero();
    assertInOrder(script, national);
    assertInOrder(script, provincial);
  }

  @Test
  void parksARefusedEventAndHoldsBackOnlyThatDossierForThatDestination() throws Exception {
    EventScript script = new EventScript(5, 10, 3);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    List<DossierEvent> victim = script.byDossier().values().iterator().next();
    DossierEvent refused = victim.get(4);
    Set<Object> refuse = new HashSet<>(Set.of(refused.eventId()));
    RecordingPortal national =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  if (refuse.contains(event.eventId())) {
                    throw Failures.rejected(
                        "portal.rejected", "Illegal status change", 200, "1003", "req-1");
                  }
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    List<String> parked = new CopyOnWriteArrayList<>();
    SyncWorker w =
        worker(outbox, national, provincial)
            .listener(
                new SyncListener() {
                  @Override
                  public void deadLettered(ClaimedDelivery delivery, String reason) {
                    parked.add(delivery.destination() + " " + reason);
                  }
                })
            .build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(national.received(refused.dossierCode())).isEqualTo(victim.subList(0, 4));
    assertInOrder(script, provincial);
    assertThat(national.receivedCount()).isEqualTo(5 * 10 - 6);
    DeadLetter dead = outbox.deadLetters("national").get(0);
    assertThat(dead.event()).isEqualTo(refused);
    assertThat(dead.reason()).startsWith("[portal.rejected]").contains("1003");
    assertThat(dead.blockedEvents()).isEqualTo(5);
    assertThat(parked).containsExactly("national " + dead.reason());

    refuse.clear();
    outbox.retryDeadLetter("national", refused.eventId(), "operator.lan", "portal fixed");
    assertThat(w.drain(Duration.ofHours(1))).isTrue();
    assertInOrder(script, national);
  }

  @Test
  void handsEventsOfDifferentDossiersToPublishAllAtMostTheClientsLimitAtATime() throws Exception {
    EventScript script = new EventScript(40, 12, 21);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    Random faults = new Random(6);
    DossierEvent refused = script.byDossier().values().iterator().next().get(6);
    RecordingPortal national =
        new RecordingPortal("national")
            .batching(5, null)
            .before(
                (event, n) -> {
                  if (event.eventId().equals(refused.eventId())) {
                    throw Failures.rejected(
                        "portal.rejected", "Illegal status change", 200, "1003", "req-1");
                  }
                  synchronized (faults) {
                    if (faults.nextDouble() < 0.2) {
                      throw new RetryLaterException(
                          "portal.server-error",
                          Failures.detail("HTTP 503", 503, null, "r" + n),
                          null,
                          null);
                    }
                  }
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    SyncWorker w = worker(outbox, national, provincial).workerThreads(3).batchSize(16).build();

    assertThat(w.drain(Duration.ofHours(2))).isTrue();

    // Each outcome of a shared call is its own event's: the refused event alone is parked, the
    // failed ones are retried in order.
    List<DossierEvent> victim = script.byDossier().get(refused.dossierCode());
    assertThat(national.received(refused.dossierCode())).isEqualTo(victim.subList(0, 6));
    assertThat(outbox.deadLetters("national"))
        .singleElement()
        .satisfies(d -> assertThat(d.event()).isEqualTo(refused));
    for (Map.Entry<DossierCode, List<DossierEvent>> e : script.byDossier().entrySet()) {
      if (!e.getKey().equals(refused.dossierCode())) {
        assertThat(national.received(e.getKey())).isEqualTo(e.getValue());
      }
    }
    assertInOrder(script, provincial);
    assertThat(national.overlaps()).isZero();
    List<List<DossierCode>> batches = national.batches();
    assertThat(batches)
        .allSatisfy(
            b -> {
              assertThat(b).hasSizeBetween(2, 5);
              assertThat(new HashSet<>(b)).hasSameSizeAs(b);
            });
    assertThat(batches).hasSizeGreaterThan(10);
    assertThat(provincial.batches()).isEmpty();
    // Shared calls tell first attempts apart too.
    assertOnlyFirstPublishesAreFirstAttempts(national);
  }

  @Test
  void aSharedCallThatThrowsOrMiscountsLeavesEachOfItsEventsToRetry() throws Exception {
    EventScript script = new EventScript(12, 10, 22);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    AtomicInteger sharedCalls = new AtomicInteger();
    RecordingPortal national =
        new RecordingPortal("national")
            .batching(
                4,
                publications -> {
                  int n = sharedCalls.incrementAndGet();
                  if (n == 1) {
                    throw new RetryLaterException(
                        "portal.timeout",
                        Failures.detail("Read timed out", 0, null, null),
                        null,
                        null);
                  }
                  if (n == 2) {
                    return List.of(); // a client that miscounts: nothing can be recorded as sent
                  }
                  return null; // publish them
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    List<String> retried = new CopyOnWriteArrayList<>();
    SyncWorker w =
        worker(outbox, national, provincial)
            .workerThreads(2)
            .batchSize(8)
            .listener(
                new SyncListener() {
                  @Override
                  public void retryScheduled(
                      ClaimedDelivery delivery, Exception cause, int attempts, Instant next) {
                    retried.add(cause.getClass().getSimpleName());
                  }
                })
            .build();

    assertThat(w.drain(Duration.ofHours(2))).isTrue();

    assertInOrder(script, national);
    assertInOrder(script, provincial);
    assertThat(outbox.deadLetters("national")).isEmpty();
    assertThat(new HashSet<>(retried))
        .containsExactlyInAnyOrder("RetryLaterException", "IllegalStateException");
    assertThat(retried)
        .hasSize(national.batches().get(0).size() + national.batches().get(1).size());
  }

  @Test
  void groupsTheEventsOfASharedCallByTheClientsKind() throws Exception {
    EventScript script = new EventScript(40, 12, 24);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    // Two kinds of call, say records and ratings: here by the event's position in its dossier.
    Map<UUID, Integer> position = new HashMap<>();
    script
        .byDossier()
        .values()
        .forEach(l -> l.forEach(e -> position.put(e.eventId(), l.indexOf(e))));
    RecordingPortal national =
        new RecordingPortal("national")
            .batching(5, null)
            .kinds(e -> position.get(e.eventId()) % 3 == 0 ? "rating" : "record");
    RecordingPortal provincial = new RecordingPortal("provincial");
    SyncWorker w = worker(outbox, national, provincial).workerThreads(2).batchSize(40).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertInOrder(script, national);
    assertThat(national.kindsOfBatches()).allSatisfy(k -> assertThat(k).hasSize(1));
    // A claim of 40 dossiers' next events makes full calls of each kind, not calls split by kind.
    assertThat(national.batches())
        .filteredOn(b -> b.size() == 5)
        .hasSizeGreaterThan(national.batches().size() / 2);
  }

  @Test
  void aClientWhoseBatchKindFailsHasItsEventsPublishedOneByOne() throws Exception {
    EventScript script = new EventScript(6, 10, 25);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    RecordingPortal national =
        new RecordingPortal("national")
            .batching(5, null)
            .kinds(
                e -> {
                  throw new IllegalStateException("no kind today");
                });
    SyncWorker w = worker(outbox, national, new RecordingPortal("provincial")).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertInOrder(script, national);
    assertThat(national.batches()).isEmpty();
  }

  @Test
  void aClientWhoseBatchLimitFailsHasItsEventsPublishedOneByOne() throws Exception {
    EventScript script = new EventScript(6, 10, 23);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    RecordingPortal national = new RecordingPortal("national");
    PortalClient broken =
        new BatchPublisher() {
          @Override
          public PublishResult publish(DossierEvent event, Dossier snapshot) {
            return national.publish(event, snapshot);
          }

          @Override
          public int batchLimit(DossierEvent event) {
            throw new IllegalStateException("no limit today");
          }
        };
    SyncWorker w = worker(outbox, broken, new RecordingPortal("provincial")).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertInOrder(script, national);
  }

  @Test
  void logsAFailureSharedByTheEventsOfOneCallWithItsStackTraceOnce() throws Exception {
    EventScript script = new EventScript(6, 10, 29);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    RecordingPortal national = new RecordingPortal("national");
    AtomicInteger calls = new AtomicInteger();
    PortalClient sharing =
        new BatchPublisher() {
          @Override
          public PublishResult publish(DossierEvent event, Dossier snapshot) {
            return national.publish(event, snapshot);
          }

          @Override
          public int batchLimit(DossierEvent event) {
            return 10;
          }

          @Override
          public List<PublishOutcome> publishAll(List<Publication> publications) {
            if (calls.getAndIncrement() == 0 && publications.size() > 1) {
              throw new IllegalStateException("the shared call broke");
            }
            return BatchPublisher.super.publishAll(publications);
          }
        };
    SyncWorker w =
        worker(outbox, sharing, new RecordingPortal("provincial")).workerThreads(1).build();
    java.io.PrintStream err = System.err;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(w.drain(Duration.ofHours(1))).isTrue();
    } finally {
      System.setErr(err);
    }

    String log = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log.split("IllegalStateException: the shared call broke", -1)).hasSize(2);
    assertThat(log).contains("the same IllegalStateException as above");
    assertInOrder(script, national);
  }

  @Test
  void parksAnEventThatKeepsFailingWhileTheDestinationIsUp() throws Exception {
    EventScript script = new EventScript(8, 10, 4);
    SyncOutbox outbox = outbox();
    script.interleaved().forEach(outbox::enqueue);
    DossierEvent poison = script.byDossier().values().iterator().next().get(2);
    RecordingPortal national =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  if (event.eventId().equals(poison.eventId())) {
                    throw new RetryLaterException(
                        "portal.server-error",
                        Failures.detail("HTTP 500", 500, null, null),
                        null,
                        null);
                  }
                });
    SyncWorker w =
        worker(outbox, national, new RecordingPortal("provincial"))
            .deadLetterThreshold(4)
            .outageThreshold(3)
            .workerThreads(1)
            .build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(outbox.deadLetters("national"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.event()).isEqualTo(poison);
              assertThat(d.attempts()).isEqualTo(4);
              assertThat(d.reason()).startsWith("Failed 4 times; last: [portal.server-error]");
            });
    assertThat(national.receivedCount()).isEqualTo(8 * 10 - 8);
  }

  @Test
  void anHourLongOutageBuildsABacklogThatDrainsInOrderAndSparesTheOtherDestination()
      throws Exception {
    EventScript script = new EventScript(60, 10, 5);
    SyncOutbox outbox = outbox();
    // Down for an hour and a minute: the portal is still down when the twelfth step ends.
    Instant back = clock.instant().plus(Duration.ofMinutes(61));
    RecordingPortal national =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  if (clock.instant().isBefore(back)) {
                    throw new RetryLaterException(
                        "portal.connection",
                        Failures.detail("Connection refused", 0, null, null),
                        null,
                        null);
                  }
                });
    RecordingPortal provincial = new RecordingPortal("provincial");
    List<String> health = new CopyOnWriteArrayList<>();
    SyncWorker w =
        worker(outbox, national, provincial)
            .deadLetterThreshold(5)
            .listener(
                new SyncListener() {
                  @Override
                  public void destinationDown(String destination, Exception f, Instant probeAt) {
                    health.add("down " + destination);
                  }

                  @Override
                  public void destinationUp(String destination, Duration downFor) {
                    health.add("up " + destination + " after " + downFor.toMinutes() + " min");
                  }
                })
            .build();

    List<DossierEvent> all = script.interleaved();
    int perStep = all.size() / 12;
    for (int step = 0; step < 12; step++) {
      Instant stepEnd = clock.instant().plus(Duration.ofMinutes(5));
      all.subList(step * perStep, (step + 1) * perStep).forEach(outbox::enqueue);
      assertThat(w.drain(Duration.between(clock.instant(), stepEnd))).isFalse();
      assertThat(provincial.receivedCount()).isEqualTo((step + 1) * perStep);
      assertThat(outbox.status("national").pending()).isEqualTo((step + 1) * perStep);
      if (clock.instant().isBefore(stepEnd)) {
        clock.advance(Duration.between(clock.instant(), stepEnd));
      }
    }
    assertThat(national.receivedCount()).isZero();
    assertThat(outbox.status("national").oldestPendingAge())
        .isGreaterThanOrEqualTo(Duration.ofMinutes(59));
    assertThat(w.isDestinationDown("national")).isTrue();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertInOrder(script, national);
    assertInOrder(script, provincial);
    assertThat(outbox.deadLetters("national")).isEmpty();
    assertThat(outbox.status("national").isCaughtUp()).isTrue();
    assertThat(health).first().isEqualTo("down national");
    assertThat(health).last().asString().startsWith("up national after 6");
  }

  @Test
  void startsInTheBackgroundAndStopsGracefully() throws Exception {
    EventScript script = new EventScript(10, 10, 6);
    SyncOutbox outbox = outbox();
    CountDownLatch all = new CountDownLatch(200);
    RecordingPortal national = new RecordingPortal("national");
    RecordingPortal provincial = new RecordingPortal("provincial");
    SyncWorker w =
        SyncWorker.builder()
            .outbox(outbox)
            .destination("national", national)
            .destination("provincial", provincial)
            .pollInterval(Duration.ofMillis(20))
            .listener(
                new SyncListener() {
                  @Override
                  public void delivered(ClaimedDelivery delivery, Duration sinceRecorded) {
                    all.countDown();
                  }
                })
            .build()
            .start();
    try {
      script.interleaved().forEach(outbox::enqueue);
      assertThat(all.await(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      assertThat(w.stop(Duration.ofSeconds(10))).isTrue();
    }
    assertInOrder(script, national);
    assertInOrder(script, provincial);
  }

  @Test
  void aDrainOnAStartedWorkerWaitsForTheBackgroundsDeliveriesNotForTheirLeases() throws Exception {
    EventScript script = new EventScript(1, 10, 7);
    SyncOutbox outbox = outbox();
    List<DossierEvent> events = script.interleaved();
    outbox.enqueue(events.get(0));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecordingPortal slow =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  if (n == 1) {
                    entered.countDown();
                    try {
                      release.await();
                    } catch (InterruptedException e) {
                      throw new IllegalStateException("interrupted", e);
                    }
                  }
                });
    SyncWorker w =
        SyncWorker.builder()
            .outbox(outbox)
            .destination("national", slow)
            .pollInterval(Duration.ofMillis(20))
            .build()
            .start();
    try {
      // The background holds the first event (leased for 5 minutes); the second waits behind it.
      assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
      outbox.enqueue(events.get(1));
      java.util.concurrent.CompletableFuture<Boolean> drained =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return w.drain(Duration.ofSeconds(60));
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      release.countDown();
      assertThat(drained.get(60, TimeUnit.SECONDS)).isTrue();
    } finally {
      release.countDown();
      assertThat(w.stop(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(slow.all()).containsExactly(events.get(0), events.get(1));
    assertThat(outbox.status("national").pending()).isZero();
  }

  @Test
  void stoppingReturnsADeliveryStuckInFlightToTheQueue() throws Exception {
    EventScript script = new EventScript(1, 10, 7);
    SyncOutbox outbox = outbox();
    outbox.enqueue(script.interleaved().get(0));
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    RecordingPortal stuck =
        new RecordingPortal("national")
            .before(
                (event, n) -> {
                  entered.countDown();
                  try {
                    never.await();
                  } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted by stop");
                  }
                });
    SyncWorker w =
        SyncWorker.builder()
            .outbox(outbox)
            .destination("national", stuck)
            .pollInterval(Duration.ofMillis(20))
            .build()
            .start();
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    assertThat(w.stop(Duration.ofMillis(50))).isFalse();

    assertThat(outbox.status("national").inFlight()).isZero();
    assertThat(outbox.claim("national", "another", 1, Instant.now(), Duration.ofMinutes(1)))
        .hasSize(1);
  }

  @Test
  void refusesALeaseThatDoesNotOutlastTheClientsLongestCall() {
    SyncOutbox outbox = outbox();
    RetryPolicy client =
        RetryPolicy.builder()
            .readTimeout(Duration.ofSeconds(10))
            .totalTimeout(Duration.ofSeconds(50))
            .build();
    SyncWorker.Builder tooShort =
        SyncWorker.builder()
            .outbox(outbox)
            .destination("national", new RecordingPortal("national"), client)
            .leaseTime(Duration.ofSeconds(60));
    assertThatThrownBy(tooShort::build)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("sync.lease-time")
        .hasMessageContaining("readTimeout (PT10S)")
        .hasMessageContaining("national")
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("portal.config.sync.lease-time");

    assertThat(tooShort.leaseTime(Duration.ofSeconds(61)).build().destinations())
        .containsExactly("national");
  }

  @Test
  void checksTheLeaseAgainstThePolicyAClientTells() {
    SyncOutbox outbox = outbox();
    RetryPolicy policy =
        RetryPolicy.builder()
            .readTimeout(Duration.ofSeconds(10))
            .totalTimeout(Duration.ofSeconds(50))
            .build();
    NationalPortalClient national =
        NationalPortalClient.builder()
            .adapterUrl("http://127.0.0.1:9/")
            .credentials("unit", "secret")
            .unitCode("000.00.31.H56")
            .agencyName("UBND xã Tân Hòa")
            .retryPolicy(policy)
            .build();
    assertThat(national.retryPolicy()).contains(policy);
    SyncWorker.Builder tooShort =
        SyncWorker.builder()
            .outbox(outbox)
            .destination("national", national)
            .leaseTime(Duration.ofSeconds(60));
    assertThatThrownBy(tooShort::build)
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("portal.config.sync.lease-time");
    assertThat(tooShort.leaseTime(Duration.ofSeconds(61)).build().destinations())
        .containsExactly("national");
  }

  @Test
  void refusesADestinationTheOutboxDoesNotKnow() {
    SyncOutbox outbox = outbox();
    assertThatThrownBy(
            () ->
                SyncWorker.builder()
                    .outbox(outbox)
                    .destination("ministry", new RecordingPortal("ministry"))
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("portal.config.sync.destinations");
    assertThatThrownBy(() -> SyncWorker.builder().workerThreads(0))
        .isInstanceOf(ConfigurationException.class);
  }
}
