package io.github.motcua.portal.internal;

import io.github.motcua.core.ConfigurationException;
import okhttp3.HttpUrl;

/** Base URL handling shared by the clients. */
public final class Urls {

  private Urls() {}

  /**
   * Parses a base URL and makes it end with {@code /} so that relative paths resolve below it.
   *
   * @param text the URL
   * @param setting the setting name for the error code
   * @return the URL
   * @throws ConfigurationException when the text is not an http(s) URL
   */
  public static HttpUrl base(String text, String setting) {
    HttpUrl url = text == null ? null : HttpUrl.parse(text.endsWith("/") ? text : text + "/");
    if (url == null) {
      throw new ConfigurationException(
          "portal.config." + setting, setting + " is not an http(s) URL.");
    }
    return url;
  }

  /**
   * Resolves a path below a base URL.
   *
   * @param base the base, ending with {@code /}
   * @param path the path, with or without a leading {@code /}
   * @param setting the setting name for the error code
   * @return the URL
   */
  public static HttpUrl resolve(HttpUrl base, String path, String setting) {
    HttpUrl url = base.resolve(path.startsWith("/") ? path.substring(1) : path);
    if (url == null) {
      throw new ConfigurationException(
          "portal.config." + setting, setting + " is not a valid path.");
    }
    return url;
  }
}
