package io.github.motcua.portal;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import java.util.Objects;

/**
 * One event to publish and the dossier right after it, as {@link PortalClient#publish} takes them;
 * {@link PortalClient#publishAll} takes a list of these.
 *
 * @param event the event, not null
 * @param snapshot the dossier after the event ({@code DossierLifecycle.apply}), not null
 * @param firstAttempt true when nobody attempted to publish this event to this destination before
 *     (a sync outbox's first claim of it), so nothing of it can be on the portal yet: a client may
 *     then leave out what guards against publishing an event twice, such as the national client's
 *     look-up before a processing step. False when unknown.
 */
public record Publication(DossierEvent event, Dossier snapshot, boolean firstAttempt) {

  /**
   * Checks that neither part is null.
   *
   * @param event the event
   * @param snapshot the dossier after it
   * @param firstAttempt whether this is the first attempt to publish the event here
   */
  public Publication {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(snapshot, "snapshot");
  }

  /**
   * Creates a publication that may have been attempted before ({@link #firstAttempt()} false).
   *
   * @param event the event, not null
   * @param snapshot the dossier after it, not null
   */
  public Publication(DossierEvent event, Dossier snapshot) {
    this(event, snapshot, false);
  }
}
