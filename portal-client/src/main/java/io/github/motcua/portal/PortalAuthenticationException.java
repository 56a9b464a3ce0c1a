package io.github.motcua.portal;

/**
 * The portal refused the client's credentials: a failed session login, an OAuth2 token request
 * refused, or a session or token that stays rejected after one renewal. Check the user name,
 * password, client id and secret, and the unit code. Clients renew an expired session or token by
 * themselves once before throwing this.
 *
 * <p>Codes: {@code portal.auth.login}, {@code portal.auth.token}, {@code portal.auth.expired}.
 */
public class PortalAuthenticationException extends PortalException {

  private static final long serialVersionUID = 1L;

  private final boolean renewable;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code portal.auth.login}
   * @param message a message free of credentials
   * @param httpStatus the HTTP status, or 0
   * @param remoteErrorCode the remote error code, may be null
   * @param requestId the request id, may be null
   * @param renewable true when a new session or token may fix it (the old one expired)
   */
  public PortalAuthenticationException(
      String code,
      String message,
      int httpStatus,
      String remoteErrorCode,
      String requestId,
      boolean renewable) {
    super(code, message, httpStatus, remoteErrorCode, requestId, null);
    this.renewable = renewable;
  }

  /**
   * Tells whether the failure came from an expired session or token, which a new login may fix.
   *
   * @return true for an expired session or token, false for refused credentials
   */
  public boolean isRenewable() {
    return renewable;
  }

  /** Expired credentials are retried once renewed; refused credentials are not. */
  @Override
  public boolean isRetryable() {
    return renewable;
  }
}
