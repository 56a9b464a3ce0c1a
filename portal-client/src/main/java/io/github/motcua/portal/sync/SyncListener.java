package io.github.motcua.portal.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Hears what a {@link SyncWorker} does, to feed metrics and alerts without a dependency on a
 * metrics library. Every method has an empty default: override what you need.
 *
 * <p>Called on the worker's delivery threads, possibly from several at once: implementations must
 * be thread-safe and quick, and should not throw (an exception is logged and ignored).
 */
public interface SyncListener {

  /** A listener that does nothing. */
  SyncListener NONE = new SyncListener() {};

  /**
   * An event reached a destination.
   *
   * @param delivery the delivery
   * @param sinceRecorded how long after being recorded it arrived, on the worker's clock
   */
  default void delivered(ClaimedDelivery delivery, Duration sinceRecorded) {}

  /**
   * A delivery failed and will be tried again.
   *
   * @param delivery the delivery
   * @param failure the failure
   * @param attempts the failed attempts counted so far
   * @param nextAttemptAt the earliest next attempt
   */
  default void retryScheduled(
      ClaimedDelivery delivery, Exception failure, int attempts, Instant nextAttemptAt) {}

  /**
   * A delivery was parked as a dead letter: an operator needs to look at it.
   *
   * @param delivery the delivery
   * @param reason why
   */
  default void deadLettered(ClaimedDelivery delivery, String reason) {}

  /**
   * A destination failed repeatedly for different dossiers and is considered down: the worker
   * pauses it and then probes it with one delivery at a time.
   *
   * @param destination the destination
   * @param failure the last failure
   * @param probeAt when the next probe is due
   */
  default void destinationDown(String destination, Exception failure, Instant probeAt) {}

  /**
   * A destination considered down accepted a delivery again.
   *
   * @param destination the destination
   * @param downFor how long it was considered down, on the worker's clock
   */
  default void destinationUp(String destination, Duration downFor) {}

  /**
   * A worker found that its lease on a delivery had ended and another worker may have taken it over
   * (the delivery took longer than the lease). The outcome it observed was not recorded.
   *
   * @param delivery the delivery
   */
  default void leaseLost(ClaimedDelivery delivery) {}
}
