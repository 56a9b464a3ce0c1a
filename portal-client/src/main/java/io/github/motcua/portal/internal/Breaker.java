package io.github.motcua.portal.internal;

import io.github.motcua.portal.CircuitState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The one circuit breaker of motcua: whether a portal looks down, from consecutive failures. After
 * {@code threshold} consecutive failures it is down (open), paused for {@code pause(n)} after the
 * n-th failure while down, then tried again with one call at a time (half-open) until one succeeds.
 *
 * <p>A client alone ({@link PortalHttp}) pauses for a fixed time ({@code
 * RetryPolicy.circuitOpenDuration()}); a sync worker keeps one per destination and lets the pause
 * grow with its retry policy's backoff ceiling, and a failure while down counts against no event.
 *
 * <p>Outcomes are ordered by when their call started, not by when it ended: a success of a call
 * that started before the latest failure says nothing of the portal now (it may have been answered
 * just before the outage began), so it neither ends an outage nor resets the count of consecutive
 * failures. Failures count as they come. Thread-safe (all state under this object's lock).
 */
public final class Breaker {

  /** What a failure did to the breaker. */
  public enum Failure {
    /** The portal is up: the failure counts against the call's event. */
    COUNTED,
    /** This failure made the portal down. */
    WENT_DOWN,
    /** The portal was already down. */
    WHILE_DOWN
  }

  private final int threshold;
  private final IntFunction<Duration> pause;
  private int consecutive;
  private boolean down;
  private int pauses;
  private Instant downSince;
  private Instant pausedUntil = Instant.EPOCH;
  private boolean probing;
  private Instant lastFailureStart = Instant.MIN;

  /**
   * Creates a closed breaker.
   *
   * @param threshold consecutive failures that make the portal down, 1 or more
   * @param pause the pause after the n-th failure while down (n from 1)
   */
  public Breaker(int threshold, IntFunction<Duration> pause) {
    this.threshold = threshold;
    this.pause = pause;
  }

  /**
   * Records a failure of a call that started at {@code started}.
   *
   * @param started when the failed call started
   * @param now the current instant
   * @return how it counts
   */
  public synchronized Failure failed(Instant started, Instant now) {
    if (started.isAfter(lastFailureStart)) {
      lastFailureStart = started;
    }
    consecutive++;
    probing = false;
    if (down) {
      pauses++;
      pausedUntil = now.plus(pause.apply(pauses));
      return Failure.WHILE_DOWN;
    }
    if (consecutive >= threshold) {
      down = true;
      downSince = now;
      pauses = 1;
      pausedUntil = now.plus(pause.apply(pauses));
      return Failure.WENT_DOWN;
    }
    return Failure.COUNTED;
  }

  /**
   * Records a success of a call that started at {@code started}. One that started before the latest
   * failure changes nothing.
   *
   * @param started when the successful call started
   * @param now the current instant
   * @return how long the portal had been down when this success ended the outage; empty otherwise
   */
  public synchronized Optional<Duration> succeeded(Instant started, Instant now) {
    if (started.isBefore(lastFailureStart)) {
      probing = false;
      return Optional.empty();
    }
    consecutive = 0;
    probing = false;
    if (!down) {
      return Optional.empty();
    }
    down = false;
    pauses = 0;
    pausedUntil = Instant.EPOCH;
    return Optional.of(Duration.between(downSince, now));
  }

  /**
   * Tells how many calls may start now, and takes the probe slot when down.
   *
   * @param now the current instant
   * @param room how many the caller could start
   * @return {@code room} when up; 1 for a probe when down, paused no longer and no probe is out; 0
   *     otherwise
   */
  public synchronized int admit(Instant now, int room) {
    if (!down) {
      return room;
    }
    if (probing || now.isBefore(pausedUntil) || room < 1) {
      return 0;
    }
    probing = true;
    return 1;
  }

  /**
   * Asks to send one call, for a caller that waits rather than giving up.
   *
   * @param now the current instant
   * @param probeWait how long to wait while another caller's probe is out
   * @return zero when the call may go (taking the probe slot when down); otherwise how long to wait
   */
  public synchronized Duration acquire(Instant now, Duration probeWait) {
    if (admit(now, 1) == 1) {
      return Duration.ZERO;
    }
    return now.isBefore(pausedUntil) ? Duration.between(now, pausedUntil) : probeWait;
  }

  /** Gives back a probe slot that was not used (nothing was claimable, or the call never went). */
  public synchronized void unusedProbe() {
    probing = false;
  }

  /**
   * Returns when the portal may be tried again.
   *
   * @return the end of the pause; {@link Instant#EPOCH} when up
   */
  public synchronized Instant pausedUntil() {
    return down ? pausedUntil : Instant.EPOCH;
  }

  /**
   * Tells whether the portal is down.
   *
   * @return true while down (paused or probed)
   */
  public synchronized boolean isDown() {
    return down;
  }

  /**
   * Returns the state as a client reports it.
   *
   * @param now the current instant
   * @return closed when up, open while paused, half-open once a probe may go
   */
  public synchronized CircuitState state(Instant now) {
    if (!down) {
      return CircuitState.CLOSED;
    }
    return now.isBefore(pausedUntil) ? CircuitState.OPEN : CircuitState.HALF_OPEN;
  }

  /**
   * Returns how many failures in a row were recorded.
   *
   * @return the count since the last counted success
   */
  public synchronized int consecutiveFailures() {
    return consecutive;
  }
}
