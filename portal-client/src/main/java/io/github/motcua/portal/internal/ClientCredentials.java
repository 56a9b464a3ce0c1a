package io.github.motcua.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * An OAuth2 client-credentials grant (RFC 6749 §4.4): client id and secret by HTTP Basic, the token
 * renewed a margin before it expires (at most half its lifetime).
 *
 * @param portal the party's name, for messages
 * @param tokenUrl the token endpoint
 * @param clientId the client id
 * @param clientSecret the secret
 * @param scope the scope, or null
 * @param refreshMargin how long before expiry to renew
 */
public record ClientCredentials(
    String portal,
    HttpUrl tokenUrl,
    String clientId,
    String clientSecret,
    String scope,
    Duration refreshMargin) {

  /**
   * Obtains a token.
   *
   * @param http the calls
   * @param mapper the JSON mapper
   * @param clock the clock of expiry
   * @return the token and when to renew it
   * @throws IOException when the network fails
   */
  public SingleFlight.Expiring<String> obtain(PortalHttp http, ObjectMapper mapper, Clock clock)
      throws IOException {
    FormBody.Builder form = new FormBody.Builder().add("grant_type", "client_credentials");
    if (scope != null) {
      form.add("scope", scope);
    }
    Reply reply =
        http.send(
            new Request.Builder()
                .url(tokenUrl)
                .header("Authorization", Credentials.basic(clientId, clientSecret))
                .post(form.build())
                .build());
    JsonNode node = PortalCalls.objectOrNull(mapper, reply.body());
    String token = node == null ? "" : node.path("access_token").asText("");
    if (reply.status() != 200 || token.isEmpty()) {
      if (reply.status() == 200) {
        throw new RetryLaterException(
            "portal.protocol.token",
            Failures.detail(
                "The " + portal + " token endpoint's reply has no access_token.",
                reply.status(),
                null,
                reply.requestId()),
            null);
      }
      String code = node == null ? null : node.path("error").asText(null);
      if (code == null && node != null) {
        code = node.path("code").asText(null);
      }
      throw new ConfigurationException(
          "portal.auth.token",
          Failures.detail(
              "The " + portal + " token endpoint refused the client credentials.",
              reply.status(),
              code,
              reply.requestId()));
    }
    long expiresIn = node.path("expires_in").asLong(0);
    Instant refreshAt = null;
    if (expiresIn > 0) {
      Duration lifetime = Duration.ofSeconds(expiresIn);
      Duration margin = refreshMargin;
      if (margin.compareTo(lifetime.dividedBy(2)) > 0) {
        margin = lifetime.dividedBy(2);
      }
      refreshAt = clock.instant().plus(lifetime).minus(margin);
    }
    return new SingleFlight.Expiring<>(token, refreshAt);
  }
}
