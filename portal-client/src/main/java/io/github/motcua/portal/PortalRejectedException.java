package io.github.motcua.portal;

import io.github.motcua.portal.internal.Redact;
import java.util.Optional;

/**
 * The portal received the request and refused it: a business error such as a missing required
 * field, an unknown procedure code or an illegal status change. {@link #remoteErrorCode()} and
 * {@link #remoteMessage()} carry the portal's own code and explanation, with digit runs that may be
 * personal ID numbers masked (they are masked before they reach the message, {@link #toString()}, a
 * dead letter or a log line). Sending the same request again will fail the same way; fix the data
 * or the configuration.
 *
 * <p>{@link #reason()} says what the refusal means, as the client's reply table classified it, so
 * that callers never branch on the text of a message.
 *
 * <p>Code: {@code portal.rejected}, or a more precise {@code portal.rejected.*}.
 */
public class PortalRejectedException extends PortalException {

  private static final long serialVersionUID = 1L;

  /** What a refusal means. */
  public enum Reason {
    /** Any other refusal. */
    REFUSED,
    /** The record to create exists already (the national portal: "đã tồn tại"). */
    ALREADY_EXISTS,
    /** The record to update or read does not exist. */
    NOT_FOUND
  }

  private final String remoteMessage;
  private final Reason reason;

  /**
   * Creates an exception without a remote message.
   *
   * @param code the stable code, such as {@code portal.rejected}
   * @param message the portal's explanation, free of personal data
   * @param httpStatus the HTTP status of the reply
   * @param remoteErrorCode the portal's error code, may be null
   * @param requestId the request id, may be null
   */
  public PortalRejectedException(
      String code, String message, int httpStatus, String remoteErrorCode, String requestId) {
    this(code, message, httpStatus, remoteErrorCode, null, Reason.REFUSED, requestId);
  }

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code portal.rejected}
   * @param message what was refused, free of personal data; the masked remote message is appended
   *     when there is one
   * @param httpStatus the HTTP status of the reply
   * @param remoteErrorCode the portal's error code, may be null (digit runs that may be personal
   *     IDs are masked)
   * @param remoteMessage the portal's message as received, may be null (masked here)
   * @param reason what the refusal means; not null
   * @param requestId the request id, may be null
   */
  public PortalRejectedException(
      String code,
      String message,
      int httpStatus,
      String remoteErrorCode,
      String remoteMessage,
      Reason reason,
      String requestId) {
    super(
        code,
        remoteMessage == null ? message : message + ": " + Redact.message(remoteMessage),
        httpStatus,
        remoteErrorCode,
        requestId,
        null);
    this.remoteMessage = remoteMessage == null ? null : Redact.message(remoteMessage);
    this.reason = reason == null ? Reason.REFUSED : reason;
  }

  /**
   * Returns the portal's message, with digit runs that may be personal ID numbers masked.
   *
   * @return the masked message, empty when the reply had none
   */
  public Optional<String> remoteMessage() {
    return Optional.ofNullable(remoteMessage);
  }

  /**
   * Returns what the refusal means.
   *
   * @return the reason; {@link Reason#REFUSED} unless the reply table says otherwise
   */
  public Reason reason() {
    return reason;
  }
}
