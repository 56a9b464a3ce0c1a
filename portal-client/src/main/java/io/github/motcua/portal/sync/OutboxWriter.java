package io.github.motcua.portal.sync;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The writer's side of the sync outbox (hộp thư đi đồng bộ): the integrator's code records every
 * {@link DossierEvent} here, in the same database transaction as its own change, and reads a
 * dossier's events back. A {@link SyncWorker} then delivers each event to every destination (the
 * national and provincial portals, or any other), in order per dossier, retrying until the
 * destination has it.
 *
 * <p>The outbox is also the event log: {@link #events(DossierCode)} returns a dossier's events in
 * the order they were recorded.
 *
 * <p>Code that records events depends on this interface only. {@link JdbcSyncOutbox} implements it
 * (with {@link DeliveryQueue} for workers and {@link OutboxOperator} for operators, together {@link
 * SyncOutbox}). Implementations are thread-safe.
 */
public interface OutboxWriter {

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
   *     was recorded before with different content; {@link RetryLaterException} {@code
   *     sync.outbox.sql} when the database fails
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
    Objects.requireNonNull(transaction, "transaction");
    Objects.requireNonNull(events, "events");
    List<Long> out = new ArrayList<>(events.size());
    for (DossierEvent e : events) {
      out.add(enqueue(transaction, Objects.requireNonNull(e, "events element")));
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
}
