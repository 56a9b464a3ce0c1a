package io.github.motcua.vneid;

/**
 * Thrown when the redirect back from the provider (the callback) cannot belong to the login it is
 * completed with, or lacks what it must carry. Codes:
 *
 * <ul>
 *   <li>{@code callback.state-missing}, {@code callback.state-mismatch}: the {@code state} is
 *       absent or is not the one of this {@link LoginRequest}; the callback belongs to another
 *       login or was forged. Restart the login.
 *   <li>{@code callback.issuer-mismatch}: the callback's {@code iss} parameter (RFC 9207) names
 *       another provider (a mix-up attack).
 *   <li>{@code callback.code-missing}: neither a code nor an error.
 *   <li>{@code callback.request-expired}: the login request is older than the client's login
 *       lifetime.
 *   <li>{@code callback.malformed}: the callback URI cannot be read.
 * </ul>
 */
public class InvalidCallbackException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code one of the codes listed on this class
   * @param message what failed
   */
  public InvalidCallbackException(String code, String message) {
    super(code, message);
  }
}
