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
 * @param fence asked before every portal call of the publish ({@link PublishFence#check()}): a sync
 *     worker's lease on the delivery; {@link PublishFence#NONE} outside of a worker
 */
public record Publication(
    DossierEvent event, Dossier snapshot, boolean firstAttempt, PublishFence fence) {

  /**
   * Checks that no part is null.
   *
   * @param event the event
   * @param snapshot the dossier after it
   * @param firstAttempt whether this is the first attempt to publish the event here
   * @param fence the fence of the publish
   */
  public Publication {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(fence, "fence");
  }

  /**
   * Creates a publication without a fence ({@link PublishFence#NONE}).
   *
   * @param event the event, not null
   * @param snapshot the dossier after it, not null
   * @param firstAttempt whether this is the first attempt to publish the event here
   */
  public Publication(DossierEvent event, Dossier snapshot, boolean firstAttempt) {
    this(event, snapshot, firstAttempt, PublishFence.NONE);
  }

  /**
   * Creates a publication that may have been attempted before ({@link #firstAttempt()} false).
   *
   * @param event the event, not null
   * @param snapshot the dossier after it, not null
   */
  public Publication(DossierEvent event, Dossier snapshot) {
    this(event, snapshot, false, PublishFence.NONE);
  }

  /**
   * Returns the same publication as one that may have been attempted before ({@link
   * #firstAttempt()} false), with the same fence.
   *
   * @return a copy
   */
  public Publication notFirst() {
    return new Publication(event, snapshot, false, fence);
  }
}
