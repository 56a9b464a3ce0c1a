package io.github.motcua.vneid;

import static io.github.motcua.vneid.TestClients.login;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.Sex;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidPersona;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LoginFlowTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.create();

  @RegisterExtension
  static final VneidFake VNEID_WITH_PAR =
      VneidFake.builder().seed(2).pushedAuthorizationRequests(true, true).build();

  @AfterEach
  void signedOnly() {
    VNEID.encryptIdTokensTo(null);
    VNEID_WITH_PAR.encryptIdTokensTo(null);
  }

  static Stream<Arguments> everyCombination() {
    List<Arguments> out = new ArrayList<>();
    for (TestClients.Auth auth : TestClients.Auth.values()) {
      for (boolean par : new boolean[] {false, true}) {
        for (String encryption : new String[] {"none", "RSA-OAEP-256", "ECDH-ES"}) {
          out.add(Arguments.of(auth, par, encryption));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}, PAR {1}, encryption {2}")
  @MethodSource("everyCombination")
  void completesLoginWithEveryClientAuthenticationParAndEncryption(
      TestClients.Auth auth, boolean par, String encryption) {
    VneidFake fake = par ? VNEID_WITH_PAR : VNEID;
    JWK decryptionKey =
        switch (encryption) {
          case "RSA-OAEP-256" -> TestClients.ENCRYPTION_RSA_KEY;
          case "ECDH-ES" -> TestClients.ENCRYPTION_EC_KEY;
          default -> null;
        };
    fake.encryptIdTokensTo(decryptionKey);
    VneidClient client =
        TestClients.builder(fake)
            .clientAuthentication(auth.of(fake))
            .idTokenDecryptionKey(decryptionKey)
            .build();

    LoginRequest request = client.startLogin();
    assertThat(request.authorizationUri().getQuery().contains("request_uri=")).isEqualTo(par);
    CitizenLogin login =
        client.completeLogin(fake.followAuthorization(request.authorizationUri()), request);

    assertThat(login.identity().subject()).isEqualTo(VneidPersona.NGUYEN_VAN_AN.subject());
    assertThat(login.identity().personalId()).contains(PersonalId.parse("001090012345"));
    if (decryptionKey != null) {
      assertThat(login.idToken().split("\\.")).hasSize(5);
    }
  }

  @Test
  void pushedRequestKeepsParametersOffTheBrowserUrl() {
    VneidClient client = TestClients.client(VNEID_WITH_PAR);
    LoginRequest request = client.startLogin();
    HttpUrl url = HttpUrl.get(request.authorizationUri());
    assertThat(url.queryParameterNames()).containsExactlyInAnyOrder("client_id", "request_uri");
  }

  @Test
  void unpushedRequestCarriesStateNoncePkceAndAcr() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request =
        client.startLogin(
            LoginOptions.builder()
                .prompt("login")
                .uiLocale(Locale.forLanguageTag("vi-VN"))
                .loginHint("hint-value")
                .assuranceLevel(AssuranceLevel.LEVEL_2)
                .build());
    HttpUrl url = HttpUrl.get(request.authorizationUri());
    assertThat(url.queryParameter("state")).isEqualTo(request.state());
    assertThat(url.queryParameter("nonce")).isEqualTo(request.nonce());
    assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(url.queryParameter("code_challenge")).hasSize(43);
    assertThat(url.queryParameter("acr_values")).isEqualTo("LoA2");
    assertThat(url.queryParameter("prompt")).isEqualTo("login");
    assertThat(url.queryParameter("ui_locales")).isEqualTo("vi-VN");
    assertThat(url.queryParameter("login_hint")).isEqualTo("hint-value");
    assertThat(url.queryParameter("scope")).isEqualTo("openid");
  }

  @Test
  void twoLoginsHaveDistinctStateNonceAndVerifier() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest a = client.startLogin();
    LoginRequest b = client.startLogin();
    assertThat(a.state()).isNotEqualTo(b.state());
    assertThat(a.nonce()).isNotEqualTo(b.nonce());
    assertThat(a.codeVerifier()).isNotEqualTo(b.codeVerifier());
  }

  @Test
  void mapsEveryCitizenClaim() {
    CitizenIdentity id = login(TestClients.client(VNEID), VNEID).identity();
    assertThat(id.accountKind()).isEqualTo(AccountKind.CITIZEN);
    assertThat(id.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_2);
    assertThat(id.fullName()).contains("Nguyễn Văn An");
    assertThat(id.dateOfBirth()).contains(LocalDate.of(1990, 4, 15));
    assertThat(id.sex()).contains(Sex.MALE);
    assertThat(id.phone()).contains("0912345678");
    assertThat(id.email()).contains("an.nguyen@example.vn");
    assertThat(id.taxCode()).contains(TaxCode.parse("001090012345"));
    assertThat(id.organisationName()).isEmpty();
    assertThat(id.rawClaims()).containsEntry("loginIdp", "VNeID");
  }

  @Test
  void mapsOrganisationAccount() {
    VNEID.loginAs(VneidPersona.SEN_VANG_COMPANY);
    CitizenIdentity id = login(TestClients.client(VNEID), VNEID).identity();
    assertThat(id.accountKind()).isEqualTo(AccountKind.ORGANISATION);
    assertThat(id.organisationName()).contains("Công ty TNHH Thương mại Sen Vàng");
    assertThat(id.organisationTaxCode()).contains(TaxCode.parse("0109124451"));
    assertThat(id.personalId()).contains(PersonalId.parse("001080005678"));
  }

  @Test
  void acceptsLevelOneByDefault() {
    VNEID.loginAs(VneidPersona.TRAN_THI_BINH);
    CitizenIdentity id = login(TestClients.client(VNEID), VNEID).identity();
    assertThat(id.assuranceLevel()).isEqualTo(AssuranceLevel.LEVEL_1);
    assertThat(id.sex()).contains(Sex.FEMALE);
    assertThat(id.email()).isEmpty();
  }

  @Test
  void refusesLevelOneWhenLevelTwoIsRequired() {
    VNEID.loginAs(VneidPersona.TRAN_THI_BINH);
    VneidClient client =
        TestClients.builder(VNEID).minimumAssuranceLevel(AssuranceLevel.LEVEL_2).build();
    assertThatThrownBy(() -> login(client, VNEID))
        .isInstanceOfSatisfying(
            SecurityRefusalException.class,
            e -> {
              assertThat(e.code()).isEqualTo("assurance.insufficient");
              assertThat(e.getMessage()).contains(AssuranceLevel.LEVEL_1.toString());
            });
  }

  @ParameterizedTest
  @MethodSource("algorithms")
  void validatesEveryDefaultSignatureAlgorithm(JWSAlgorithm alg) {
    try (VneidFake fake = VneidFake.builder().signingAlgorithm(alg).seed(3).build().start()) {
      CitizenLogin login = login(TestClients.client(fake), fake);
      assertThat(login.identity().subject()).isEqualTo(VneidPersona.NGUYEN_VAN_AN.subject());
    }
  }

  static Stream<JWSAlgorithm> algorithms() {
    return Stream.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);
  }

  @Test
  void worksFromAProfileWithoutDiscovery() {
    VneidClient client =
        TestClients.builder(VNEID)
            .issuer(null)
            .profile(VneidProfile.nationalSingleSignOn(VNEID.issuer()))
            .build();
    assertThat(login(client, VNEID).identity().personalId()).isPresent();
  }

  @Test
  void completesAfterTheRequestWentThroughTheSession() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    String session = request.serialize();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    CitizenLogin login = client.completeLogin(callback, LoginRequest.parse(session));
    assertThat(login.identity().subject()).isEqualTo(VneidPersona.NGUYEN_VAN_AN.subject());
  }

  @Test
  void refreshIssuesNewTokensAndRotatesTheRefreshToken() {
    VneidClient client = TestClients.client(VNEID);
    CitizenLogin first = login(client, VNEID);
    CitizenLogin refreshed = client.refresh(first);
    assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
    assertThat(refreshed.identity()).isEqualTo(first.identity());
    assertThatThrownBy(() -> client.refresh(first))
        .isInstanceOfSatisfying(
            SecurityRefusalException.class,
            e -> {
              assertThat(e.code()).isEqualTo("refresh.rejected");
              assertThat(e.getMessage()).contains("'invalid_grant'");
            });
  }

  @Test
  void logoutUriEndsTheSessionAtTheProvider() {
    VneidClient client = TestClients.client(VNEID);
    CitizenLogin login = login(client, VNEID);
    int before = VNEID.endedSessionCount();
    URI logout = client.logoutUri(login, VNEID.postLogoutRedirectUri());
    URI back = VNEID.followAuthorization(logout);
    assertThat(back.toString()).startsWith(VNEID.postLogoutRedirectUri().toString());
    assertThat(VNEID.endedSessionCount()).isEqualTo(before + 1);
    assertThatThrownBy(() -> client.refresh(login))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("refresh.rejected"));
  }

  @Test
  void oneClientServesConcurrentLogins() throws Exception {
    VneidClient client = TestClients.client(VNEID);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<CitizenLogin>> logins = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        logins.add(pool.submit(() -> login(client, VNEID)));
      }
      for (java.util.concurrent.Future<CitizenLogin> f : logins) {
        assertThat(f.get(60, java.util.concurrent.TimeUnit.SECONDS).identity().subject())
            .isEqualTo(VneidPersona.NGUYEN_VAN_AN.subject());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
