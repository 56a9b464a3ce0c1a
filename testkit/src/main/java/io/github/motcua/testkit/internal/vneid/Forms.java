package io.github.motcua.testkit.internal.vneid;

import io.github.motcua.testkit.internal.FormParameters;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Reads and writes {@code application/x-www-form-urlencoded} text. Stateless. */
final class Forms {

  private Forms() {}

  /**
   * Parses a query or form body.
   *
   * @param text the text, may be null
   * @return the parameters, or null when a parameter repeats or the encoding is broken
   */
  static Map<String, String> parse(String text) {
    try {
      return FormParameters.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
