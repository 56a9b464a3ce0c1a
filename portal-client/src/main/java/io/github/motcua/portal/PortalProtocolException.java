package io.github.motcua.portal;

/**
 * The reply could not be understood: not JSON, a missing field, a field of the wrong type, or an
 * unexpected HTTP status. The request may or may not have taken effect, so clients only repeat it
 * when the operation is safe to repeat.
 *
 * <p>Code: {@code portal.protocol}, or a more precise {@code portal.protocol.*}.
 */
public class PortalProtocolException extends PortalException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code portal.protocol}
   * @param message what was wrong with the reply, free of personal data
   * @param httpStatus the HTTP status of the reply
   * @param requestId the request id, may be null
   * @param cause the parse failure, may be null
   */
  public PortalProtocolException(
      String code, String message, int httpStatus, String requestId, Throwable cause) {
    super(code, message, httpStatus, null, requestId, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
