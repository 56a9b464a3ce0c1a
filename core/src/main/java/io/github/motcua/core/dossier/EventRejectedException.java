package io.github.motcua.core.dossier;

import io.github.motcua.core.MotcuaException;
import java.util.Objects;
import java.util.UUID;

/**
 * Thrown by {@link DossierLifecycle} when an event cannot be applied to a dossier. The snapshot the
 * event was applied to is left as it was: an event is applied whole or not at all.
 *
 * <p>Codes:
 *
 * <ul>
 *   <li>{@code dossier.event.wrong-dossier}: the event names another dossier code;
 *   <li>{@code dossier.event.out-of-order}: the event occurred before the last applied one;
 *   <li>{@code dossier.event.id-reused}: an event with the same id but different content was
 *       already applied (the same event applied again is a no-op, not an error);
 *   <li>{@code dossier.event.none}: a history to replay is empty;
 *   <li>{@code dossier.fee.settled}: a {@code PaymentRequested} event changes a fee that is already
 *       paid (a fee is due once; see {@link DossierLifecycle});
 *   <li>{@code dossier.transition}: the event is not allowed in the dossier's status (the subclass
 *       {@link IllegalTransitionException}).
 * </ul>
 */
public class EventRejectedException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  private final UUID eventId;
  private final String eventType;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code dossier.event.out-of-order}; not null
   * @param message what is wrong, free of personal data; not null
   * @param eventId the id of the rejected event, or null when there is no event
   * @param eventType the type name of the rejected event, such as {@code Accepted}, or null
   */
  public EventRejectedException(String code, String message, UUID eventId, String eventType) {
    super(code, message);
    this.eventId = eventId;
    this.eventType = eventType;
  }

  /**
   * Returns the id of the rejected event.
   *
   * @return the event id, or null when no event was given
   */
  public UUID eventId() {
    return eventId;
  }

  /**
   * Returns the type name of the rejected event, as in the JSON {@code "type"} property.
   *
   * @return for example {@code Accepted}, or null when no event was given
   */
  public String eventType() {
    return eventType;
  }

  static String describe(DossierEvent event) {
    Objects.requireNonNull(event, "event");
    return event.type() + " " + event.eventId();
  }
}
