package io.github.motcua.signing;

/**
 * A builder or call was given settings or input that cannot work: a required setting is missing,
 * trust anchors cannot be read, a prepared signature does not match the signature value it is
 * completed with. The code names the setting and the rule, such as {@code cms-signer.key.missing}
 * or {@code trust-anchors.pem}.
 */
public class SigningConfigurationException extends SigningException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code
   * @param message a message for people
   * @param cause the cause, may be null
   */
  public SigningConfigurationException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
