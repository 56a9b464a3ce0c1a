package io.github.motcua.portal;

import io.github.motcua.core.dossier.DossierEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * A portal client that takes several dossiers' events in one call (the national client's records,
 * ratings and first-attempt steps). Not API: a {@code SyncWorker} hands such a client the events it
 * claimed together; an integrator calls {@link PortalClient#publish(Publication)}.
 */
public interface BatchPublisher extends PortalClient {

  /**
   * Returns how many events of this kind {@link #publishAll} may send in one call. A {@code
   * SyncWorker} hands such events of different dossiers to {@code publishAll} together, at most
   * this many at once, and every other event to {@code publish} alone.
   *
   * @param event the event
   * @return at least 1; 1 when the client publishes this kind one event at a time
   */
  int batchLimit(DossierEvent event);

  /**
   * Returns the kind of shared call an event goes in, for events whose {@link #batchLimit} is above
   * 1: {@link #publishAll} sends events in one call only when their kinds are equal, and a worker
   * groups the events it claimed by kind so that each call is as full as the limit allows.
   *
   * @param event the event
   * @return the kind; the default, {@code ""}, lets every such event share a call
   */
  default String batchKind(DossierEvent event) {
    return "";
  }

  /**
   * Publishes several events, each of a different dossier, together where the portal takes several
   * records in one call. The outcome of each publication is what {@code publish} would have
   * returned or thrown for it, and a failure of one does not stop the others: when the portal
   * refuses a shared call, the client publishes that call's events one by one, so that each refusal
   * is charged to the event that caused it.
   *
   * <p>The default publishes the events one after another.
   *
   * @param publications the events with their snapshots, not null; events of the same dossier are
   *     published in list order
   * @return one outcome per publication, in the same order
   */
  default List<PublishOutcome> publishAll(List<Publication> publications) {
    List<PublishOutcome> outcomes = new ArrayList<>(publications.size());
    for (Publication p : publications) {
      outcomes.add(PublishOutcome.of(() -> publish(p)));
    }
    return outcomes;
  }
}
