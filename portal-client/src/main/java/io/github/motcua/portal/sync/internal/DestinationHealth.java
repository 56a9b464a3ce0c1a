package io.github.motcua.portal.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.function.IntFunction;

/**
 * Whether a destination looks down to this worker: after {@code threshold} consecutive failures of
 * deliveries to it (whatever their dossier) it is down, paused for a growing time, then probed with
 * one delivery at a time until one succeeds. Failures while down are the outage's, not the event's.
 *
 * <p>Outcomes are ordered by when their publish started, not by when it ended: a success of a
 * publish that started before the latest failure says nothing of the portal now (it may have been
 * answered just before the outage began), so it neither ends an outage nor resets the count of
 * consecutive failures. Failures count as they come. Thread-safe (all state under this object's
 * lock).
 */
public final class DestinationHealth {

  /** What a failure did to the destination's state. */
  public enum Failure {
    /** The destination is up: the failure counts against the event. */
    COUNTED,
    /** This failure made the destination down. */
    WENT_DOWN,
    /** The destination was already down. */
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
   * Creates a healthy state.
   *
   * @param threshold consecutive failures that make the destination down
   * @param pause the pause after the n-th failure while down (n from 1)
   */
  public DestinationHealth(int threshold, IntFunction<Duration> pause) {
    this.threshold = threshold;
    this.pause = pause;
  }

  /**
   * Records a failure.
   *
   * @param now the current instant
   * @return how it counts
   */
  public synchronized Failure failed(Instant now) {
    return failed(now, now);
  }

  /**
   * Records a failure of a publish that started at {@code started}.
   *
   * @param started when the failed publish started
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
   * Records a success.
   *
   * @param now the current instant
   * @return how long the destination had been down, or null when it was up
   */
  public synchronized Duration succeeded(Instant now) {
    return succeeded(now, now);
  }

  /**
   * Records a success of a publish that started at {@code started}. One that started before the
   * latest failure changes nothing.
   *
   * @param started when the successful publish started
   * @param now the current instant
   * @return how long the destination had been down, or null when it was up (or still is)
   */
  public synchronized Duration succeeded(Instant started, Instant now) {
    if (started.isBefore(lastFailureStart)) {
      probing = false;
      return null;
    }
    consecutive = 0;
    probing = false;
    if (!down) {
      return null;
    }
    down = false;
    pauses = 0;
    pausedUntil = Instant.EPOCH;
    return Duration.between(downSince, now);
  }

  /**
   * Tells how many deliveries may be claimed now, and takes the probe slot when down.
   *
   * @param now the current instant
   * @param room how many the worker could take
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

  /** Gives back a probe slot that was not used (nothing was claimable). */
  public synchronized void unusedProbe() {
    probing = false;
  }

  /**
   * Returns when the destination may be tried again.
   *
   * @return the end of the pause; {@link Instant#EPOCH} when up
   */
  public synchronized Instant pausedUntil() {
    return down ? pausedUntil : Instant.EPOCH;
  }

  /**
   * Tells whether the destination is down.
   *
   * @return true while down
   */
  public synchronized boolean isDown() {
    return down;
  }
}
