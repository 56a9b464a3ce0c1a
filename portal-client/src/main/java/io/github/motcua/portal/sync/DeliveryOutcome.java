package io.github.motcua.portal.sync;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of one claimed delivery (kết quả chuyển), to be recorded with {@link
 * SyncOutbox#settle(java.util.List)} together with other outcomes in one transaction. Immutable and
 * thread-safe.
 *
 * @param delivery the claimed delivery; not null
 * @param kind what happened; not null
 * @param attempts the failed attempts counted so far (for {@link Kind#FAILED} and {@link
 *     Kind#DEAD}; ignored for {@link Kind#DELIVERED})
 * @param at when it was delivered or parked, or the earliest next attempt after a failure; not null
 * @param reason the failure's code and message, free of personal data; empty when delivered; not
 *     null
 */
public record DeliveryOutcome(
    ClaimedDelivery delivery, Kind kind, int attempts, Instant at, String reason) {

  /** The kinds of outcome. */
  public enum Kind {
    /** The destination has the event ({@link SyncOutbox#markDelivered}). */
    DELIVERED,
    /** A failed attempt that may succeed later ({@link SyncOutbox#markFailed}). */
    FAILED,
    /** Parked as a dead letter ({@link SyncOutbox#markDead}). */
    DEAD
  }

  /** Checks the fields. */
  public DeliveryOutcome {
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * A delivery that reached its destination.
   *
   * @param delivery the claimed delivery; not null
   * @param now when; not null
   * @return the outcome
   */
  public static DeliveryOutcome delivered(ClaimedDelivery delivery, Instant now) {
    return new DeliveryOutcome(delivery, Kind.DELIVERED, delivery.attempts(), now, "");
  }

  /**
   * A failed attempt; the delivery goes back to the queue.
   *
   * @param delivery the claimed delivery; not null
   * @param attempts the failed attempts counted so far
   * @param nextAttemptAt the earliest next attempt; not null
   * @param reason why, free of personal data; not null
   * @return the outcome
   */
  public static DeliveryOutcome failed(
      ClaimedDelivery delivery, int attempts, Instant nextAttemptAt, String reason) {
    return new DeliveryOutcome(delivery, Kind.FAILED, attempts, nextAttemptAt, reason);
  }

  /**
   * A delivery parked as a dead letter.
   *
   * @param delivery the claimed delivery; not null
   * @param attempts the failed attempts counted, this one included
   * @param now when; not null
   * @param reason why, free of personal data; not null
   * @return the outcome
   */
  public static DeliveryOutcome dead(
      ClaimedDelivery delivery, int attempts, Instant now, String reason) {
    return new DeliveryOutcome(delivery, Kind.DEAD, attempts, now, reason);
  }
}
