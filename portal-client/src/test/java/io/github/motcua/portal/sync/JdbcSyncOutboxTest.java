package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.sync.internal.Dialect;
import io.github.motcua.portal.sync.internal.SqlScript;
import io.github.motcua.testkit.Interop;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JDBC outbox on H2, and on PostgreSQL when {@code MOTCUA_TEST_POSTGRES_URL} is set. */
class JdbcSyncOutboxTest {

  private static final Duration LEASE = Duration.ofSeconds(30);
  private final MutableClock clock = new MutableClock(Instant.parse("2025-08-15T02:00:00Z"));
  private final List<Runnable> cleanUp = new ArrayList<>();

  static List<TestDatabase> databases() {
    return TestDatabase.available();
  }

  @AfterEach
  void dropTables() {
    cleanUp.forEach(Runnable::run);
  }

  private JdbcSyncOutbox outbox(TestDatabase db) {
    DataSource ds = db.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    return builder(db, ds, prefix).build().createSchemaIfMissing();
  }

  /** A builder of outboxes on these tables, which are dropped after the test. */
  private JdbcSyncOutbox.Builder builder(TestDatabase db, DataSource ds, String prefix) {
    if (db == TestDatabase.POSTGRESQL) {
      cleanUp.add(() -> TestDatabase.drop(ds, prefix));
    }
    return JdbcSyncOutbox.builder()
        .dataSource(ds)
        .destinations("national", "provincial")
        .tablePrefix(prefix)
        .clock(clock);
  }

  private static final EventScript SCRIPT = new EventScript(3, 10, 7);

  private static List<DossierEvent> dossier(int i) {
    return new ArrayList<>(SCRIPT.byDossier().values()).get(i);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void detectsTheDialectFromTheConnection(TestDatabase db) {
    assertThat(outbox(db).dialectName()).isEqualTo(db.name());
  }

  @ParameterizedTest
  @MethodSource("databases")
  void numbersEachDossiersEventsFromOneAndKeepsThemAsTheLog(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    List<DossierEvent> a = dossier(0);
    List<DossierEvent> b = dossier(1);
    assertThat(outbox.enqueue(a.get(0))).isEqualTo(1);
    assertThat(outbox.enqueue(b.get(0))).isEqualTo(1);
    assertThat(outbox.enqueue(a.get(1))).isEqualTo(2);
    assertThat(outbox.events(a.get(0).dossierCode())).containsExactly(a.get(0), a.get(1));
    assertThat(outbox.events(a.get(0).dossierCode(), 1)).containsExactly(a.get(0));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void recordsNothingWhenTheCallersTransactionRollsBack(TestDatabase db) throws Exception {
    JdbcSyncOutbox outbox = outbox(db);
    DataSource ds = dataSourceOf(outbox, db);
    DossierEvent first = dossier(0).get(0);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      outbox.enqueue(c, first);
      c.rollback();
    }
    assertThat(outbox.events(first.dossierCode())).isEmpty();
    assertThat(outbox.status("national").pending()).isZero();
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      outbox.enqueue(c, first);
      assertThat(outbox.status("national").pending()).isZero(); // not visible before commit
      c.commit();
    }
    assertThat(outbox.events(first.dossierCode())).containsExactly(first);
    assertThat(outbox.status("national").pending()).isEqualTo(1);
  }

