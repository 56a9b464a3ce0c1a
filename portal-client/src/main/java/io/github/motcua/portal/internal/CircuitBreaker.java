package io.github.motcua.portal.internal;

import io.github.motcua.portal.CircuitState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consecutive-failure circuit breaker on an injected clock. Thread-safe (all state under this
 * object's lock).
 */
public final class CircuitBreaker {

  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  private final String portal;
  private final int threshold;
  private final Duration openDuration;
  private final Clock clock;

  private int consecutiveFailures;
  private Instant openUntil;
  private boolean trialInFlight;

  /**
   * Creates a closed circuit.
   *
   * @param portal the portal's name, for log lines
   * @param threshold consecutive failures that open it
   * @param openDuration how long it stays open
   * @param clock the clock
   */
  public CircuitBreaker(String portal, int threshold, Duration openDuration, Clock clock) {
    this.portal = portal;
    this.threshold = threshold;
    this.openDuration = openDuration;
    this.clock = clock;
  }

  /**
   * Asks to send an attempt.
   *
   * @return zero when the attempt may go; otherwise how long until the circuit lets a trial through
   */
  public synchronized Duration acquire() {
    if (openUntil == null) {
      return Duration.ZERO;
    }
    Instant now = clock.instant();
    if (now.isBefore(openUntil)) {
      return Duration.between(now, openUntil);
    }
    if (trialInFlight) {
      // Another thread is probing the portal; wait a little rather than pile on.
      return Duration.ofMillis(Math.max(1, Math.min(1000, openDuration.toMillis() / 10)));
    }
    trialInFlight = true;
    return Duration.ZERO;
  }

  /** Records an attempt that reached a working portal. */
  public synchronized void recordSuccess() {
    if (openUntil != null) {
      LOG.info("Portal {} answers again; circuit closed.", portal);
    }
    consecutiveFailures = 0;
    openUntil = null;
    trialInFlight = false;
  }

  /** Gives back a trial that was not sent (a fenced publish stopped before it). */
  public synchronized void unusedTrial() {
    trialInFlight = false;
  }

  /** Records an attempt that failed because the portal was unavailable. */
  public synchronized void recordFailure() {
    consecutiveFailures++;
    if (trialInFlight || (openUntil == null && consecutiveFailures >= threshold)) {
      openUntil = clock.instant().plus(openDuration);
      trialInFlight = false;
      LOG.warn(
          "Portal {} unavailable after {} consecutive failed attempts; circuit open for {}.",
          portal,
          consecutiveFailures,
          openDuration);
    }
  }

  /**
   * Returns the current state.
   *
   * @return the state
   */
  public synchronized CircuitState state() {
    if (openUntil == null) {
      return CircuitState.CLOSED;
    }
    return clock.instant().isBefore(openUntil) ? CircuitState.OPEN : CircuitState.HALF_OPEN;
  }
}
