package io.github.motcua.testkit.internal.vneid;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key =
            URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value =
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        if (out.putIfAbsent(key, value) != null) {
          return null;
        }
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return out;
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
