package io.github.motcua.core;

/**
 * A security check refused the input: an ID token or signature failed validation, the assurance
 * level is insufficient, the citizen or provider denied the login, a limit on hostile input was
 * exceeded, or the exchange violated the protocol in a way that may be an attack. Do not retry the
 * same input; log the {@link #code()} and refuse.
 *
 * <p>The provider's error of a denied or refused login ({@code login.denied}, {@code
 * token.rejected}: for example {@code access_denied}, {@code invalid_grant}) and the assurance
 * level reached ({@code assurance.insufficient}) are named in the message.
 */
public final class SecurityRefusalException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   */
  public SecurityRefusalException(String code, String message) {
    this(code, message, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, may be null
   */
  public SecurityRefusalException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
