package io.github.motcua.portal.sync;

import io.github.motcua.portal.PortalException;

/**
 * A sync outbox operation failed: the database refused a statement or could not be reached, an
 * event conflicts with one already recorded, or an operator named a dead letter that does not
 * exist. It extends {@link PortalException} (the module's root) with HTTP status 0.
 *
 * <p>Codes: {@code sync.outbox.sql} (a database failure; the cause is the {@link
 * java.sql.SQLException}, whose message may name tables but never event content), {@code
 * sync.outbox.schema} (the schema could not be created), {@code sync.outbox.event-conflict} (an
 * event id recorded before with different content), {@code sync.outbox.codec} (an event could not
 * be written or read as JSON), {@code sync.outbox.destination} (a destination the outbox does not
 * know), {@code sync.dead-letter.not-found} (no dead letter for that destination and event).
 */
public class SyncOutboxException extends PortalException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code sync.outbox.sql}; not null
   * @param message a message free of personal data; not null
   * @param cause the cause, may be null
   */
  public SyncOutboxException(String code, String message, Throwable cause) {
    super(code, message, 0, null, null, cause);
  }
}
