package io.github.motcua.vneid.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.vneid.ProviderException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * JSON calls to the provider's endpoints through the integrator's {@link OkHttpClient}, with
 * failures turned into {@link ProviderException}s whose messages hold no token or secret.
 * Thread-safe.
 */
public final class ProviderHttp {

  private final OkHttpClient http;
  private final ObjectMapper json;
  private final int maxBody;

  /**
   * Creates the helper.
   *
   * @param http the HTTP client
   * @param json the JSON mapper
   * @param maxBody the largest accepted answer, in bytes
   */
  public ProviderHttp(OkHttpClient http, ObjectMapper json, int maxBody) {
    this.http = Objects.requireNonNull(http, "http");
    this.json = Objects.requireNonNull(json, "json");
    this.maxBody = maxBody;
  }

  /**
   * Sends a GET and reads a JSON object.
   *
   * @param uri the endpoint
   * @param bearer an access token for the {@code Authorization} header, or null
   * @param what the endpoint's name in codes, such as {@code userinfo}
   * @return the JSON object
   * @throws ProviderException on a network failure, an error answer or a non-object answer
   */
  public JsonNode get(URI uri, String bearer, String what) {
    Request.Builder request =
        new Request.Builder().url(uri.toString()).get().header("Accept", "application/json");
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return execute(request.build(), what);
  }

  /**
   * Sends a form POST and reads a JSON object.
   *
   * @param uri the endpoint
   * @param form the form parameters
   * @param headers extra headers (client authentication)
   * @param what the endpoint's name in codes, such as {@code token}
   * @return the JSON object
   * @throws ProviderException on a network failure, an error answer or a non-object answer
   */
  public JsonNode post(
      URI uri, Map<String, String> form, Map<String, String> headers, String what) {
    FormBody.Builder body = new FormBody.Builder();
    form.forEach(body::add);
    Request.Builder request =
        new Request.Builder()
            .url(uri.toString())
            .post(body.build())
            .header("Accept", "application/json");
    headers.forEach(request::header);
    return execute(request.build(), what);
  }

  private JsonNode execute(Request request, String what) {
    try (Response response = http.newCall(request).execute()) {
      String text = OkHttpResourceRetriever.readLimited(response.body(), maxBody);
      if (!response.isSuccessful()) {
        String error = null;
        try {
          JsonNode node = json.readTree(text);
          if (node != null && node.path("error").isTextual()) {
            error = sanitise(node.path("error").asText());
          }
        } catch (JsonProcessingException e) {
          // Not JSON: the status alone says what happened.
        }
        throw new ProviderException(
            what + ".rejected",
            "The provider's "
                + what
                + " endpoint answered HTTP "
                + response.code()
                + (error == null ? "" : " with error '" + error + "'")
                + ".",
            response.code(),
            error,
            null);
      }
      JsonNode node;
      try {
        // A name repeated in one object would let two readers see two answers: refused.
        node =
            json.reader().with(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).readTree(text);
      } catch (JsonProcessingException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        throw new ProviderException(
            what + ".response-invalid",
            "The provider's " + what + " endpoint did not answer a JSON object.",
            response.code(),
            null,
            null);
      }
      return node;
    } catch (InterruptedIOException e) {
      throw new ProviderException(
          "provider.timeout",
          "The provider's " + what + " endpoint did not answer in time; try again later.",
          0,
          null,
          e);
    } catch (IOException e) {
      throw new ProviderException(
          "provider.unreachable",
          "The provider's " + what + " endpoint cannot be reached: " + e.getClass().getSimpleName(),
          0,
          null,
          e);
    }
  }

  /**
   * Keeps a provider-supplied code printable and short, so that it is safe to log.
   *
   * @param code the code as received
   * @return printable ASCII, at most 64 characters
   */
  public static String sanitise(String code) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < code.length() && s.length() < 64; i++) {
      char c = code.charAt(i);
      s.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return s.toString();
  }
}
