package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.testkit.VneidFake;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.builder().seed(4).build();

  private static void assertCode(Throwable e, Class<?> type, String code) {
    assertThat(e).isInstanceOf(type);
    assertThat(((MotcuaException) e).code()).isEqualTo(code);
  }

  @Test
  void refusesCallbackOfAnotherLoginRequest() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest mine = client.startLogin();
    LoginRequest other = client.startLogin();
    URI otherCallback = VNEID.followAuthorization(other.authorizationUri());
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(otherCallback, mine));
    assertCode(e, MotcuaException.class, "callback.state-mismatch");
  }

  @Test
  void refusesReplayedCode() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    client.completeLogin(callback, request);
    assertThatThrownBy(() -> client.completeLogin(callback, request))
        .isInstanceOfSatisfying(
            SecurityRefusalException.class,
            e -> {
              assertThat(e.code()).isEqualTo("token.rejected");
              assertThat(e.getMessage()).contains("'invalid_grant'").contains("HTTP 400");
            });
  }

  @Test
  void turnsErrorCallbackIntoLoginDenied() {
    VNEID.denyLogins("access_denied");
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    assertThatThrownBy(() -> client.completeLogin(callback, request))
        .isInstanceOfSatisfying(
            SecurityRefusalException.class,
            e -> {
              assertThat(e.code()).isEqualTo("login.denied");
              assertThat(e.getMessage()).contains("'access_denied'");
            });
  }

  @Test
  void refusesErrorCallbackWithForeignState() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI forged = URI.create(VNEID.redirectUri() + "?error=access_denied&state=forged");
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(() -> client.completeLogin(forged, request));
    assertCode(e, MotcuaException.class, "callback.state-mismatch");
  }

  @Test
  void refusesCallbackWithoutState() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(URI.create(VNEID.redirectUri() + "?code=abc"), request));
    assertCode(e, MotcuaException.class, "callback.state-missing");
  }

  @Test
  void refusesCallbackWithoutCode() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback =
        URI.create(VNEID.redirectUri() + "?state=" + request.state() + "&iss=" + VNEID.issuer());
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    assertCode(e, MotcuaException.class, "callback.code-missing");
  }

  @Test
  void refusesCallbackFromAnotherIssuer() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback =
        URI.create(
            VNEID.redirectUri()
                + "?code=abc&state="
                + request.state()
                + "&iss=https%3A%2F%2Fevil.example");
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    assertCode(e, MotcuaException.class, "callback.issuer-mismatch");
  }

  @Test
  void refusesRepeatedParameters() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback = URI.create(VNEID.redirectUri() + "?code=a&code=b&state=" + request.state());
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    assertCode(e, MotcuaException.class, "callback.malformed");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "code=a&state=S&state=S",
        "code=a&state=S&st%61te=S",
        "state=S&code=a&code=a",
        "state=S&code=a&c%6Fde=b",
        "state=S&code=a&iss=x&iss=x"
      })
  void refusesARepeatedParameterNamingIt(String query) {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback =
        URI.create(VNEID.redirectUri() + "?" + query.replace("=S", "=" + request.state()));
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    assertCode(e, InvalidInputException.class, "callback.malformed");
    assertThat(e.getMessage()).containsPattern("repeats parameter '(state|code|iss)'");
  }

  @Test
  void brokenEscapesNeverReachTheClientAndBadUtf8MatchesNoState() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    assertThatThrownBy(() -> URI.create(VNEID.redirectUri() + "?code=a%zz&state=x"))
        .isInstanceOf(IllegalArgumentException.class);
    URI callback =
        URI.create(VNEID.redirectUri() + "?code=a&state=%FF%FE" + request.state().substring(2));
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    assertCode(e, MotcuaException.class, "callback.state-mismatch");
  }

  @Test
  void decodesEscapesAndIgnoresEmptyPairs() {
    VneidClient client = TestClients.client(VNEID);
    LoginRequest request = client.startLogin();
    URI callback =
        URI.create(
            VNEID.redirectUri()
                + "?&&st%61te="
                + request.state()
                + "&&iss="
                + java.net.URLEncoder.encode(
                    VNEID.issuer().toString(), java.nio.charset.StandardCharsets.UTF_8)
                + "&error=access_denied&error_description=Ng%C6%B0%E1%BB%9Di+d%C3%B9ng+t%E1%BB%AB"
                + "+ch%E1%BB%91i");
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    // The state's name and the issuer's value were percent-encoded: both matched once decoded.
    assertCode(e, SecurityRefusalException.class, "login.denied");
    assertThat(e.getMessage()).contains("'access_denied'");
  }

  @Test
  void refusesCallbackAfterTheLoginLifetime() {
    MutableClock clock = new MutableClock(Instant.now());
    VneidClient client =
        TestClients.builder(VNEID).clock(clock).loginLifetime(Duration.ofMinutes(5)).build();
    LoginRequest request = client.startLogin();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    clock.advance(Duration.ofMinutes(6));
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(
            () -> client.completeLogin(callback, request));
    assertCode(e, MotcuaException.class, "callback.request-expired");
  }

  @Test
  void refusesTokensWhenTheClientClockIsFarAhead() {
    MutableClock clock = new MutableClock(Instant.now());
    VneidClient client = TestClients.builder(VNEID).clock(clock).build();
    LoginRequest request = client.startLogin();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    clock.advance(Duration.ofMinutes(7));
    VneidClient late =
        TestClients.builder(VNEID).clock(clock).loginLifetime(Duration.ofMinutes(30)).build();
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(() -> late.completeLogin(callback, request));
    assertCode(e, SecurityRefusalException.class, "id-token.expired");
  }

  @Test
  void refusesWrongClientSecret() {
    VneidClient client =
        TestClients.builder(VNEID)
            .clientAuthentication(ClientAuthentication.clientSecretBasic("not-the-secret"))
            .build();
    LoginRequest request = client.startLogin();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    assertThatThrownBy(() -> client.completeLogin(callback, request))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("token.rejected");
              assertThat(e.getMessage()).contains("'invalid_client'");
              assertThat(e.getMessage()).doesNotContain("not-the-secret");
            });
  }

  @Test
  void refusesPrivateKeyJwtSignedWithAnUnregisteredKey() {
    VNEID.registerClientKey(TestClients.CLIENT_RSA_KEY);
    VneidClient client =
        TestClients.builder(VNEID)
            .clientAuthentication(ClientAuthentication.privateKeyJwt(TestClients.CLIENT_EC_KEY))
            .build();
    LoginRequest request = client.startLogin();
    URI callback = VNEID.followAuthorization(request.authorizationUri());
    assertThatThrownBy(() -> client.completeLogin(callback, request))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.getMessage()).contains("'invalid_client'"));
  }

  @Test
  void refusesSignedOnlyTokenWhenEncryptionIsExpected() {
    VneidClient client =
        TestClients.builder(VNEID).idTokenDecryptionKey(TestClients.ENCRYPTION_RSA_KEY).build();
    Throwable e =
        org.assertj.core.api.Assertions.catchThrowable(() -> TestClients.login(client, VNEID));
    assertCode(e, SecurityRefusalException.class, "id-token.not-encrypted");
  }

  @Test
  void refusesTokenEncryptedToAnotherKey() {
    VNEID.encryptIdTokensTo(TestClients.ENCRYPTION_EC_KEY);
    try {
      VneidClient client =
          TestClients.builder(VNEID).idTokenDecryptionKey(TestClients.ec("other-ec", 99)).build();
      Throwable e =
          org.assertj.core.api.Assertions.catchThrowable(() -> TestClients.login(client, VNEID));
      assertCode(e, SecurityRefusalException.class, "id-token.decryption");
    } finally {
      VNEID.encryptIdTokensTo(null);
    }
  }
}
