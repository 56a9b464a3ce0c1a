package io.github.motcua.portal.sync;

import io.github.motcua.core.dossier.DossierEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * An event a destination refused permanently, or that failed more often than the worker's
 * dead-letter threshold (thư chết): parked with its reason until an operator retries or skips it
 * ({@link SyncOutbox#retryDeadLetter}, {@link SyncOutbox#skipDeadLetter}). While parked it holds
 * back only the later events of its own dossier for its own destination. Immutable and thread-safe.
 *
 * @param destination the destination's name; not null
 * @param event the event; not null
 * @param sequence the event's position in its dossier's log
 * @param attempts how many failed attempts were counted
 * @param reason why it was parked: the failure's code and message, free of personal data; not null
 * @param recordedAt when the event was recorded in the outbox; not null
 * @param parkedAt when it was parked; not null
 * @param blockedEvents how many later events of the same dossier wait behind it for this
 *     destination
 */
public record DeadLetter(
    String destination,
    DossierEvent event,
    long sequence,
    int attempts,
    String reason,
    Instant recordedAt,
    Instant parkedAt,
    long blockedEvents) {

  /** Checks the fields. */
  public DeadLetter {
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(parkedAt, "parkedAt");
  }

  @Override
  public String toString() {
    return "DeadLetter["
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
        + ", reason="
        + reason
        + ", blocked="
        + blockedEvents
        + "]";
  }
}
