package io.github.motcua.vneid;

import io.github.motcua.core.MotcuaException;

/**
 * The root of every exception the VNeID adapter throws. Subclasses name the failure kind; {@link
 * #code()} names the exact check that failed, for example {@code id-token.nonce} or {@code
 * callback.state-mismatch}.
 *
 * <p>Messages say what failed and what to check, and never contain a token, an authorization code,
 * a secret, a personal identification number or a name.
 */
public class IdentityException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable machine-readable code; not null
   * @param message a message for people, free of personal data and secrets; not null
   */
  public IdentityException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable machine-readable code; not null
   * @param message a message for people, free of personal data and secrets; not null
   * @param cause the underlying cause, may be null
   */
  public IdentityException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
