package io.github.motcua.vneid;

import java.util.Optional;

/**
 * Thrown when a call to the provider fails or the provider answers something unusable. Codes:
 *
 * <ul>
 *   <li>{@code provider.timeout}, {@code provider.unreachable}: the network call failed; retrying
 *       later may help
 *   <li>{@code provider.discovery}: the discovery document is missing, malformed or names another
 *       issuer
 *   <li>{@code provider.jwks-unavailable}: the provider's key set cannot be fetched and no cached
 *       copy is usable
 *   <li>{@code par.rejected}, {@code token.rejected}, {@code refresh.rejected}, {@code
 *       userinfo.rejected}: the endpoint answered an error; {@link #providerError()} holds the
 *       provider's code (for example {@code invalid_grant} for a code used twice)
 *   <li>{@code par.response-invalid}, {@code token.response-invalid}, {@code
 *       userinfo.response-invalid}: a success answer that does not follow the protocol
 * </ul>
 *
 * <p>Carries the HTTP status (0 when there was no answer) and the provider's error code when it
 * sent one.
 */
public class ProviderException extends IdentityException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final String providerError;

  /**
   * Creates an exception.
   *
   * @param code one of the codes listed on this class
   * @param message what failed
   * @param httpStatus the HTTP status, or 0 when no answer arrived
   * @param providerError the provider's error code, may be null
   * @param cause the underlying cause, may be null
   */
  public ProviderException(
      String code, String message, int httpStatus, String providerError, Throwable cause) {
    super(code, message, cause);
    this.httpStatus = httpStatus;
    this.providerError = providerError;
  }

  /**
   * Returns the HTTP status of the provider's answer.
   *
   * @return the status, or 0 when no answer arrived
   */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * Returns the provider's OAuth error code ({@code invalid_grant}, {@code invalid_client}, ...).
   *
   * @return the error code, or empty
   */
  public Optional<String> providerError() {
    return Optional.ofNullable(providerError);
  }
}
