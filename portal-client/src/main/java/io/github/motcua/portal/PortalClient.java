package io.github.motcua.portal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A public-service portal that receives a dossier's progress: the National Public Service Portal
 * ({@link NationalPortalClient}), a provincial portal ({@link ProvincialPortalClient}), or an
 * integrator's own destination.
 *
 * <p>Implementations must be thread-safe and make {@link #publish(DossierEvent, Dossier)}
 * repeatable: publishing the same event with the same snapshot twice has the same effect on the
 * portal as publishing it once, because a sync outbox delivers at least once.
 */
public interface PortalClient {

  /**
   * Sends what an event changed (a new or updated dossier record, processing steps, supplements,
   * results, rating) in the portal's format, retrying under the client's {@link RetryPolicy}.
   *
   * <p>Events of one dossier must be published in the order they happened, each with the snapshot
   * right after it ({@code DossierLifecycle.apply}).
   *
   * @param event the event, not null
   * @param snapshot the dossier after the event, not null, same dossier code
   * @return what was sent
   * @throws RetryLaterException when the portal could not be reached within the policy: publish the
   *     same event again later
   * @throws InvalidInputException when the portal refused the data: do not retry unchanged
   * @throws MotcuaException when the credentials are refused
   * @throws RetryLaterException when the portal's replies could not be understood
   * @throws ConfigurationException when the event and snapshot do not belong together
   */
  PublishResult publish(DossierEvent event, Dossier snapshot);

  /**
   * Publishes one event as {@link #publish(DossierEvent, Dossier)} does, knowing whether this is
   * its first attempt ({@link Publication#firstAttempt()}). A {@code SyncWorker} calls this one.
   *
   * <p>The default ignores that and calls {@link #publish(DossierEvent, Dossier)}; a client
   * overrides it when a first attempt can be sent with fewer calls. Such a first attempt need not
   * be repeatable, so a caller says {@code true} only when nobody can have attempted the event
   * before (a sync outbox's first claim of it), and {@code false} whenever it is not sure.
   *
   * @param publication the event, its snapshot, and whether it is a first attempt; not null
   * @return what was sent
   * @throws MotcuaException as {@link #publish(DossierEvent, Dossier)} does
   */
  default PublishResult publish(Publication publication) {
    return publish(publication.event(), publication.snapshot());
  }

  /**
   * Returns how many events of this kind {@link #publishAll} may send in one call. A {@code
   * SyncWorker} hands such events of different dossiers to {@code publishAll} together, at most
   * this many at once, and every other event to {@link #publish} alone.
   *
   * @param event the event
   * @return at least 1; 1 (the default) when the client publishes this kind one event at a time
   */
  default int batchLimit(DossierEvent event) {
    return 1;
  }

  /**
   * Returns the kind of shared call an event goes in, for events whose {@link #batchLimit} is above
   * 1: {@link #publishAll} sends events in one call only when their kinds are equal. A {@code
   * SyncWorker} groups the events it claimed by kind before handing them over, so that each call is
   * as full as the limit allows instead of being split by kind inside {@code publishAll}.
   *
   * @param event the event
   * @return the kind; the default, {@code ""}, lets every such event share a call
   */
  default String batchKind(DossierEvent event) {
    return "";
  }

  /**
   * Publishes several events, each of a different dossier, together where the portal takes several
   * records in one call. The outcome of each publication is what {@link #publish} would have
   * returned or thrown for it, and a failure of one does not stop the others: when the portal
   * refuses a shared call, the client publishes that call's events one by one, so that each refusal
   * is charged to the event that caused it.
   *
   * <p>The default publishes the events one after another with {@link #publish(Publication)}.
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

  /**
   * Returns the state of the client's circuit breaker, for health checks and sync status pages.
   *
   * @return the state; {@link CircuitState#CLOSED} for clients without one
   */
  default CircuitState circuitState() {
    return CircuitState.CLOSED;
  }

  /**
   * Returns the retry policy this client's calls run under, when it has one, so that a {@code
   * SyncWorker} can check that its lease outlasts the longest call (total timeout plus one read
   * timeout).
   *
   * @return the policy, or empty for clients that do not say (the default)
   */
  default Optional<RetryPolicy> retryPolicy() {
    return Optional.empty();
  }
}
