package io.github.motcua.portal.sync;

import io.github.motcua.core.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's side of the sync outbox: the state of delivery to each destination, the dead
 * letters (deliveries a worker parked), and the actions that put one back in the queue or give it
 * up, each recorded as an {@link OperatorAction}.
 *
 * <p>{@link JdbcSyncOutbox} implements it, with {@link OutboxWriter} and {@link DeliveryQueue}
 * (together {@link SyncOutbox}). Implementations are thread-safe.
 */
public interface OutboxOperator {

  /**
   * Returns the destinations every recorded event is queued for.
   *
   * @return the names, in configuration order; never empty
   */
  List<String> destinations();

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
