package io.github.motcua.signing;

import io.github.motcua.core.MotcuaException;

/**
 * The root of every exception the signing module throws. The {@link #code()} is stable and names
 * the part and the rule, such as {@code signing-key.password} or {@code tsa.nonce}.
 *
 * <p>Verification never throws for a bad signature: it returns a {@link SignatureReport}. These
 * exceptions are for misuse and for failures of the parties signing depends on (a key store, a
 * token, a time-stamp authority).
 */
public class SigningException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code
   * @param message a message for people, free of secrets and personal data
   */
  public SigningException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable code
   * @param message a message for people, free of secrets and personal data
   * @param cause the cause, may be null
   */
  public SigningException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
