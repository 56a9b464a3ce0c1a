package io.github.motcua.core;

import java.util.Objects;

/**
 * The root of every exception motcua throws.
 *
 * <p>Each exception carries a stable, machine-readable {@link #code()} (for example {@code
 * personal-id.length}) that integrators can switch on and that never changes between releases, and
 * a message for people. Messages never contain a whole personal identification number, token,
 * secret or full name.
 *
 * <p>Unchecked: callers decide where to handle it. There is exactly one subclass per kind of
 * reaction the caller owes, so a {@code catch} clause chooses the reaction and {@link #code()}
 * names the field and the rule:
 *
 * <ul>
 *   <li>{@link InvalidInputException}: fix the input (or the remote party refused it as invalid);
 *   <li>{@link ConfigurationException}: fix the configuration (settings, keys, credentials,
 *       dependencies);
 *   <li>{@link RetryLaterException}: the same call may succeed later (a remote party unavailable, a
 *       timeout, a transient database failure);
 *   <li>{@link SecurityRefusalException}: a security check refused the input; do not retry it as
 *       is.
 * </ul>
 */
public abstract sealed class MotcuaException extends RuntimeException
    permits InvalidInputException,
        ConfigurationException,
        RetryLaterException,
        SecurityRefusalException {

  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates an exception.
   *
   * @param code the stable machine-readable code, such as {@code personal-id.length}; not null
   * @param message a message for people, free of personal data; not null
   */
  protected MotcuaException(String code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable machine-readable code; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, may be null
   */
  protected MotcuaException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /**
   * Returns the stable machine-readable code of this failure.
   *
   * @return the code, never null
   */
  public String code() {
    return code;
  }

  @Override
  public String toString() {
    return getClass().getName() + " [" + code + "]: " + getMessage();
  }
}
