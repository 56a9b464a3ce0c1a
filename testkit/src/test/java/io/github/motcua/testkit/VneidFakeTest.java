package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.id.PersonalId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake validates what it receives, as the real provider would, over raw HTTP. */
class VneidFakeTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.create();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERIFIER = "v".repeat(43);

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  private static Map<String, String> authorizeParams() throws Exception {
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII));
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", VNEID.clientId());
    p.put("redirect_uri", VNEID.redirectUri().toString());
    p.put("scope", "openid");
    p.put("state", "state-1");
    p.put("nonce", "nonce-1");
    p.put("code_challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    p.put("code_challenge_method", "S256");
    return p;
  }

  private static URI authorize(Map<String, String> params) {
    return URI.create(VNEID.issuer() + "/oauth2/authorize?" + query(params));
  }

  private static String code(URI callback) {
    return List.of(callback.getQuery().split("&")).stream()
        .filter(s -> s.startsWith("code="))
        .findFirst()
        .orElseThrow()
        .substring(5);
  }

  private static HttpResponse<String> token(String code, String verifier)
      throws IOException, InterruptedException {
    String form =
        query(
            Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code,
                "redirect_uri",
                VNEID.redirectUri().toString(),
                "code_verifier",
                verifier,
                "client_id",
                VNEID.clientId(),
                "client_secret",
                VNEID.clientSecret()));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(VNEID.issuer() + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void namedPersonasHaveValidPersonalIds() {
    for (VneidPersona p :
        List.of(
            VneidPersona.NGUYEN_VAN_AN,
            VneidPersona.TRAN_THI_BINH,
            VneidPersona.LE_HOANG_CUONG,
            VneidPersona.SEN_VANG_COMPANY)) {
      assertThat(PersonalId.isValid(p.personalId())).as(p.handle()).isTrue();
    }
  }

  @Test
  void neverRedirectsToAnUnregisteredUri() throws Exception {
    Map<String, String> params = authorizeParams();
    params.put("redirect_uri", "https://attacker.example/cb");
    assertThatThrownBy(() -> VNEID.followAuthorization(authorize(params)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("400");
  }

  @Test
  void refusesAuthorizationWithoutPkce() throws Exception {
    Map<String, String> params = authorizeParams();
    params.remove("code_challenge");
    URI callback = VNEID.followAuthorization(authorize(params));
    assertThat(callback.getQuery()).contains("error=invalid_request").contains("state=state-1");
  }

  @Test
  void refusesCodeWithWrongVerifier() throws Exception {
    String code = code(VNEID.followAuthorization(authorize(authorizeParams())));
    HttpResponse<String> answer = token(code, "w".repeat(43));
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(answer.body()).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void codeIsSingleUse() throws Exception {
    String code = code(VNEID.followAuthorization(authorize(authorizeParams())));
    assertThat(token(code, VERIFIER).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = token(code, VERIFIER);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(replay.body()).path("error").asText()).isEqualTo("invalid_grant");
  }

  @Test
  void tokenAnswerCarriesSignedIdTokenWithTheCurrentKeyId() throws Exception {
    String code = code(VNEID.followAuthorization(authorize(authorizeParams())));
    JsonNode body = JSON.readTree(token(code, VERIFIER).body());
    String header =
        new String(
            Base64.getUrlDecoder().decode(body.path("id_token").asText().split("\\.")[0]),
            StandardCharsets.UTF_8);
    assertThat(JSON.readTree(header).path("kid").asText()).isEqualTo(VNEID.currentKeyId());
    assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
  }

  @Test
  void hostileQueriesGetAnErrorNotACrash() throws Exception {
    for (String q : List.of("", "a=1&a=2", "client_id=%E0%A4", "request_uri=urn:unknown")) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(VNEID.issuer() + "/oauth2/authorize?" + q))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(q).isEqualTo(400);
    }
  }

  @Test
  void aWrongPathIsToldTheEndpointsTheFakeServes() throws Exception {
    assertThat(Http.get(VNEID.issuer() + "/oauth2/tokn?client_secret=x")).isEqualTo(404);
    JsonNode reply = JSON.readTree(Http.getBody(VNEID.issuer() + "/oauth2/tokn?client_secret=x"));
    assertThat(reply.path("error").asText()).isEqualTo("not_found");
    assertThat(reply.path("error_description").asText())
        .startsWith("No such resource: GET /oauth2/tokn. This fake serves ")
        .contains("/.well-known/openid-configuration", "/oauth2/token", "/oauth2/logout")
        .doesNotContain("client_secret");
  }
}
