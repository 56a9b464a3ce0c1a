package io.github.motcua.portal;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import java.util.Objects;

/**
 * One event to publish and the dossier right after it, as {@link PortalClient#publish} takes them
 * (a sync worker hands a list of these to the national client's shared calls).
 *
 * @param event the event, not null
 * @param snapshot the dossier after the event ({@code DossierLifecycle.apply}), not null
 * @param firstAttempt true when nobody attempted to publish this event to this destination before
 *     (a sync outbox's first claim of it), so nothing of it can be on the portal yet: a client may
 *     then leave out what guards against publishing an event twice, such as the national client's
 *     look-up before a processing step. False when unknown.
 * @param fence asked before every portal call of the publish ({@link PublishFence#check()}): a sync
 *     worker's lease on the delivery; {@link PublishFence#NONE} outside of a worker
 * @param retryOwner who retries when the publish fails: {@link RetryOwner#CLIENT} (the client's
 *     {@link RetryPolicy}) outside of a worker, {@link RetryOwner#CALLER} under a sync worker,
 *     which owns backoff, outage detection and parking
 */
public record Publication(
    DossierEvent event,
    Dossier snapshot,
    boolean firstAttempt,
    PublishFence fence,
    RetryOwner retryOwner) {

  /**
   * Checks that no part is null.
   *
   * @param event the event
   * @param snapshot the dossier after it
   * @param firstAttempt whether this is the first attempt to publish the event here
   * @param fence the fence of the publish
   * @param retryOwner who retries
   */
  public Publication {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(fence, "fence");
    Objects.requireNonNull(retryOwner, "retryOwner");
  }

  /**
   * Creates a publication the client retries itself ({@link RetryOwner#CLIENT}).
   *
   * @param event the event, not null
   * @param snapshot the dossier after it, not null
   * @param firstAttempt whether this is the first attempt to publish the event here
   * @param fence the fence of the publish, not null
   */
  public Publication(
      DossierEvent event, Dossier snapshot, boolean firstAttempt, PublishFence fence) {
    this(event, snapshot, firstAttempt, fence, RetryOwner.CLIENT);
  }

  /**
   * Creates a publication without a fence ({@link PublishFence#NONE}) that the client retries
   * itself.
   *
   * @param event the event, not null
   * @param snapshot the dossier after it, not null
   * @param firstAttempt whether this is the first attempt to publish the event here
   */
  public Publication(DossierEvent event, Dossier snapshot, boolean firstAttempt) {
    this(event, snapshot, firstAttempt, PublishFence.NONE, RetryOwner.CLIENT);
  }

  /**
   * Creates a publication that may have been attempted before ({@link #firstAttempt()} false), that
   * the client retries itself.
   *
   * @param event the event, not null
   * @param snapshot the dossier after it, not null
   */
  public Publication(DossierEvent event, Dossier snapshot) {
    this(event, snapshot, false, PublishFence.NONE, RetryOwner.CLIENT);
  }

  /**
   * Returns the same publication as one that may have been attempted before ({@link
   * #firstAttempt()} false), with the same fence and retry owner.
   *
   * @return a copy
   */
  public Publication notFirst() {
    return new Publication(event, snapshot, false, fence, retryOwner);
  }
}
