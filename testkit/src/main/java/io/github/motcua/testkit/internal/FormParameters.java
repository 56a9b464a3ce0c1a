package io.github.motcua.testkit.internal;

import com.github.tomakehurst.wiremock.common.Urls;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a query or an {@code application/x-www-form-urlencoded} body, as every fake needs to, with
 * WireMock's own parser: names and values percent-decoded as UTF-8, {@code +} as a space. Strict
 * where a real authorization server or portal is: a parameter that repeats (however its name is
 * encoded) and a broken escape are refused. Empty pairs are ignored. Stateless.
 */
public final class FormParameters {

  private FormParameters() {}

  /**
   * Parses the text.
   *
   * @param text the query (without {@code ?}) or form body; may be null or empty
   * @return the parameters in their order, a parameter without {@code =} with an empty value
   * @throws IllegalArgumentException when an escape is broken or a parameter repeats; the message
   *     names the parameter
   */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, QueryParameter> e : Urls.splitQuery(text).entrySet()) {
      if (e.getKey().isEmpty()) {
        continue;
      }
      if (!e.getValue().isSingleValued()) {
        throw new IllegalArgumentException("The parameter '" + e.getKey() + "' repeats.");
      }
      out.put(e.getKey(), e.getValue().firstValue());
    }
    return out;
  }
}
