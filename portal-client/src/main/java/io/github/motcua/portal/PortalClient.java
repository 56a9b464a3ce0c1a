package io.github.motcua.portal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
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
