package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The trace an applied event leaves in a {@link Dossier}'s history: enough to recognise the same
 * event delivered again (same id, same digest: a no-op) and an id reused for different content (an
 * error), without keeping the event itself.
 *
 * <p>Immutable and thread-safe.
 *
 * @param eventId the event's id; not null
 * @param type the event's type name, as in the JSON {@code "type"} property; not null
 * @param occurredAt when the event occurred; not null
 * @param digest the SHA-256 (lower-case hex) of the event's content, as computed by {@link
 *     DossierEvent#digest()}; not null
 */
public record AppliedEvent(UUID eventId, String type, Instant occurredAt, String digest) {

  private static final Pattern LOWER_HEX = Pattern.compile("[0-9a-f]+");

  /**
   * Validates the trace.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public AppliedEvent {
    Checks c = new Checks("AppliedEvent");
    c.required("eventId", eventId);
    if (c.required("type", type)) {
      c.that(
          DossierEvent.typeNames().contains(type), "type", "unknown-type", "is not an event type.");
    }
    c.required("occurredAt", occurredAt);
    if (c.required("digest", digest)) {
      c.that(
          digest.length() == 64 && LOWER_HEX.matcher(digest).matches(),
          "digest",
          "format",
          "is 64 lower-case hexadecimal digits.");
    }
    c.throwIfAny();
  }

  /**
   * Returns the trace of an event.
   *
   * @param event the event; not null
   * @return its trace
   */
  public static AppliedEvent of(DossierEvent event) {
    return new AppliedEvent(event.eventId(), event.type(), event.occurredAt(), event.digest());
  }
}
