package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.sun.net.httpserver.HttpServer;
import io.github.motcua.core.MotcuaException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Discovery documents as OpenID Connect Discovery 1.0 (section 3), RFC 9126 (section 5) and RFC
 * 9207 (section 3) define their metadata, served from a plain loopback server so that each test can
 * shape one: every endpoint is read the same way, and malformed metadata fails discovery.
 */
class DiscoveryTest {

  private static HttpServer server;
  private static final AtomicReference<String> DOCUMENT = new AtomicReference<>("{}");
  private static String issuer;

  @BeforeAll
  static void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/.well-known/openid-configuration",
        exchange -> {
          byte[] body = DOCUMENT.get().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    issuer = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterAll
  static void stop() {
    server.stop(0);
  }

  /** A complete document; {@code changes} replace or (with a null value) remove members. */
  private static void serve(Map<String, String> changes) {
    Map<String, String> doc = new LinkedHashMap<>();
    doc.put("issuer", quote(issuer));
    doc.put("authorization_endpoint", quote(issuer + "/authorize"));
    doc.put("token_endpoint", quote(issuer + "/token"));
    doc.put("jwks_uri", quote(issuer + "/jwks"));
    doc.put("userinfo_endpoint", quote(issuer + "/userinfo"));
    doc.put("end_session_endpoint", quote(issuer + "/logout"));
    doc.putAll(changes);
    DOCUMENT.set(
        doc.entrySet().stream()
            .filter(e -> e.getValue() != null)
            .map(e -> quote(e.getKey()) + ":" + e.getValue())
            .collect(Collectors.joining(",", "{", "}")));
  }

  private static String quote(String text) {
    return "\"" + text + "\"";
  }

  private static VneidClient client() {
    return VneidClient.builder()
        .issuer(URI.create(issuer))
        .clientId("commune")
        .clientAuthentication(ClientAuthentication.clientSecretBasic("secret"))
        .redirectUri(URI.create("https://mot-cua.example.vn/callback"))
        .build();
  }

  @Test
  void absentOptionalEndpointsAreAbsentNotTheDefaultProfilesGuesses() {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("userinfo_endpoint", null);
    changes.put("end_session_endpoint", null);
    serve(changes);

    VneidProfile profile = client().profile();

    assertThat(profile.userInfoEndpoint()).isEmpty();
    assertThat(profile.endSessionEndpoint()).isEmpty();
    assertThat(profile.pushedAuthorizationRequestEndpoint()).isEmpty();
    assertThat(profile.issuerParameterRequired()).isFalse();
    assertThat(profile.pushedAuthorizationRequestsRequired()).isFalse();
  }

  @Test
  void theFlagsAreRead() {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put("pushed_authorization_request_endpoint", quote(issuer + "/par"));
    changes.put("require_pushed_authorization_requests", "true");
    changes.put("authorization_response_iss_parameter_supported", "true");
    serve(changes);

    VneidProfile profile = client().profile();

    assertThat(profile.pushedAuthorizationRequestEndpoint()).contains(URI.create(issuer + "/par"));
    assertThat(profile.pushedAuthorizationRequestsRequired()).isTrue();
    assertThat(profile.issuerParameterRequired()).isTrue();
  }

  /**
   * Each endpoint, required or optional, is refused alike when it is not an absolute http(s) URI.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "authorization_endpoint | 42",
        "token_endpoint | \"/relative/token\"",
        "jwks_uri | {\"uri\":\"x\"}",
        "userinfo_endpoint | \"ftp://127.0.0.1/userinfo\"",
        "end_session_endpoint | \"https://sso.example.gov.vn/logout#frag\"",
        "pushed_authorization_request_endpoint | true",
        "token_endpoint | null",
        "require_pushed_authorization_requests | \"true\"",
        "authorization_response_iss_parameter_supported | 1"
      })
  void malformedMetadataFailsDiscovery(String member, String json) {
    Map<String, String> changes = new LinkedHashMap<>();
    changes.put(member, json);
    if (member.equals("require_pushed_authorization_requests")) {
      changes.put("pushed_authorization_request_endpoint", quote(issuer + "/par"));
    }
    serve(changes);

    Throwable e = catchThrowable(() -> client().profile());

    assertThat(e).isInstanceOf(MotcuaException.class);
    assertThat(((MotcuaException) e).code()).isEqualTo("provider.discovery");
  }

  @Test
  void aDocumentThatNamesAnEndpointTwiceFailsDiscovery() {
    serve(Map.of());
    String twice =
        DOCUMENT.get().replaceFirst("\\{", "{\"token_endpoint\":\"https://elsewhere.example/t\",");
    DOCUMENT.set(twice);

    Throwable e = catchThrowable(() -> client().profile());

    assertThat(((MotcuaException) e).code()).isEqualTo("provider.discovery");
  }

  @Test
  void requiringPushedRequestsWithoutTheEndpointFailsDiscovery() {
    serve(Map.of("require_pushed_authorization_requests", "true"));

    Throwable e = catchThrowable(() -> client().profile());

    assertThat(((MotcuaException) e).code()).isEqualTo("provider.discovery");
    assertThat(e.getMessage()).contains("pushed_authorization_request_endpoint");
  }
}
