package io.github.motcua.portal;

import io.github.motcua.core.MotcuaException;
import java.util.Optional;

/**
 * The root of every failure of a portal or payment platform call.
 *
 * <p>Besides the stable {@link #code()} it carries what a support ticket needs: the HTTP status of
 * the reply (0 when no reply arrived), the remote party's own error code when it sent one, and the
 * request id ({@code X-Request-Id}, the one the server returned or else the one motcua sent). The
 * message never contains personal data, tokens, sessions or secrets.
 *
 * <p>Subclasses tell callers what to do: {@link PortalUnavailableException} (try again later),
 * {@link PortalRejectedException} (fix the data; retrying will not help), {@link
 * PortalAuthenticationException} (fix the credentials), {@link PortalProtocolException} (the reply
 * could not be understood), {@link PortalConfigurationException} (a client was built wrongly).
 */
public class PortalException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String remoteErrorCode;
  private final String requestId;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code portal.rejected}; not null
   * @param message a message free of personal data; not null
   * @param httpStatus the HTTP status of the reply, or 0 when there was none
   * @param remoteErrorCode the remote party's error code, may be null
   * @param requestId the request id, may be null
   * @param cause the cause, may be null
   */
  public PortalException(
      String code,
      String message,
      int httpStatus,
      String remoteErrorCode,
      String requestId,
      Throwable cause) {
    super(code, message, cause);
    this.httpStatus = httpStatus;
    this.remoteErrorCode =
        remoteErrorCode == null
            ? null
            : io.github.motcua.portal.internal.Redact.code(remoteErrorCode);
    this.requestId = requestId;
  }

  /**
   * Returns the HTTP status of the reply.
   *
   * @return the status, or 0 when no reply arrived (connection failure, timeout, local check)
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns the error code the remote party sent (the national portal's {@code error_code}, the
   * payment platform's {@code MaLoi}, an OAuth2 {@code error}).
   *
   * @return the remote code, empty when there was none
   */
  public Optional<String> remoteErrorCode() {
    return Optional.ofNullable(remoteErrorCode);
  }

  /**
   * Returns the request id to quote to the portal's operators.
   *
   * @return the id, empty for failures that happened before a request was sent
   */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /**
   * Tells whether sending the same request again later may succeed.
   *
   * @return true for {@link PortalUnavailableException} and, for operations that are safe to
   *     repeat, {@link PortalProtocolException}; false otherwise
   */
  public boolean isRetryable() {
    return false;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(super.toString());
    if (httpStatus != 0) {
      out.append(" (HTTP ").append(httpStatus).append(')');
    }
    if (remoteErrorCode != null) {
      out.append(" [remote ").append(remoteErrorCode).append(']');
    }
    if (requestId != null) {
      out.append(" [request ").append(requestId).append(']');
    }
    return out.toString();
  }
}
