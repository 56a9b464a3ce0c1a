package io.github.motcua.portal;

/**
 * The portal received the request and refused it: a business error such as a missing required
 * field, an unknown procedure code or an illegal status change. {@link #remoteErrorCode()} and the
 * message carry the portal's own code and explanation (with personal data removed). Sending the
 * same request again will fail the same way; fix the data or the configuration.
 *
 * <p>Code: {@code portal.rejected}, or a more precise {@code portal.rejected.*}.
 */
public class PortalRejectedException extends PortalException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code portal.rejected}
   * @param message the portal's explanation, free of personal data
   * @param httpStatus the HTTP status of the reply
   * @param remoteErrorCode the portal's error code, may be null
   * @param requestId the request id, may be null
   */
  public PortalRejectedException(
      String code, String message, int httpStatus, String remoteErrorCode, String requestId) {
    super(code, message, httpStatus, remoteErrorCode, requestId, null);
  }
}
