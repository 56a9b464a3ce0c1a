package io.github.motcua.vneid;

/**
 * Thrown when the ID token fails a check; the login must not proceed. Codes:
 *
 * <ul>
 *   <li>{@code id-token.missing}, {@code id-token.too-large}, {@code id-token.malformed}
 *   <li>{@code id-token.unsigned}: {@code alg: none}, or an encrypted token without a signed token
 *       inside
 *   <li>{@code id-token.algorithm}: a signature algorithm outside the allow-list (for example
 *       HS256, which an attacker can compute with the provider's public key)
 *   <li>{@code id-token.unknown-key}: no key of the provider's key set matches the token's key id,
 *       even after a (rate-limited) refresh of the key set
 *   <li>{@code id-token.signature}: the signature does not verify (tampered token)
 *   <li>{@code id-token.not-encrypted}, {@code id-token.encryption-algorithm}, {@code
 *       id-token.decryption}: encryption expected, not allowed, or failed
 *   <li>{@code id-token.issuer}, {@code id-token.audience}, {@code id-token.azp}, {@code
 *       id-token.expired}, {@code id-token.issued-in-future}, {@code id-token.not-yet-valid},
 *       {@code id-token.nonce}, {@code id-token.at-hash}, {@code id-token.subject}, {@code
 *       id-token.subject-changed}: the named claim is wrong or missing
 * </ul>
 */
public class IdTokenValidationException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code one of the codes listed on this class
   * @param message what failed, without the token
   */
  public IdTokenValidationException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code one of the codes listed on this class
   * @param message what failed, without the token
   * @param cause the underlying cause
   */
  public IdTokenValidationException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
