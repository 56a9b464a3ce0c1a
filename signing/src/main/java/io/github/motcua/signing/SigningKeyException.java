package io.github.motcua.signing;

/**
 * The private key cannot be used: codes {@code signing-key.password} (wrong password or PIN),
 * {@code signing-key.not-found} (no such alias, or the entry holds no private key), {@code
 * signing-key.token-absent} (no PKCS#11 token in the slot, or the library cannot be loaded), {@code
 * signing-key.unsupported} (a key type or scheme the key cannot sign with), {@code
 * signing-key.failed} (the key holder refused or failed), {@code signing-key.timeout} (a remote
 * signing service did not answer in time).
 */
public class SigningKeyException extends SigningException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param rule the rule after {@code signing-key.}
   * @param message a message for people, never containing the password or PIN
   * @param cause the cause, may be null
   */
  public SigningKeyException(String rule, String message, Throwable cause) {
    super("signing-key." + rule, message, cause);
  }
}
