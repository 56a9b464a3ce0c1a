package io.github.motcua.core;

/**
 * Fix the configuration: a setting is missing or malformed, a key or certificate is unusable, a
 * remote party refused our credentials, an optional dependency is missing from the class path, a
 * store cannot give the durability asked of it, or a test fake was used against its contract.
 * Retrying without changing the configuration gives the same result.
 *
 * <p>{@link #code()} names the setting and the rule, for example {@code portal.config.base-url} or
 * {@code signing-key.alias}.
 */
public final class ConfigurationException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   */
  public ConfigurationException(String code, String message) {
    this(code, message, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, may be null
   */
  public ConfigurationException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
