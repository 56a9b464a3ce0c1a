package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.FaultInjectable;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What one event costs a portal that is down, counted at the fake: under a worker the clients send
 * each request once (twice after a short {@code Retry-After}), and only the worker retries, so the
 * figures of the module README hold. The clients keep their default {@link RetryPolicy} (five
 * attempts, circuit breaker), which alone would multiply every delivery attempt.
 */
class RetryBudgetTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2025-08-15T02:00:00Z"));
  private final List<AutoCloseable> cleanUp = new ArrayList<>();

  enum Portal {
    NATIONAL,
    PROVINCIAL
  }

  /** A fake whose every request fails, the client of it, and the fake's request counter. */
  private record Down(PortalClient client, LongSupplier requests) {}

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : cleanUp) {
      c.close();
    }
  }

  private Duration immediateRetryAfter = RetryPolicy.defaults().maxImmediateRetryAfter();

  private RetryPolicy clientPolicy() {
    // The defaults but for the clock: five attempts, backoff, circuit breaker after ten failures.
    return RetryPolicy.builder()
        .maxImmediateRetryAfter(immediateRetryAfter)
        .random(new Random(3))
        .sleeper(clock.sleeper())
        .build();
  }

  private Down down(Portal portal, PortalFault fault) {
    FaultInjectable fake;
    PortalClient client;
    LongSupplier requests;
    if (portal == Portal.NATIONAL) {
      NationalPortalFake n = NationalPortalFake.start();
      client =
          NationalPortalClient.builder()
              .adapterUrl(n.baseUrl())
              .credentials(n.username(), n.password())
              .unitCode(n.unitCode())
              .agencyName(WorkerProcess.AGENCY_NAME)
              .retryPolicy(clientPolicy())
              .clock(clock)
              .build();
      fake = n;
      requests = n::requestCount;
      cleanUp.add(n);
    } else {
      ProvincialPortalFake p = ProvincialPortalFake.start();
      client =
          ProvincialPortalClient.builder()
              .profile(
                  ProvincialPortalProfile.builder()
                      .baseUrl(p.baseUrl())
                      .tokenUrl(p.tokenUrl())
                      .clientCredentials(p.clientId(), p.clientSecret())
                      .build())
              .retryPolicy(clientPolicy())
              .clock(clock)
              .build();
      fake = p;
      requests = p::requestCount;
      cleanUp.add(p);
    }
    fake.inject(Fault.randomly(fault, 1.0, 7));
    return new Down(client, requests);
  }

  private JdbcSyncOutbox outbox(DossierEvent event) {
    JdbcSyncOutbox outbox =
        JdbcSyncOutbox.builder()
            .dataSource(TestDatabase.H2.dataSource())
            .destinations("portal")
            .tablePrefix(TestDatabase.uniquePrefix())
            .clock(clock)
            .build()
            .createSchemaIfMissing();
    outbox.enqueue(event);
    return outbox;
  }

  private SyncWorker.Builder worker(SyncOutbox outbox, PortalClient client) {
    return SyncWorker.builder()
        .outbox(outbox)
        .destination("portal", client)
        .retryPolicy(RetryPolicy.builder().random(new Random(5)).sleeper(clock.sleeper()).build())
        .clock(clock)
        .sleeper(clock.sleeper());
  }

  private static DossierEvent firstEvent() {
    return new EventScript(1, 10, 17).interleaved().get(0);
  }

  @ParameterizedTest
  @EnumSource(Portal.class)
  void anEventCostsAtMostTheDeadLetterThresholdInRequestsBeforeItIsParked(Portal portal)
      throws Exception {
    Down down = down(portal, PortalFault.SERVICE_UNAVAILABLE);
    JdbcSyncOutbox outbox = outbox(firstEvent());
    // An outage threshold not below the dead-letter threshold lets a portal that is down park
    // the event (the defaults, 5 and 10, never park during an outage: see the next test).
    SyncWorker w = worker(outbox, down.client()).outageThreshold(10).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(outbox.deadLetters("portal")).hasSize(1);
    assertThat(outbox.deadLetters("portal").get(0).attempts()).isEqualTo(10);
    // README: deadLetterThreshold × 1 request (the login or token request fails first).
    assertThat(down.requests().getAsLong()).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(Portal.class)
  void aShortRetryAfterDoublesTheCostAtMost(Portal portal) throws Exception {
    Down down = down(portal, PortalFault.TOO_MANY_REQUESTS); // Retry-After: 1
    JdbcSyncOutbox outbox = outbox(firstEvent());
    SyncWorker w = worker(outbox, down.client()).outageThreshold(10).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(outbox.deadLetters("portal")).hasSize(1);
    assertThat(down.requests().getAsLong()).isEqualTo(20);
  }

  @ParameterizedTest
  @EnumSource(Portal.class)
  void aRetryAfterAboveTheImmediateBudgetIsLeftToTheWorker(Portal portal) throws Exception {
    immediateRetryAfter = Duration.ZERO; // the fake's Retry-After: 1 is above it
    Down down = down(portal, PortalFault.TOO_MANY_REQUESTS);
    JdbcSyncOutbox outbox = outbox(firstEvent());
    SyncWorker w = worker(outbox, down.client()).outageThreshold(10).build();

    assertThat(w.drain(Duration.ofHours(1))).isTrue();

    assertThat(outbox.deadLetters("portal")).hasSize(1);
    assertThat(down.requests().getAsLong()).isEqualTo(10);
  }

  @ParameterizedTest
  @EnumSource(Portal.class)
  void underTheDefaultsAnOutageParksNothingAndIsProbedOncePerPause(Portal portal) throws Exception {
    Down down = down(portal, PortalFault.SERVICE_UNAVAILABLE);
    JdbcSyncOutbox outbox = outbox(firstEvent());
    SyncWorker w = worker(outbox, down.client()).build();

    assertThat(w.drain(Duration.ofHours(1))).isFalse();

    assertThat(outbox.deadLetters("portal")).isEmpty();
    assertThat(w.isDestinationDown("portal")).isTrue();
    // Five counted attempts, then one probe per pause: 0.5 s, 1 s, 2 s, ... capped at 30 s.
    long probes = down.requests().getAsLong() - 5;
    assertThat(probes).isBetween(1L, 3600 / 30 + 7L);
  }
}
