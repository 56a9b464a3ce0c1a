package io.github.motcua.portal;

/**
 * A client, profile or policy was built with a missing or invalid setting. The {@link #code()}
 * names the setting, such as {@code portal.config.base-url}.
 */
public class PortalConfigurationException extends PortalException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param setting the setting, used in the code {@code portal.config.<setting>}
   * @param message what is wrong, free of secrets
   */
  public PortalConfigurationException(String setting, String message) {
    super("portal.config." + setting, message, 0, null, null, null);
  }
}
