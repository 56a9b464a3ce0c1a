package io.github.motcua.portal.sync;

import io.github.motcua.core.id.DossierCode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A recorded operator action on a dead letter (thao tác của cán bộ vận hành). The outbox writes one
 * for every {@link SyncOutbox#retryDeadLetter retry} and {@link SyncOutbox#skipDeadLetter skip}, in
 * the same transaction as the action, and never changes or deletes it. Immutable and thread-safe.
 *
 * @param at when the action was taken; not null
 * @param destination the destination; not null
 * @param eventId the dead letter's event id; not null
 * @param dossierCode the event's dossier; not null
 * @param kind what was done; not null
 * @param operator who did it (a user name or id, as the integrator identifies operators); not null
 * @param note why, as the operator wrote it; not null, may be empty
 * @param reason the dead letter's reason at the time of the action; not null
 */
public record OperatorAction(
    Instant at,
    String destination,
    UUID eventId,
    DossierCode dossierCode,
    Kind kind,
    String operator,
    String note,
    String reason) {

  /** What an operator did to a dead letter. */
  public enum Kind {
    /** Put back in the queue, attempts reset: the worker delivers it again. */
    RETRY,
    /** Given up: the later events of the dossier go on without it. */
    SKIP
  }

  /** Checks the fields. */
  public OperatorAction {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(dossierCode, "dossierCode");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(operator, "operator");
    Objects.requireNonNull(note, "note");
    Objects.requireNonNull(reason, "reason");
  }
}
