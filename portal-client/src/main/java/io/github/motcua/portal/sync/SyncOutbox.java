package io.github.motcua.portal.sync;

import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import java.util.List;

/**
 * The whole durable sync outbox (hộp thư đi đồng bộ): the {@link OutboxWriter writer's}, the {@link
 * DeliveryQueue worker's} and the {@link OutboxOperator operator's} sides in one type, as {@link
 * JdbcSyncOutbox} implements them. Code that only records events, only delivers them, or only
 * administers dead letters depends on the one side it uses; this type is for the code that wires
 * them together.
 *
 * <p>The integrator records every {@link io.github.motcua.core.dossier.DossierEvent} in the same
 * database transaction as its own change, and a {@link SyncWorker} delivers each one to every
 * destination, in order per dossier, retrying until the destination has it. Implementations must be
 * thread-safe and safe to share between processes through their storage.
 */
public interface SyncOutbox extends OutboxWriter, DeliveryQueue, OutboxOperator {

  /**
   * Returns the destinations every recorded event is queued for.
   *
   * @return the names, in configuration order; never empty
   */
  @Override
  List<String> destinations();

  /**
   * Returns a dossier's first events, in order.
   *
   * @param dossier the dossier; not null
   * @param upToSequence the last position to include (1 for the first event only)
   * @return the events at positions 1 to {@code upToSequence}, fewer when fewer were recorded
   */
  @Override
  List<DossierEvent> events(DossierCode dossier, long upToSequence);

  /**
   * Returns the state of delivery to a destination.
   *
   * @param destination the destination; not null
   * @return the counts and the age of the oldest pending event
   */
  @Override
  SyncStatus status(String destination);
}
