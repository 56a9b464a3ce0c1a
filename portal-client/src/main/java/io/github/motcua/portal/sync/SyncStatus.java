package io.github.motcua.portal.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How far delivery to one destination has come (tình trạng đồng bộ): a point-in-time count of its
 * deliveries by state. Immutable and thread-safe.
 *
 * @param destination the destination's name, such as {@code national}; not null
 * @param pending deliveries not yet made, those in flight included (events blocked behind a dead
 *     letter included)
 * @param inFlight pending deliveries a worker holds a live lease on right now
 * @param delivered deliveries made
 * @param deadLettered deliveries parked as dead letters, waiting for an operator
 * @param skipped dead letters an operator skipped
 * @param oldestPendingRecordedAt when the oldest pending event was recorded; empty when nothing is
 *     pending
 * @param oldestPendingAge how long the oldest pending event has waited, measured on the outbox's
 *     clock; {@link Duration#ZERO} when nothing is pending
 */
public record SyncStatus(
    String destination,
    long pending,
    long inFlight,
    long delivered,
    long deadLettered,
    long skipped,
    Optional<Instant> oldestPendingRecordedAt,
    Duration oldestPendingAge) {

  /** Checks the fields. */
  public SyncStatus {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(oldestPendingRecordedAt, "oldestPendingRecordedAt");
    Objects.requireNonNull(oldestPendingAge, "oldestPendingAge");
  }

  /**
   * Tells whether every event recorded so far reached this destination or was skipped.
   *
   * @return true when nothing is pending and nothing is dead-lettered
   */
  public boolean isCaughtUp() {
    return pending == 0 && deadLettered == 0;
  }
}
