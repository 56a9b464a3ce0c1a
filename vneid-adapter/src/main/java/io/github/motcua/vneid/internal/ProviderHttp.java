package io.github.motcua.vneid.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
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
 * failures turned into {@link MotcuaException}s whose messages hold no token or secret.
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
   * @throws MotcuaException on a network failure, an error answer or a non-object answer
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
   * @throws MotcuaException on a network failure, an error answer or a non-object answer
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
        String code = what + ".rejected";
        String message =
            "The provider's "
                + what
                + " endpoint answered HTTP "
                + response.code()
                + (error == null ? "" : " with error '" + error + "'")
                + ".";
        int status = response.code();
        if (status >= 500 || status == 429) {
          // The provider is failing or busy: the same request may succeed later.
          throw new RetryLaterException(code, message);
        }
        if (status == 401
            || "invalid_client".equals(error)
            || "unauthorized_client".equals(error)) {
          // Our client credentials or registration were refused.
          throw new ConfigurationException(code, message);
        }
        throw new SecurityRefusalException(code, message);
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
        throw new SecurityRefusalException(
            what + ".response-invalid",
            "The provider's " + what + " endpoint did not answer a JSON object.",
            null);
      }
      return node;
    } catch (InterruptedIOException e) {
      throw new RetryLaterException(
          "provider.timeout",
          "The provider's " + what + " endpoint did not answer in time; try again later.",
          e);
    } catch (IOException e) {
      throw new RetryLaterException(
          "provider.unreachable",
          "The provider's " + what + " endpoint cannot be reached: " + e.getClass().getSimpleName(),
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
