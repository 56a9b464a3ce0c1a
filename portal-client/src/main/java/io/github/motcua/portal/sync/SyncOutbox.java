package io.github.motcua.portal.sync;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The durable sync outbox (hộp thư đi đồng bộ): the integrator records every {@link DossierEvent}
 * here, in the same database transaction as its own change, and a {@link SyncWorker} delivers each
 * one to every destination (the national and provincial portals, or any other), in order per
 * dossier, retrying until the destination has it.
 *
 * <p>The outbox is also the event log: {@link #events(DossierCode)} returns a dossier's events in
 * the order they were recorded, from which the worker folds the dossier snapshot it publishes.
 *
 * <p>Three groups of methods: recording and reading events (for integrators); claiming and settling
 * deliveries under a lease (for workers; a claimed delivery belongs to one worker until its lease
 * ends, and only that worker can settle it); and dead-letter operations (for operators; each one is
 * recorded as an {@link OperatorAction}).
 *
 * <p>{@link JdbcSyncOutbox} is the implementation on H2 and PostgreSQL. Implementations must be
 * thread-safe and safe to share between processes through their storage.
 */
public interface SyncOutbox {

  /**
   * Returns the destinations every recorded event is queued for.
   *
   * @return the names, in configuration order; never empty
   */
  List<String> destinations();

  /**
   * Records an event inside the caller's transaction: the event is queued for every destination
   * when, and only when, the caller commits. Nothing is committed or rolled back here.
   *
   * <p>Events of one dossier are numbered in the order they are recorded; a worker delivers them in
   * that order. Recording the same event again (same id, same content) changes nothing and returns
   * its number.
   *
   * @param transaction the caller's open connection, in a transaction ({@code autoCommit} false); a
   *     connection in auto-commit mode gets a transaction of its own for this call; not null
   * @param event the event; not null
   * @return the event's position in its dossier's log, 1 for the first
   * @throws InvalidInputException with code {@code sync.outbox.event-conflict} when the event id
   *     was recorded before with different content, {@code sync.outbox.sql} when the database fails
   */
  long enqueue(Connection transaction, DossierEvent event);

  /**
   * Records an event in a transaction of its own.
   *
   * @param event the event; not null
   * @return the event's position in its dossier's log, 1 for the first
   * @throws MotcuaException as {@link #enqueue(Connection, DossierEvent)}
   */
  long enqueue(DossierEvent event);

  /**
   * Records several events inside the caller's transaction, as {@link #enqueue(Connection,
   * DossierEvent)} would one after the other, in list order: for example every event a form
   * submission produced. Implementations may do it in fewer statements; this default calls {@code
   * enqueue} for each event.
   *
   * @param transaction the caller's open connection, as for {@link #enqueue(Connection,
   *     DossierEvent)}; not null
   * @param events the events, of one dossier or several; not null, no null element
   * @return each event's position in its dossier's log, in the order of {@code events}
   * @throws MotcuaException as {@link #enqueue(Connection, DossierEvent)}; then none of the events
   *     is recorded when the caller rolls back
   */
  default List<Long> enqueueAll(Connection transaction, List<? extends DossierEvent> events) {
    java.util.Objects.requireNonNull(transaction, "transaction");
    java.util.Objects.requireNonNull(events, "events");
    List<Long> out = new java.util.ArrayList<>(events.size());
    for (DossierEvent e : events) {
      out.add(enqueue(transaction, java.util.Objects.requireNonNull(e, "events element")));
    }
    return out;
  }

  /**
   * Returns a dossier's recorded events, in order.
   *
   * @param dossier the dossier; not null
   * @return the events, empty when none were recorded
   */
  List<DossierEvent> events(DossierCode dossier);

  /**
   * Returns a dossier's first events, in order.
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
    List<Boolean> out = new java.util.ArrayList<>(outcomes.size());
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
   * Returns the state of delivery to a destination.
   *
   * @param destination the destination; not null
   * @return the counts and the age of the oldest pending event
   */
  SyncStatus status(String destination);

  /**
   * Lists the dead letters of a destination, oldest event first.
   *
   * @param destination the destination; not null
   * @return the dead letters, empty when there are none
   */
  List<DeadLetter> deadLetters(String destination);

  /**
   * Looks up one dead letter.
   *
   * @param destination the destination; not null
   * @param eventId the event id; not null
   * @return the dead letter, empty when that event is not parked for that destination
   */
  Optional<DeadLetter> deadLetter(String destination, UUID eventId);

  /**
   * Puts a dead letter back in the queue with its attempts reset, and records the action.
   *
   * @param destination the destination; not null
   * @param eventId the event id; not null
   * @param operator who asks; not null, not blank
   * @param note why; not null, may be empty
   * @return the recorded action
   * @throws InvalidInputException with code {@code sync.dead-letter.not-found} when no such dead
   *     letter exists
   */
  OperatorAction retryDeadLetter(String destination, UUID eventId, String operator, String note);

  /**
   * Gives up a dead letter: it is never delivered, and the later events of its dossier go on
   * without it. Records the action.
   *
   * @param destination the destination; not null
   * @param eventId the event id; not null
   * @param operator who asks; not null, not blank
   * @param note why; not null, may be empty
   * @return the recorded action
   * @throws InvalidInputException with code {@code sync.dead-letter.not-found} when no such dead
   *     letter exists
   */
  OperatorAction skipDeadLetter(String destination, UUID eventId, String operator, String note);

  /**
   * Lists every operator action recorded for a destination, oldest first.
   *
   * @param destination the destination; not null
   * @return the actions
   */
  List<OperatorAction> operatorActions(String destination);
}
