package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidMisbehaviour;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MisbehaviourTest {

  @RegisterExtension
  static final VneidFake VNEID =
      VneidFake.builder().seed(5).slowTokenDelay(Duration.ofSeconds(6)).build();

  static final Map<VneidMisbehaviour, String> EXPECTED_CODES =
      Map.ofEntries(
          Map.entry(VneidMisbehaviour.WRONG_ISSUER, "id-token.issuer"),
          Map.entry(VneidMisbehaviour.WRONG_AUDIENCE, "id-token.audience"),
          Map.entry(VneidMisbehaviour.EXPIRED, "id-token.expired"),
          Map.entry(VneidMisbehaviour.ISSUED_IN_FUTURE, "id-token.issued-in-future"),
          Map.entry(VneidMisbehaviour.WRONG_NONCE, "id-token.nonce"),
          Map.entry(VneidMisbehaviour.ALG_NONE, "id-token.unsigned"),
          Map.entry(VneidMisbehaviour.HS256_WITH_PUBLIC_KEY, "id-token.algorithm"),
          Map.entry(VneidMisbehaviour.UNKNOWN_KEY_ID, "id-token.unknown-key"),
          Map.entry(VneidMisbehaviour.TAMPERED_PAYLOAD, "id-token.signature"),
          Map.entry(VneidMisbehaviour.JWKS_DOWN, "provider.jwks-unavailable"),
          Map.entry(VneidMisbehaviour.SLOW_TOKEN_ENDPOINT, "provider.timeout"),
          Map.entry(VneidMisbehaviour.USERINFO_SUBJECT_MISMATCH, "userinfo.subject-mismatch"),
          Map.entry(VneidMisbehaviour.ISS_STRIPPED, "callback.issuer-missing"));

  static Stream<Arguments> presets() {
    return EXPECTED_CODES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @Test
  void everyPresetHasAnExpectedCode() {
    assertThat(EXPECTED_CODES.keySet()).isEqualTo(EnumSet.allOf(VneidMisbehaviour.class));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("presets")
  void refusesEveryPresetWithItsCode(VneidMisbehaviour preset, String code) {
    // A fresh client per preset: its key set is cold, as after a restart. The read timeout is
    // far below the slow preset's delay, and far above what a busy machine needs for the others.
    VneidClient client =
        TestClients.builder(VNEID)
            .httpClient(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(2)).build())
            .build();
    client.profile(); // discovery before the fake misbehaves
    VNEID.misbehave(preset);

    Throwable e = catchThrowable(() -> TestClients.login(client, VNEID));

    assertThat(e).isInstanceOf(MotcuaException.class);
    assertThat(((MotcuaException) e).code()).as(() -> stackTrace(e)).isEqualTo(code);
  }

  private static String stackTrace(Throwable e) {
    java.io.StringWriter out = new java.io.StringWriter();
    e.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  @Test
  void goodBehaviourReturnsAfterBehave() {
    VNEID.misbehave(VneidMisbehaviour.WRONG_NONCE).behave();
    assertThat(TestClients.login(TestClients.client(VNEID), VNEID).identity()).isNotNull();
  }
}
