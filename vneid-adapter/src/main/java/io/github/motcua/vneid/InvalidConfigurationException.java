package io.github.motcua.vneid;

/**
 * Thrown when a {@link VneidClient}, {@link VneidProfile}, {@link ClaimMapping}, {@link
 * ClientAuthentication} or {@link LoginOptions} is built with a missing or invalid setting. The
 * code is {@code config.<setting>}, for example {@code config.client-id} or {@code
 * config.redirect-uri}.
 */
public class InvalidConfigurationException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception for a setting.
   *
   * @param setting the setting's name, such as {@code client-id}
   * @param message what is wrong and how to fix it
   */
  public InvalidConfigurationException(String setting, String message) {
    super("config." + setting, message);
  }
}
