package io.github.motcua.vneid.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.vneid.ClientAuthentication;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;

/**
 * Adds client authentication to a token or pushed-authorization request (OpenID Connect Core 9, RFC
 * 6749 2.3.1, RFC 7523). Stateless and thread-safe.
 */
public final class ClientAuthenticator {

  private ClientAuthenticator() {}

  /**
   * Adds the client's credentials to a request.
   *
   * @param auth the authentication
   * @param clientId the client id
   * @param audience the client assertion's audience
   * @param clock the clock for the assertion's times
   * @param randoms the source of the assertion id
   * @param form the form parameters, added to
   * @param headers the headers, added to
   */
  public static void apply(
      ClientAuthentication auth,
      String clientId,
      URI audience,
      Clock clock,
      Randoms randoms,
      Map<String, String> form,
      Map<String, String> headers) {
    switch (auth.method()) {
      case CLIENT_SECRET_BASIC -> {
        // RFC 6749 2.3.1: both parts form-urlencoded before Base64.
        String pair = formEncode(clientId) + ":" + formEncode(auth.secret().orElseThrow());
        headers.put(
            "Authorization",
            "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
      }
      case CLIENT_SECRET_POST -> {
        form.put("client_id", clientId);
        form.put("client_secret", auth.secret().orElseThrow());
      }
      case PRIVATE_KEY_JWT -> {
        form.put("client_id", clientId);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion(auth, clientId, audience, clock, randoms));
      }
    }
  }

  private static String assertion(
      ClientAuthentication auth, String clientId, URI audience, Clock clock, Randoms randoms) {
    Instant now = clock.instant();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(clientId)
            .subject(clientId)
            .audience(audience.toString())
            .jwtID(randoms.token(24))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(60)))
            .build();
    JWSHeader header =
        new JWSHeader.Builder(auth.algorithm().orElseThrow())
            .keyID(auth.key().orElseThrow().getKeyID())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(
          new DefaultJWSSignerFactory()
              .createJWSSigner(auth.key().orElseThrow(), header.getAlgorithm()));
    } catch (JOSEException e) {
      throw new ConfigurationException(
          "config.client-authentication",
          "The client assertion cannot be signed with the client key.");
    }
    return jwt.serialize();
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