  private DataSource dataSourceOf(JdbcSyncOutbox outbox, TestDatabase db) {
    // The outbox keeps its data source private; tests reach the same database through a field.
    try {
      var f = JdbcSyncOutbox.class.getDeclaredField("dataSource");
      f.setAccessible(true);
      return (DataSource) f.get(outbox);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("databases")
  void recordingTheSameEventTwiceChangesNothing(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    DossierEvent first = dossier(0).get(0);
    assertThat(outbox.enqueue(first)).isEqualTo(1);
    assertThat(outbox.enqueue(first)).isEqualTo(1);
    assertThat(outbox.status("provincial").pending()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void refusesAnEventIdReusedWithOtherContent(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    DossierEvent first = dossier(0).get(0);
    DossierEvent other = dossier(1).get(1);
    outbox.enqueue(first);
    DossierEvent forged =
        new DossierEvent.Accepted(first.eventId(), other.dossierCode(), other.occurredAt());
    assertThatThrownBy(() -> outbox.enqueue(forged))
        .isInstanceOf(MotcuaException.class)
        .extracting(e -> ((MotcuaException) e).code())
        .isEqualTo("sync.outbox.event-conflict");
  }

  @ParameterizedTest
  @MethodSource("databases")
  void claimsOnlyTheFirstUndeliveredEventOfEachDossier(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(dossier(0).get(i));
      outbox.enqueue(dossier(1).get(i));
    }
    List<ClaimedDelivery> got = outbox.claim("national", "w1", 10, clock.instant(), LEASE);
    assertThat(got).extracting(ClaimedDelivery::sequence).containsExactly(1L, 1L);
    assertThat(got)
        .extracting(ClaimedDelivery::event)
        .containsExactly(dossier(0).get(0), dossier(1).get(0));
    // Leased: nobody else gets them, and their successors stay blocked.
    assertThat(outbox.claim("national", "w2", 10, clock.instant(), LEASE)).isEmpty();
    assertThat(outbox.markDelivered(got.get(0), clock.instant())).isTrue();
    assertThat(outbox.claim("national", "w2", 10, clock.instant(), LEASE))
        .extracting(ClaimedDelivery::event)
        .containsExactly(dossier(0).get(1));
    // The other destination is independent.
    assertThat(outbox.claim("provincial", "w3", 10, clock.instant(), LEASE)).hasSize(2);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void takesOverAClaimWhoseLeaseEnded(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    outbox.enqueue(dossier(0).get(0));
    ClaimedDelivery crashed = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    clock.advance(LEASE.minusMillis(1));
    assertThat(outbox.claim("national", "w2", 1, clock.instant(), LEASE)).isEmpty();
    clock.advance(Duration.ofMillis(1));
    ClaimedDelivery taken = outbox.claim("national", "w2", 1, clock.instant(), LEASE).get(0);
    assertThat(taken.leaseOwner()).isEqualTo("w2");
    // The first worker wakes up: its outcome is refused, the new owner's is kept.
    assertThat(outbox.markDelivered(crashed, clock.instant())).isFalse();
    assertThat(outbox.renew(crashed, clock.instant().plus(LEASE))).isFalse();
    assertThat(outbox.markDelivered(taken, clock.instant())).isTrue();
    assertThat(outbox.status("national").delivered()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void countsEveryClaimSoThatOnlyTheFirstIsAFirstClaim(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    outbox.enqueue(dossier(0).get(0));
    ClaimedDelivery first = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    assertThat(first.claims()).isEqualTo(1);
    assertThat(first.firstClaim()).isTrue();
    assertThat(first.toString()).contains("claims=1");
    // A failed attempt: the next claim is the second.
    outbox.markFailed(first, 1, clock.instant(), "portal.timeout: no reply");
    ClaimedDelivery second = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    assertThat(second.claims()).isEqualTo(2);
    assertThat(second.firstClaim()).isFalse();
    // A worker that crashed mid-call recorded nothing: its lease runs out, and the claim that
    // takes it over is not a first one either.
    clock.advance(LEASE);
    ClaimedDelivery taken = outbox.claim("national", "w2", 1, clock.instant(), LEASE).get(0);
    assertThat(taken.attempts()).isEqualTo(1);
    assertThat(taken.claims()).isEqualTo(3);
    assertThat(taken.withLeaseUntil(clock.instant().plus(LEASE)).claims()).isEqualTo(3);
    // A dead letter an operator retries has been attempted before.
    outbox.markDead(taken, 2, clock.instant(), "portal.rejected");
    outbox.retryDeadLetter("national", taken.event().eventId(), "operator.lan", "portal fixed");
    ClaimedDelivery retried = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    assertThat(retried.attempts()).isZero();
    assertThat(retried.firstClaim()).isFalse();
    // The other destination's delivery of the same event has a count of its own.
    assertThat(outbox.claim("provincial", "w1", 1, clock.instant(), LEASE))
        .singleElement()
        .matches(ClaimedDelivery::firstClaim);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anOlderTableGainsTheClaimsColumnAndItsRowsCountAsClaimedBefore(TestDatabase db)
      throws Exception {
    DataSource ds = db.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    JdbcSyncOutbox.Builder builder = builder(db, ds, prefix);
    JdbcSyncOutbox outbox = builder.build().createSchemaIfMissing();
    outbox.enqueue(dossier(0).get(0));
    // The table as the first schema made it: a pending delivery, no claims column.
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE " + prefix + "sync_delivery DROP COLUMN claims");
    }

    JdbcSyncOutbox upgraded = builder.build().createSchemaIfMissing();

    ClaimedDelivery old = upgraded.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    assertThat(old.claims()).isEqualTo(2);
    assertThat(old.firstClaim()).isFalse();
    upgraded.enqueue(dossier(1).get(0));
    assertThat(upgraded.claim("provincial", "w1", 2, clock.instant(), LEASE))
        .extracting(ClaimedDelivery::firstClaim)
        .containsExactly(false, true);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void settlesABatchOfOutcomesAtOnceAndRefusesOnlyTheLostLeases(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    for (int i = 0; i < 3; i++) {
      outbox.enqueue(dossier(i).get(0));
    }
    List<ClaimedDelivery> mine = outbox.claim("national", "w1", 3, clock.instant(), LEASE);
    assertThat(mine).hasSize(3);
    clock.advance(LEASE);
    // The third lease ran out and another worker took the delivery over.
    ClaimedDelivery third = mine.get(2);
    assertThat(outbox.claim("national", "w2", 3, clock.instant(), LEASE)).hasSize(3);
    outbox.release("w2");
    List<ClaimedDelivery> again = outbox.claim("national", "w1", 2, clock.instant(), LEASE);
    Instant next = clock.instant().plusSeconds(30);

    List<Boolean> recorded =
        outbox.settle(
            List.of(
                DeliveryOutcome.failed(again.get(1), 1, next, "portal.timeout: no reply"),
                DeliveryOutcome.delivered(again.get(0), clock.instant()),
                DeliveryOutcome.dead(third, 1, clock.instant(), "portal.rejected")));

    assertThat(recorded).containsExactly(true, true, false);
    SyncStatus status = outbox.status("national");
    assertThat(status.delivered()).isEqualTo(1);
    assertThat(status.deadLettered()).isZero();
    assertThat(status.pending()).isEqualTo(2);
    // The taken-over delivery is claimable again at once; the failed one waits for its backoff.
    assertThat(outbox.nextClaimableAt("national"))
        .hasValueSatisfying(at -> assertThat(at).isBeforeOrEqualTo(clock.instant()));
    assertThat(outbox.claim("national", "w1", 3, clock.instant(), LEASE))
        .singleElement()
        .extracting(c -> c.event().eventId())
        .isEqualTo(third.event().eventId());
    assertThat(outbox.settle(List.of())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aFailedDeliveryWaitsUntilItsNextAttempt(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    outbox.enqueue(dossier(0).get(0));
    ClaimedDelivery d = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    Instant next = clock.instant().plusSeconds(10);
    assertThat(outbox.markFailed(d, 1, next, "portal.timeout: no reply")).isTrue();
    assertThat(outbox.nextClaimableAt("national")).contains(next);
    assertThat(outbox.claim("national", "w1", 1, clock.instant(), LEASE)).isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(outbox.claim("national", "w1", 1, clock.instant(), LEASE))
        .singleElement()
        .extracting(ClaimedDelivery::attempts)
        .isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeadLetterBlocksOnlyItsOwnDossierAndDestination(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    for (int i = 0; i < 2; i++) {
      outbox.enqueue(dossier(0).get(i));
      outbox.enqueue(dossier(1).get(i));
    }
    List<ClaimedDelivery> heads = outbox.claim("national", "w1", 10, clock.instant(), LEASE);
    assertThat(outbox.markDead(heads.get(0), 1, clock.instant(), "portal.rejected: bad")).isTrue();
    assertThat(outbox.markDelivered(heads.get(1), clock.instant())).isTrue();
    assertThat(outbox.claim("national", "w1", 10, clock.instant(), LEASE))
        .extracting(ClaimedDelivery::event)
        .containsExactly(dossier(1).get(1));
    assertThat(outbox.claim("provincial", "w1", 10, clock.instant(), LEASE)).hasSize(2);
    DeadLetter dead = outbox.deadLetters("national").get(0);
    assertThat(dead.event()).isEqualTo(dossier(0).get(0));
    assertThat(dead.reason()).isEqualTo("portal.rejected: bad");
    assertThat(dead.blockedEvents()).isEqualTo(1);
    assertThat(outbox.deadLetter("national", dead.event().eventId())).contains(dead);
    assertThat(outbox.deadLetter("provincial", dead.event().eventId())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void retryingADeadLetterRequeuesItAndIsRecorded(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    DossierEvent first = dossier(0).get(0);
    outbox.enqueue(first);
    ClaimedDelivery d = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    outbox.markDead(d, 10, clock.instant(), "Failed 10 times");
    OperatorAction a =
        outbox.retryDeadLetter("national", first.eventId(), "operator.lan", "portal fixed");
    assertThat(a.kind()).isEqualTo(OperatorAction.Kind.RETRY);
    assertThat(a.reason()).isEqualTo("Failed 10 times");
    assertThat(outbox.deadLetters("national")).isEmpty();
    assertThat(outbox.claim("national", "w1", 1, clock.instant(), LEASE))
        .singleElement()
        .extracting(ClaimedDelivery::attempts)
        .isEqualTo(0);
    assertThat(outbox.operatorActions("national")).containsExactly(a);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void skippingADeadLetterUnblocksItsDossierAndIsRecorded(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    List<DossierEvent> events = dossier(0);
    outbox.enqueue(events.get(0));
    outbox.enqueue(events.get(1));
    ClaimedDelivery d = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    outbox.markDead(d, 1, clock.instant(), "portal.rejected: bad");
    OperatorAction a =
        outbox.skipDeadLetter("national", events.get(0).eventId(), "operator.lan", "sent by hand");
    assertThat(outbox.claim("national", "w1", 5, clock.instant(), LEASE))
        .extracting(ClaimedDelivery::event)
        .containsExactly(events.get(1));
    assertThat(outbox.status("national").skipped()).isEqualTo(1);
    assertThat(outbox.operatorActions("national"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo(OperatorAction.Kind.SKIP);
              assertThat(r.operator()).isEqualTo("operator.lan");
              assertThat(r.note()).isEqualTo("sent by hand");
              assertThat(r).isEqualTo(a);
            });
  }

  @ParameterizedTest
  @MethodSource("databases")
  void refusesToActOnAnEventThatIsNotADeadLetter(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    DossierEvent first = dossier(0).get(0);
    outbox.enqueue(first);
    assertThatThrownBy(() -> outbox.skipDeadLetter("national", first.eventId(), "op", ""))
        .isInstanceOf(MotcuaException.class)
        .extracting(e -> ((MotcuaException) e).code())
        .isEqualTo("sync.dead-letter.not-found");
    assertThatThrownBy(() -> outbox.retryDeadLetter("national", UUID.randomUUID(), "op", ""))
        .isInstanceOf(MotcuaException.class);
    assertThat(outbox.operatorActions("national")).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void reportsCountsAndTheAgeOfTheOldestPendingEvent(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    outbox.enqueue(dossier(0).get(0));
    clock.advance(Duration.ofMinutes(5));
    outbox.enqueue(dossier(1).get(0));
    outbox.enqueue(dossier(2).get(0));
    List<ClaimedDelivery> got = outbox.claim("national", "w1", 2, clock.instant(), LEASE);
    outbox.markDelivered(got.get(0), clock.instant());
    clock.advance(Duration.ofSeconds(10));
    SyncStatus s = outbox.status("national");
    assertThat(s.pending()).isEqualTo(2);
    assertThat(s.inFlight()).isEqualTo(1);
    assertThat(s.delivered()).isEqualTo(1);
    assertThat(s.oldestPendingAge()).isEqualTo(Duration.ofSeconds(10));
    assertThat(s.isCaughtUp()).isFalse();
    assertThat(outbox.status("provincial").oldestPendingAge())
        .isEqualTo(Duration.ofMinutes(5).plusSeconds(10));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void releasingAWorkersLeasesReturnsThemToTheQueue(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    outbox.enqueue(dossier(0).get(0));
    outbox.claim("national", "w1", 1, clock.instant(), LEASE);
    assertThat(outbox.release("w1")).isEqualTo(1);
    assertThat(outbox.claim("national", "w2", 1, clock.instant(), LEASE)).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void recordsSeveralEventsAtOnceAsOneByOneWould(TestDatabase db) throws Exception {
    JdbcSyncOutbox outbox = outbox(db);
    DataSource ds = dataSourceOf(outbox, db);
    List<DossierEvent> a = dossier(0);
    List<DossierEvent> b = dossier(1);
    outbox.enqueue(a.get(0));
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      // Interleaved dossiers, an event recorded before, and one event twice in the list.
      List<Long> seqs =
          outbox.enqueueAll(c, List.of(b.get(0), a.get(0), a.get(1), b.get(1), a.get(1), a.get(2)));
      assertThat(seqs).containsExactly(1L, 1L, 2L, 2L, 2L, 3L);
      assertThat(outbox.status("national").pending()).isEqualTo(1); // not visible before commit
      c.commit();
    }
    assertThat(outbox.events(a.get(0).dossierCode())).containsExactly(a.get(0), a.get(1), a.get(2));
    assertThat(outbox.events(b.get(0).dossierCode())).containsExactly(b.get(0), b.get(1));
    assertThat(outbox.status("provincial").pending()).isEqualTo(5);
    assertThat(outbox.enqueueAll(ds.getConnection(), List.of())).isEmpty();
    // In order, one per dossier at a time, whatever the batch looked like.
    List<ClaimedDelivery> got = outbox.claim("national", "w1", 10, clock.instant(), LEASE);
    assertThat(got).extracting(ClaimedDelivery::event).containsExactly(a.get(0), b.get(0));
    outbox.settle(List.of(DeliveryOutcome.delivered(got.get(0), clock.instant())));
    assertThat(outbox.claim("national", "w1", 10, clock.instant(), LEASE))
        .extracting(ClaimedDelivery::event)
        .containsExactly(a.get(1));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aBatchWithAConflictRecordsNothing(TestDatabase db) throws Exception {
    JdbcSyncOutbox outbox = outbox(db);
    DataSource ds = dataSourceOf(outbox, db);
    DossierEvent first = dossier(0).get(0);
    DossierEvent other = dossier(1).get(1);
    DossierEvent forged =
        new DossierEvent.Accepted(first.eventId(), other.dossierCode(), other.occurredAt());
    try (Connection c = ds.getConnection()) {
      // Auto-commit mode: the batch gets a transaction of its own, rolled back whole.
      assertThatThrownBy(() -> outbox.enqueueAll(c, List.of(first, dossier(0).get(1), forged)))
          .isInstanceOf(MotcuaException.class)
          .extracting(e -> ((MotcuaException) e).code())
          .isEqualTo("sync.outbox.event-conflict");
      assertThat(c.getAutoCommit()).isTrue();
    }
    assertThat(outbox.events(first.dossierCode())).isEmpty();
    assertThat(outbox.status("national").pending()).isZero();
    List<DossierEvent> withNull = new ArrayList<>();
    withNull.add(first);
    withNull.add(null);
    try (Connection c = ds.getConnection()) {
      assertThatThrownBy(() -> outbox.enqueueAll(c, withNull))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("events element");
    }
    assertThat(outbox.events(first.dossierCode())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void skippingOrRetryingADeadLetterKeepsTheLineMoving(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    List<DossierEvent> a = dossier(0);
    outbox.enqueue(a.get(0));
    outbox.enqueue(a.get(1));
    outbox.enqueue(a.get(2));
    ClaimedDelivery d = outbox.claim("national", "w1", 1, clock.instant(), LEASE).get(0);
    outbox.markDead(d, 5, clock.instant(), "refused");
    assertThat(outbox.claim("national", "w1", 5, clock.instant(), LEASE)).isEmpty();
    outbox.retryDeadLetter("national", a.get(0).eventId(), "op", "try again");
    d = outbox.claim("national", "w1", 5, clock.instant(), LEASE).get(0);
    assertThat(d.event()).isEqualTo(a.get(0));
    outbox.markDead(d, 6, clock.instant(), "refused again");
    outbox.skipDeadLetter("national", a.get(0).eventId(), "op", "sent by hand");
    assertThat(outbox.claim("national", "w1", 5, clock.instant(), LEASE))
        .extracting(ClaimedDelivery::event)
        .containsExactly(a.get(1));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void createsTheSchemaOnlyWhenMissing(TestDatabase db) {
    JdbcSyncOutbox outbox = outbox(db);
    outbox.enqueue(dossier(0).get(0));
    outbox.createSchemaIfMissing();
    assertThat(outbox.events(dossier(0).get(0).dossierCode())).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void creatingTheSchemaOfAnOutboxInUseWaitsForNoOpenTransaction(TestDatabase db) throws Exception {
    DataSource ds = db.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    JdbcSyncOutbox.Builder builder = builder(db, ds, prefix);
    JdbcSyncOutbox outbox = builder.build().createSchemaIfMissing();
    ExecutorService starter = Executors.newSingleThreadExecutor();
    try (Connection open = ds.getConnection()) {
      // A transaction of the integrator's that recorded an event and is still open.
      open.setAutoCommit(false);
      outbox.enqueue(open, dossier(0).get(0));

      // Another process starts: its schema statements have nothing to do, and run none (a DDL
      // statement would wait for the open transaction first, on PostgreSQL without end).
      Future<JdbcSyncOutbox> starting =
          starter.submit(() -> builder.build().createSchemaIfMissing());
      assertThat(starting.get(30, TimeUnit.SECONDS).status("national").pending()).isZero();

      open.commit();
    } finally {
      starter.shutdownNow();
    }
    assertThat(outbox.status("national").pending()).isEqualTo(1);
  }

  @Test
  void createsTheSchemaWhileAnotherProcessIsCreatingIt() throws Exception {
    Interop.fromSystemProperty().requirePostgres("concurrent schema creation");
    DataSource ds = TestDatabase.POSTGRESQL.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    JdbcSyncOutbox.Builder builder = builder(TestDatabase.POSTGRESQL, ds, prefix);
    ExecutorService starter = Executors.newSingleThreadExecutor();
    try (Connection other = ds.getConnection();
        Statement s = other.createStatement()) {
      // Another process, starting at the same moment, is creating the tables: not yet committed.
      other.setAutoCommit(false);
      for (String sql : SqlScript.load(Dialect.POSTGRESQL.schemaResource(), prefix)) {
        s.execute(sql);
      }
      int otherPid = pid(s);
      Future<JdbcSyncOutbox> starting =
          starter.submit(() -> builder.build().createSchemaIfMissing());
      // This one finds no table and creates them too, which waits for the other transaction.
      awaitBlockedBy(ds, otherPid, starting);
      other.commit();
      JdbcSyncOutbox outbox = starting.get(30, TimeUnit.SECONDS);
      outbox.enqueue(dossier(0).get(0));
      assertThat(outbox.status("national").pending()).isEqualTo(1);
    } finally {
      starter.shutdownNow();
    }
  }

  private static int pid(Statement s) throws Exception {
    try (ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Returns once a session waits for a lock the given backend holds (no fixed sleep). */
  private static void awaitBlockedBy(DataSource ds, int pid, Future<?> task) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE ? = ANY (pg_blocking_pids(pid))")) {
      ps.setInt(1, pid);
      while (System.nanoTime() < deadline) {
        if (task.isDone()) {
          task.get(); // failed early: show why
          throw new AssertionError("the schema was created without waiting for the other process");
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
      }
    }
    throw new AssertionError("no session waited for the other process within 30 s");
  }

  @Test
  void refusesAnUnknownDestination() {
    JdbcSyncOutbox outbox = outbox(TestDatabase.H2);
    assertThatThrownBy(() -> outbox.status("ministry"))
        .isInstanceOf(MotcuaException.class)
        .extracting(e -> ((MotcuaException) e).code())
        .isEqualTo("sync.outbox.destination");
  }

  @Test
  void shipsTheSchemaForBothDialects() throws Exception {
    for (String dialect : List.of("h2", "postgresql")) {
      try (InputStream in =
          getClass()
              .getClassLoader()
              .getResourceAsStream("META-INF/motcua/sql/sync-outbox-" + dialect + ".sql")) {
        assertThat(in).isNotNull();
        String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(sql).contains("CREATE TABLE IF NOT EXISTS motcua_sync_delivery");
      }
    }
  }

  @Test
  void refusesHostileSettings() {
    assertThatThrownBy(() -> JdbcSyncOutbox.builder().tablePrefix("x; DROP TABLE y; --"))
        .isInstanceOf(io.github.motcua.core.ConfigurationException.class);
    assertThatThrownBy(() -> JdbcSyncOutbox.builder().destinations("a", "a"))
        .isInstanceOf(io.github.motcua.core.ConfigurationException.class);
    assertThatThrownBy(() -> JdbcSyncOutbox.builder().destinations("national").build())
        .isInstanceOf(io.github.motcua.core.ConfigurationException.class)
        .extracting(e -> ((io.github.motcua.core.ConfigurationException) e).code())
        .isEqualTo("portal.config.sync.data-source");
  }

  // ---------------------------------------------------------------------------------- durability

  private static DataSource h2File(java.nio.file.Path dir, String settings) {
    org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
    ds.setURL("jdbc:h2:file:" + dir.resolve("outbox").toAbsolutePath() + settings);
    return ds;
  }

  @Test
  void refusesAnEmbeddedFileThatAcknowledgesCommitsItMayLose(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    DataSource ds = h2File(dir, ";WRITE_DELAY=500");
    assertThatThrownBy(
            () -> builder(TestDatabase.H2, ds, "motcua_").build().createSchemaIfMissing())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("WRITE_DELAY is 500")
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("sync.outbox.durability");
  }

  @Test
  void runsOnALossyFileOnlyWhenAskedToByName(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    DataSource ds = h2File(dir, ";WRITE_DELAY=500");
    JdbcSyncOutbox outbox = builder(TestDatabase.H2, ds, "motcua_").acceptCommitLoss(true).build();
    outbox.createSchemaIfMissing();
    assertThat(outbox.enqueue(dossier(0).get(0))).isPositive();
  }

  @Test
  void opensADurableFileWithOrWithoutCompactionAtClose(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    // Without MAX_COMPACT_TIME=0 the outbox warns (see the module README) but does not refuse.
    for (String settings : List.of(";WRITE_DELAY=0;MAX_COMPACT_TIME=0", ";WRITE_DELAY=0")) {
      DataSource ds = h2File(dir.resolve(settings.length() > 14 ? "a" : "b"), settings);
      JdbcSyncOutbox outbox = builder(TestDatabase.H2, ds, "motcua_").build();
      outbox.createSchemaIfMissing();
      assertThat(outbox.enqueue(dossier(0).get(0))).isPositive();
    }
  }

  @Test
  void refusesPostgresqlWithoutSynchronousCommit() {
    String url =
        Interop.fromSystemProperty().requirePostgres("the synchronous_commit durability check");
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setURL(url);
    ds.setOptions("-c synchronous_commit=off");
    String prefix = TestDatabase.uniquePrefix();
    assertThatThrownBy(
            () -> builder(TestDatabase.POSTGRESQL, ds, prefix).build().createSchemaIfMissing())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("synchronous_commit is off")
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("sync.outbox.durability");
  }

  @SuppressWarnings("unused")
  private static DossierCode code(int i) {
    return dossier(i).get(0).dossierCode();
  }
}
