package io.github.motcua.portal.sync;

import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The worker's side of the sync outbox: a {@link SyncWorker} leases the deliveries that are due,
 * folds each event's dossier snapshot from the log, delivers it, and settles the outcome. A claimed
 * delivery belongs to one worker until its lease ends, and only that worker can settle it.
 *
 * <p>{@link JdbcSyncOutbox} implements it, with {@link OutboxWriter} and {@link OutboxOperator}
 * (together {@link SyncOutbox}). Implementations must be thread-safe and safe to share between
 * processes through their storage.
 */
public interface DeliveryQueue {

  /**
   * Returns the destinations every recorded event is queued for.
   *
   * @return the names, in configuration order; never empty
   */
  List<String> destinations();

  /**
   * Returns a dossier's first events, in order: the log a worker folds the snapshot of a claimed
   * event from.
   *
   * @param dossier the dossier; not null
   * @param upToSequence the last position to include (1 for the first event only)
   * @return the events at positions 1 to {@code upToSequence}, fewer when fewer were recorded
   */
  List<DossierEvent> events(DossierCode dossier, long upToSequence);

  /**
   * Leases up to {@code max} deliveries that are due for a destination. Only the first undelivered
   * event of each dossier is ever returned (never one behind a pending or dead-lettered event of
   * the same dossier), and never one another worker holds a live lease on. Claims by several
   * workers at once, in one process or several, never return the same delivery twice while its
   * lease lives.
   *
   * @param destination the destination; not null
   * @param owner the claiming worker's id; not null
   * @param max the most deliveries to return, at least 1
   * @param now the current instant on the worker's clock; not null
   * @param lease how long the worker holds them; positive
   * @return the leased deliveries, oldest first; empty when none is due
   */
  List<ClaimedDelivery> claim(
      String destination, String owner, int max, Instant now, Duration lease);

  /**
   * Extends a lease the worker still holds.
   *
   * @param delivery the claimed delivery; not null
   * @param until the new end of the lease; not null
   * @return true when extended, false when the lease was lost (expired and taken over by any claim,
   *     even one of the same owner, or settled); an implementation tells claims apart by {@link
   *     ClaimedDelivery#claims()}
   */
  boolean renew(ClaimedDelivery delivery, Instant until);

  /**
   * Records that a delivery reached its destination and ends the lease.
   *
   * @param delivery the claimed delivery; not null
   * @param now when; not null
   * @return true when recorded, false when the lease had been lost
   */
  boolean markDelivered(ClaimedDelivery delivery, Instant now);

  /**
   * Records a failed attempt that may succeed later and puts the delivery back in the queue.
   *
   * @param delivery the claimed delivery; not null
   * @param attempts the failed attempts counted so far, this one included when it counts
   * @param nextAttemptAt the earliest instant of the next attempt; not null
   * @param reason the failure's code and message, free of personal data; not null
   * @return true when recorded, false when the lease had been lost
   */
  boolean markFailed(ClaimedDelivery delivery, int attempts, Instant nextAttemptAt, String reason);

  /**
   * Parks a delivery as a dead letter.
   *
   * @param delivery the claimed delivery; not null
   * @param attempts the failed attempts counted, this one included
   * @param now when; not null
   * @param reason why, free of personal data; not null
   * @return true when recorded, false when the lease had been lost
   */
  boolean markDead(ClaimedDelivery delivery, int attempts, Instant now, String reason);

  /**
   * Records several outcomes at once, in one transaction where the implementation can: what {@link
   * #markDelivered}, {@link #markFailed} and {@link #markDead} do one by one, at the cost of one
   * commit. A worker settles what its delivery threads finished since its last claim this way.
   *
   * <p>The default implementation calls the single methods in turn.
   *
   * @param outcomes the outcomes, each for a delivery this worker claimed; not null, may be empty
   * @return for each outcome, in the same order, true when recorded and false when its lease had
   *     been lost
   * @throws RetryLaterException with code {@code sync.outbox.sql} when the database fails (then
   *     nothing of the batch is recorded and the leases run out)
   */
  default List<Boolean> settle(List<DeliveryOutcome> outcomes) {
    List<Boolean> out = new ArrayList<>(outcomes.size());
    for (DeliveryOutcome o : outcomes) {
      out.add(
          switch (o.kind()) {
            case DELIVERED -> markDelivered(o.delivery(), o.at());
            case FAILED -> markFailed(o.delivery(), o.attempts(), o.at(), o.reason());
            case DEAD -> markDead(o.delivery(), o.attempts(), o.at(), o.reason());
          });
    }
    return out;
  }

  /**
   * Ends every lease a worker holds on deliveries not yet settled, putting them back in the queue
   * at once (a worker stopping, or restarting under the same id after a crash).
   *
   * @param owner the worker's id; not null
   * @return how many leases were ended
   */
  int release(String owner);

  /**
   * Returns when the next delivery to a destination becomes claimable: the earliest instant at
   * which a first undelivered event of some dossier is both due and free of a live lease.
   *
   * @param destination the destination; not null
   * @return that instant (possibly in the past: claimable now), empty when nothing is left to
   *     deliver (every remaining event waits behind a dead letter, or none remains)
   */
  Optional<Instant> nextClaimableAt(String destination);

  /**
   * Returns the state of delivery to a destination: a worker reports it, and tells by its {@link
   * SyncStatus#inFlight()} count whether leases it lost are still held.
   *
   * @param destination the destination; not null
   * @return the counts and the age of the oldest pending event
   */
  SyncStatus status(String destination);
}
