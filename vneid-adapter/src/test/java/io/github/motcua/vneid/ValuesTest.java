package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.Sex;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  private static final URI ISSUER = URI.create("https://sso.example.gov.vn");

  private static LoginRequest sample() {
    return new LoginRequest(
        "s".repeat(43),
        "n".repeat(43),
        "v".repeat(43),
        URI.create("https://app.example.vn/cb"),
        URI.create("https://sso.example.gov.vn/oauth2/authorize?client_id=x&request_uri=urn:y"),
        Instant.ofEpochSecond(1_780_000_000L));
  }

  @Test
  void loginRequestRoundTripsThroughItsSerialisedForm() {
    LoginRequest request = sample();
    assertThat(LoginRequest.parse(request.serialize())).isEqualTo(request);
  }

  @Test
  void loginRequestToStringHidesItsSecrets() {
    assertThat(sample().toString())
        .doesNotContain("sss")
        .doesNotContain("vvv")
        .doesNotContain("nnn");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "v1",
        "v1.a.b.c.1.x.y",
        "v1.sssssssssssssssssssssssssssssssss.nnnnnnnnnnnnnnnnnnnnnnnnnnnn.vvvvvvvvvvvvvvvvvvvvvvvvvv.abc.aA.aA",
        "v1....1..",
        "v1.a/b.c.d.1.e.f"
      })
  void refusesMalformedLoginRequests(String text) {
    assertThatThrownBy(() -> LoginRequest.parse(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("login-request.malformed"));
  }

  @Test
  void refusesUnknownLoginRequestVersion() {
    String v2 = "v2" + sample().serialize().substring(2);
    assertThatThrownBy(() -> LoginRequest.parse(v2))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("login-request.version"));
  }

  static Stream<String> randomMutations() {
    Random random = new Random(42);
    String good = sample().serialize();
    return IntStream.range(0, 200)
        .mapToObj(
            i -> {
              char[] c = good.toCharArray();
              int flips = 1 + random.nextInt(4);
              for (int f = 0; f < flips; f++) {
                c[random.nextInt(c.length)] = (char) (32 + random.nextInt(95));
              }
              return new String(c);
            });
  }

  @ParameterizedTest
  @MethodSource("randomMutations")
  void mutatedLoginRequestsParseOrFailWithACode(String text) {
    try {
      LoginRequest parsed = LoginRequest.parse(text);
      assertThat(parsed.serialize()).isNotNull();
    } catch (InvalidInputException e) {
      assertThat(e.code()).startsWith("login-request.");
    }
  }

  @Test
  void profileRefusesSymmetricAlgorithms() {
    assertThatThrownBy(
            () -> VneidProfile.builder(ISSUER).idTokenSigningAlgorithms(Set.of("HS256")).build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.id-token-algorithms"));
    assertThatThrownBy(
            () -> VneidProfile.builder(ISSUER).idTokenSigningAlgorithms(Set.of("none")).build())
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void defaultProfileFollowsTheNationalSingleSignOnShape() {
    VneidProfile p = VneidProfile.nationalSingleSignOn(ISSUER);
    assertThat(p.authorizationEndpoint()).hasToString(ISSUER + "/oauth2/authorize");
    assertThat(p.tokenEndpoint()).hasToString(ISSUER + "/oauth2/token");
    assertThat(p.userInfoEndpoint()).contains(URI.create(ISSUER + "/oauth2/userinfo"));
    assertThat(p.acrValues()).containsEntry(AssuranceLevel.LEVEL_2, "LoA2");
    assertThat(p.idTokenSigningAlgorithms()).containsExactlyInAnyOrder("RS256", "PS256", "ES256");
    assertThat(p.pushedAuthorizationRequestEndpoint()).isEmpty();
    assertThat(p.clientAssertionAudience()).isEqualTo(ISSUER);
  }

  @Test
  void profileFieldsAreOverriddenOneByOne() {
    VneidProfile p =
        VneidProfile.nationalSingleSignOn(ISSUER).toBuilder()
            .tokenEndpoint(URI.create("https://other.example/token"))
            .build();
    assertThat(p.tokenEndpoint()).hasToString("https://other.example/token");
    assertThat(p.authorizationEndpoint()).hasToString(ISSUER + "/oauth2/authorize");
  }

  @Test
  void profileRefusesRelativeEndpoint() {
    assertThatThrownBy(
            () -> VneidProfile.builder(ISSUER).tokenEndpoint(URI.create("/token")).build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.token-endpoint"));
  }

  @Test
  void claimNamesAreOverriddenOneByOne() {
    ClaimMapping m = ClaimMapping.defaults().toBuilder().personalId("so_cccd").build();
    assertThat(m.personalId()).isEqualTo("so_cccd");
    assertThat(m.fullName()).isEqualTo("HoVaTen");
    assertThat(m.dateOfBirth()).isEqualTo("NgayThangNamSinh");
    assertThat(m.assuranceLevel()).isEqualTo("loAs");
    assertThat(ClaimMapping.defaults().personalId()).isEqualTo("SoDinhDanh");
  }

  @Test
  void dateOfBirthPatternIsStrict() {
    ClaimMapping m = ClaimMapping.defaults();
    assertThat(LocalDate.parse("19900415", m.dateOfBirthFormatter()))
        .isEqualTo(LocalDate.of(1990, 4, 15));
    assertThatThrownBy(() -> LocalDate.parse("20230231", m.dateOfBirthFormatter()))
        .isInstanceOf(java.time.format.DateTimeParseException.class);
  }

  @Test
  void claimMappingRefusesBlankName() {
    assertThatThrownBy(() -> ClaimMapping.builder().fullName(" ").build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.claims.full-name"));
  }

  @Test
  void identityToStringMasksPersonalData() {
    CitizenIdentity id =
        CitizenIdentity.builder()
            .subject("subject-123456")
            .personalId(PersonalId.parse("001090012345"))
            .fullName("Nguyễn Văn An")
            .dateOfBirth(LocalDate.of(1990, 4, 15))
            .sex(Sex.MALE)
            .phone("0912345678")
            .email("an.nguyen@example.vn")
            .assuranceLevel(AssuranceLevel.LEVEL_2)
            .rawClaims(Map.of("SoDinhDanh", "001090012345"))
            .build();
    String text = id.toString();
    assertThat(text)
        .doesNotContain("001090012345")
        .doesNotContain("Nguyễn Văn An")
        .doesNotContain("Văn")
        .doesNotContain("1990")
        .doesNotContain("0912345678")
        .doesNotContain("an.nguyen")
        .doesNotContain("subject-123456")
        .contains("001******345")
        .contains("N* V* A*");
  }

  @Test
  void clientAuthenticationToStringHidesTheSecret() {
    assertThat(ClientAuthentication.clientSecretPost("top-secret-value").toString())
        .doesNotContain("top-secret-value");
  }

  @Test
  void privateKeyJwtRefusesAPublicKey() {
    assertThatThrownBy(
            () -> ClientAuthentication.privateKeyJwt(TestClients.CLIENT_RSA_KEY.toPublicJWK()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.client-authentication"));
  }

  @Test
  void clientBuilderNamesTheMissingSetting() {
    assertThatThrownBy(() -> VneidClient.builder().issuer(ISSUER).build())
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.code()).isEqualTo("config.client-id"));
    assertThatThrownBy(
            () ->
                VneidClient.builder()
                    .issuer(ISSUER)
                    .clientId("x")
                    .clientAuthentication(ClientAuthentication.clientSecretBasic("s"))
                    .redirectUri(URI.create("https://app.example.vn/cb"))
                    .scopes(java.util.List.of("profile"))
                    .build())
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.code()).isEqualTo("config.scopes"));
  }

  @Test
  void promptValuesAreChecked() {
    assertThatThrownBy(() -> LoginOptions.builder().prompt("always"))
        .isInstanceOf(ConfigurationException.class);
  }
}
