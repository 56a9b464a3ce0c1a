package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.motcua.testkit.Interop;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidPersona;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interoperability with an independent JOSE implementation, the npm package {@code jose} run with
 * Node.js. The package is looked up in {@code $MOTCUA_JOSE_DIR/node_modules/jose} (set by {@code
 * .ci/run}), else in {@code target/node-jose/node_modules/jose}; install it with {@code npm install
 * --prefix target/node-jose jose@6}. Skipped, with a message, when node or the package is missing;
 * failed under {@code -Dmotcua.requireInterop=true}.
 */
class JoseInteropTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.builder().seed(8).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path work;

  private static Path script;

  @BeforeAll
  static void findJose() throws IOException {
    String env = System.getenv("MOTCUA_JOSE_DIR");
    Path dir = env != null && !env.isBlank() ? Paths.get(env) : Paths.get("target", "node-jose");
    Path jose = dir.resolve("node_modules").resolve("jose");
    Interop interop = Interop.fromSystemProperty();
    interop.require(nodeWorks(), "node", "nodejs", "the jose interoperability test");
    interop.require(
        Files.isDirectory(jose),
        "the npm package jose under " + dir.toAbsolutePath(),
        "npm, then npm install --prefix target/node-jose jose@6, or set MOTCUA_JOSE_DIR",
        "the jose interoperability test");
    Files.createSymbolicLink(
        work.resolve("node_modules"), dir.resolve("node_modules").toAbsolutePath());
    script = work.resolve("jose-interop.mjs");
    try (InputStream in = JoseInteropTest.class.getResourceAsStream("/interop/jose-interop.mjs")) {
      Files.copy(in, script);
    }
  }

  private static boolean nodeWorks() {
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String node(String mode, Object request) {
    try {
      Process p =
          new ProcessBuilder("node", script.toString(), mode)
              .directory(work.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      p.getOutputStream().write(JSON.writeValueAsBytes(request));
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).as("node exit status").isZero();
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Stream<Object[]> keys() {
    return Stream.of(
        new Object[] {TestClients.rsa("jose-rsa", 21), "RS256"},
        new Object[] {TestClients.rsa("jose-rsa-pss", 22), "PS256"},
        new Object[] {TestClients.ec("jose-ec", 23), "ES256"});
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("keys")
  void idTokensSignedByJoseValidateInMotcua(JWK key, String alg) {
    VNEID.publishKey(key);
    VNEID.signIdTokensWith(
        (JWTClaimsSet claims) ->
            node(
                "sign",
                Map.of("jwk", key.toJSONObject(), "alg", alg, "claims", claims.toJSONObject())));
    VneidClient client = TestClients.client(VNEID);

    CitizenLogin login = TestClients.login(client, VNEID);

    assertThat(login.identity().subject()).isEqualTo(VneidPersona.NGUYEN_VAN_AN.subject());
    assertThat(login.idToken()).contains(".");
  }

  @Test
  void idTokensSignedByTheFakeValidateInJose() throws IOException {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    CitizenLogin login =
        client.completeLogin(VNEID.followAuthorization(request.authorizationUri()), request);

    JsonNode verified =
        JSON.readTree(
            node(
                "verify",
                Map.of(
                    "jwks", JSON.readTree(VNEID.publicJwks()),
                    "token", login.idToken(),
                    "issuer", VNEID.issuer().toString(),
                    "audience", VNEID.clientId())));

    assertThat(verified.path("sub").asText()).isEqualTo(login.identity().subject());
    assertThat(verified.path("nonce").asText()).isEqualTo(request.nonce());
    assertThat(verified.path("alg").asText()).isEqualTo(JWSAlgorithm.RS256.getName());
  }
}
