package io.github.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Retries, timeouts and the circuit, on an injected clock and sleeper: nothing really waits. */
class RetryPolicyTest {

  private NationalPortalFake fake;
  private ManualClock clock;
  private List<DossierEvent> events;
  private List<Dossier> snapshots;

  @BeforeEach
  void start() {
    fake = NationalPortalFake.start();
    clock = ManualClock.at("2025-08-15T00:00:00Z");
    events = new Histories(1).fullLifecycle(Histories.code(1));
    snapshots = Histories.snapshots(events);
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private NationalPortalClient client(UnaryOperator<RetryPolicy.Builder> policy) {
    return NationalPortalClient.builder()
        .adapterUrl(fake.baseUrl())
        .credentials(fake.username(), fake.password())
        .unitCode(fake.unitCode())
        .agencyName("UBND xã Tân Hòa")
        .clock(clock)
        .retryPolicy(
            policy
                .apply(RetryPolicy.builder().sleeper(clock.sleeper()).random(new Random(7)))
                .build())
        .build();
  }

  private PublishResult publishFirst(NationalPortalClient client) {
    return client.publish(events.get(0), snapshots.get(0));
  }

  @Test
  void backoffCeilingDoublesUpToTheCap() {
    RetryPolicy p =
        RetryPolicy.builder()
            .initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofSeconds(1))
            .build();
    assertThat(List.of(1, 2, 3, 4, 5, 6, 60).stream().map(p::backoffCeiling).toList())
        .containsExactly(
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofMillis(400),
            Duration.ofMillis(800),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1),
            Duration.ofSeconds(1));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 42, 1000})
  void fullJitterStaysWithinTheCeilingAndIsReproducibleWithASeed(long seed) {
    RetryPolicy a = RetryPolicy.builder().random(new Random(seed)).build();
    RetryPolicy b = RetryPolicy.builder().random(new Random(seed)).build();
    for (int retry = 1; retry <= 12; retry++) {
      Duration wait = a.backoff(retry);
      assertThat(wait).isBetween(Duration.ZERO, a.backoffCeiling(retry));
      assertThat(b.backoff(retry)).isEqualTo(wait);
    }
  }

  @Test
  void serverErrorsAreRetriedWithJitteredBackoffWithoutWaiting() {
    fake.failNext(PortalFault.SERVER_ERROR, 3);
    long started = System.nanoTime();
    publishFirst(client(b -> b));
    assertThat(clock.sleeps).hasSize(3);
    RetryPolicy p = RetryPolicy.defaults();
    for (int i = 0; i < 3; i++) {
      assertThat(clock.sleeps.get(i)).isLessThanOrEqualTo(p.backoffCeiling(i + 1));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(fake.dossier(Histories.code(1).value())).isPresent();
  }

  @Test
  void retryAfterIsHonoured() {
    fake.failNext(PortalFault.TOO_MANY_REQUESTS, 2);
    publishFirst(client(b -> b));
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void retryAfterLongerThanTheLimitEndsTheCallWithTheHint() {
    fake.failNext(PortalFault.TOO_MANY_REQUESTS, 1);
    NationalPortalClient client = client(b -> b.maxRetryAfter(Duration.ofMillis(500)));
    assertThatThrownBy(() -> publishFirst(client))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.throttled");
              assertThat(e.getMessage()).contains("HTTP 429");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
            });
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastFailure() {
    fake.failNext(PortalFault.SERVICE_UNAVAILABLE, 10);
    NationalPortalClient client = client(b -> b.maxAttempts(3));
    assertThatThrownBy(() -> publishFirst(client))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.server-error");
              assertThat(e.getMessage()).contains("HTTP 503");
              assertThat(e.getMessage()).contains("[request ");
            });
    assertThat(clock.sleeps).hasSize(2);
  }

  @Test
  void totalTimeoutBoundsTheWholeCall() {
    fake.failNext(PortalFault.TOO_MANY_REQUESTS, 5);
    NationalPortalClient client = client(b -> b.totalTimeout(Duration.ofMillis(1500)));
    assertThatThrownBy(() -> publishFirst(client)).isInstanceOf(RetryLaterException.class);
    assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void readTimeoutIsRetriedAndTheStoredChangeIsNotDuplicated() {
    fake.timeoutDelay(Duration.ofSeconds(3));
    fake.failNextAfter(1, PortalFault.TIMEOUT, 1); // the login passes, the create times out
    NationalPortalClient client = client(b -> b.readTimeout(Duration.ofSeconds(1)));
    PublishResult result = publishFirst(client);
    // The create was stored before the reply timed out; the retry finds it and updates.
    assertThat(result.operations()).containsExactly("DongBoHoSoMC:update");
    assertThat(clock.sleeps).hasSize(1);
    assertThat(fake.dossier(Histories.code(1).value()).orElseThrow().status()).isEqualTo(1);
  }

  @Test
  void connectionResetIsRetried() {
    fake.failNext(PortalFault.CONNECTION_RESET, 2);
    publishFirst(client(b -> b));
    assertThat(clock.sleeps).hasSize(2);
  }

  @Test
  void rejectionIsNeverRetried() {
    NationalPortalClient client = client(b -> b);
    publishFirst(client);
    assertThatThrownBy(() -> client.publish(events.get(9), snapshots.get(9)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void circuitOpensAfterConsecutiveFailuresFailsFastAndClosesWhenThePortalIsBack() {
    NationalPortalClient client =
        client(
            b ->
                b.maxAttempts(3)
                    .circuitFailureThreshold(3)
                    .circuitOpenDuration(Duration.ofMinutes(1))
                    .totalTimeout(Duration.ofSeconds(20)));
    publishFirst(client); // logged in, dossier created
    fake.failNext(PortalFault.SERVICE_UNAVAILABLE, 3);
    assertThatThrownBy(() -> client.publish(events.get(1), snapshots.get(1)))
        .isInstanceOf(RetryLaterException.class);
    assertThat(client.circuitState()).isEqualTo(CircuitState.OPEN);

    long requests = fake.requestCount();
    assertThatThrownBy(() -> client.publish(events.get(1), snapshots.get(1)))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.circuit-open");
              assertThat(e.retryAfter()).isPresent();
            });
    assertThat(fake.requestCount()).isEqualTo(requests);

    clock.advance(Duration.ofMinutes(1));
    assertThat(client.circuitState()).isEqualTo(CircuitState.HALF_OPEN);
    client.publish(events.get(1), snapshots.get(1));
    assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void anOpenCircuitIsWaitedOutWhenTheBudgetAllows() {
    NationalPortalClient client =
        client(
            b ->
                b.maxAttempts(6)
                    .circuitFailureThreshold(2)
                    .circuitOpenDuration(Duration.ofSeconds(10))
                    .initialBackoff(Duration.ZERO)
                    .maxBackoff(Duration.ZERO));
    fake.failNext(PortalFault.SERVER_ERROR, 2);
    publishFirst(client);
    assertThat(clock.sleeps).contains(Duration.ofSeconds(10));
    assertThat(client.circuitState()).isEqualTo(CircuitState.CLOSED);
  }

  @Test
  void invalidSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0))
        .hasFieldOrPropertyWithValue("code", "portal.config.retry.max-attempts");
    assertThatThrownBy(() -> RetryPolicy.builder().readTimeout(Duration.ZERO))
        .hasFieldOrPropertyWithValue("code", "portal.config.retry.read-timeout");
    assertThatThrownBy(
            () ->
                RetryPolicy.builder()
                    .initialBackoff(Duration.ofSeconds(5))
                    .maxBackoff(Duration.ofSeconds(1))
                    .build())
        .hasFieldOrPropertyWithValue("code", "portal.config.retry.max-backoff");
  }
}
