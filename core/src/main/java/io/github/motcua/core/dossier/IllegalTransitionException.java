package io.github.motcua.core.dossier;

import java.util.Optional;

/**
 * Thrown when an event is not allowed in the dossier's current status, for example {@code
 * ResultReturned} on a dossier that is still {@link DossierStatus#IN_PROGRESS}, or a second {@code
 * Rated}. Code {@code dossier.transition}. The transitions allowed are listed on {@link
 * DossierLifecycle}.
 */
public class IllegalTransitionException extends EventRejectedException {

  private static final long serialVersionUID = 1L;

  /** The code of every {@code IllegalTransitionException}. */
  public static final String CODE = "dossier.transition";

  private final DossierStatus currentStatus;

  /**
   * Creates an exception.
   *
   * @param currentStatus the dossier's status, or null when there is no dossier yet (the refused
   *     event was offered as the first event)
   * @param event the refused event; not null
   */
  public IllegalTransitionException(DossierStatus currentStatus, DossierEvent event) {
    super(CODE, message(currentStatus, event), event.eventId(), event.type());
    this.currentStatus = currentStatus;
  }

  private static String message(DossierStatus status, DossierEvent event) {
    if (status == null) {
      return "A dossier's history starts with Submitted or Received, not with "
          + describe(event)
          + ".";
    }
    return "A dossier in status "
        + status
        + " ("
        + status.nationalCode()
        + ") does not accept "
        + describe(event)
        + ".";
  }

  /**
   * Returns the status the dossier was in when the event was refused.
   *
   * @return the status, or empty when the event was offered as the first of a history
   */
  public Optional<DossierStatus> currentStatus() {
    return Optional.ofNullable(currentStatus);
  }
}
