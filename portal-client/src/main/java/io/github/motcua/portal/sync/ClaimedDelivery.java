package io.github.motcua.portal.sync;

import io.github.motcua.core.dossier.DossierEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * One event leased to one worker for delivery to one destination (một lần chuyển sự kiện). A worker
 * holds it until {@link #leaseUntil()}; after that another worker may take it over. Only the {@link
 * #leaseOwner()} can record its outcome. Immutable and thread-safe.
 *
 * @param destination the destination's name; not null
 * @param event the event; not null
 * @param sequence the event's position in its dossier's log, 1 for the first event
 * @param position the event's position in the whole outbox (increasing in recording order)
 * @param attempts how many failed attempts were counted before this claim
 * @param claims how many times the delivery was claimed, this claim included: 1 for its first
 *     claim, when no earlier attempt can have reached the destination; 0 when the outbox does not
 *     count claims
 * @param recordedAt when the event was recorded in the outbox; not null
 * @param leaseOwner the worker holding the lease; not null
 * @param leaseUntil when the lease ends; not null
 */
public record ClaimedDelivery(
    String destination,
    DossierEvent event,
    long sequence,
    long position,
    int attempts,
    int claims,
    Instant recordedAt,
    String leaseOwner,
    Instant leaseUntil) {

  /** Checks the fields. */
  public ClaimedDelivery {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(leaseOwner, "leaseOwner");
    Objects.requireNonNull(leaseUntil, "leaseUntil");
    if (claims < 0) {
      throw new IllegalArgumentException("claims must be at least 0");
    }
  }

  /**
   * Creates a claim of an outbox that does not count claims ({@link #claims()} 0, so never a {@link
   * #firstClaim()}).
   *
   * @param destination the destination's name; not null
   * @param event the event; not null
   * @param sequence the event's position in its dossier's log
   * @param position the event's position in the whole outbox
   * @param attempts how many failed attempts were counted before this claim
   * @param recordedAt when the event was recorded; not null
   * @param leaseOwner the worker holding the lease; not null
   * @param leaseUntil when the lease ends; not null
   */
  public ClaimedDelivery(
      String destination,
      DossierEvent event,
      long sequence,
      long position,
      int attempts,
      Instant recordedAt,
      String leaseOwner,
      Instant leaseUntil) {
    this(destination, event, sequence, position, attempts, 0, recordedAt, leaseOwner, leaseUntil);
  }

  /**
   * Tells whether this is the delivery's first claim: nobody attempted it before, so nothing of it
   * can have reached the destination yet, even through an attempt whose outcome was never recorded
   * (a crash, a lease that ran out).
   *
   * @return true when {@link #claims()} is 1
   */
  public boolean firstClaim() {
    return claims == 1;
  }

  /**
   * Returns the same claim with a new lease end.
   *
   * @param until the new end; not null
   * @return a copy
   */
  public ClaimedDelivery withLeaseUntil(Instant until) {
    return new ClaimedDelivery(
        destination, event, sequence, position, attempts, claims, recordedAt, leaseOwner, until);
  }

  @Override
  public String toString() {
    return "ClaimedDelivery["
        + destination
        + " "
        + event.type()
        + " "
        + event.eventId()
        + " of "
        + event.dossierCode()
        + " #"
        + sequence
        + ", attempts="
        + attempts
        + ", claims="
        + claims
        + ", owner="
        + leaseOwner
        + ", until="
        + leaseUntil
        + "]";
  }
}
