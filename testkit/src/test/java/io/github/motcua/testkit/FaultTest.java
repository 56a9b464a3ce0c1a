package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultTest {

  @Test
  void countedPresetReadsAndPrintsTheSameWay() {
    Fault f = Fault.after(10, PortalFault.SERVER_ERROR, 3);
    assertThat(f.isCounted()).isTrue();
    assertThat(f.toString()).isEqualTo("SERVER_ERROR*3+10");
    assertThat(Fault.parse("server_error*3+10")).isEqualTo(f);
    assertThat(Fault.parse("TIMEOUT*1")).isEqualTo(Fault.next(PortalFault.TIMEOUT, 1));
  }

  @Test
  void ratePresetReadsAndPrintsTheSameWay() {
    Fault f = Fault.randomly(EnumSet.of(PortalFault.TIMEOUT, PortalFault.SERVER_ERROR), 0.3, 42);
    assertThat(f.isCounted()).isFalse();
    assertThat(Fault.parse(f.toString())).isEqualTo(f);
    assertThat(Fault.parse("network@0.2#7")).isEqualTo(Fault.network(0.2, 7));
    assertThat(Fault.network(0.2, 7).kinds()).containsExactlyInAnyOrder(PortalFault.values());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "TIMEOUT",
        "NOPE*3",
        "TIMEOUT*0",
        "TIMEOUT*-1",
        "TIMEOUT*x",
        "TIMEOUT@1.5",
        "TIMEOUT@-0.1",
        "TIMEOUT@NaN",
        "@0.2",
        "network@0.2#x",
        "TIMEOUT*3+-1",
        "<script>*1"
      })
  void hostilePresetTextIsRefusedWithATypedError(String text) {
    assertThatThrownBy(() -> Fault.parse(text))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((ConfigurationException) e).code())
        .isIn("fault.syntax", "fault.calls", "fault.rate", "fault.kinds");
  }

  @Test
  void rateOutsideZeroToOneIsRefused() {
    assertThatThrownBy(() -> Fault.network(1.01, 1))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("between 0 and 1");
  }

  @Test
  void seededRatePresetFailsTheSameCallsOnEveryRun() {
    try (NationalPortalFake a = NationalPortalFake.start();
        NationalPortalFake b = NationalPortalFake.start()) {
      a.inject(Fault.randomly(PortalFault.SERVER_ERROR, 0.5, 99));
      b.inject(Fault.randomly(PortalFault.SERVER_ERROR, 0.5, 99));
      StringBuilder first = new StringBuilder();
      StringBuilder second = new StringBuilder();
      for (int i = 0; i < 40; i++) {
        first.append(Http.post(a.baseUrl() + NationalPortalFake.LOGIN_PATH, "{}")).append(',');
        second.append(Http.post(b.baseUrl() + NationalPortalFake.LOGIN_PATH, "{}")).append(',');
      }
      assertThat(first.toString()).isEqualTo(second.toString()).contains("500").contains("200");
    }
  }

  @Test
  void malformedReplyKeepsTheStatusOfARefusedRequest() {
    try (ProvincialPortalFake fake = ProvincialPortalFake.start()) {
      fake.inject(Fault.next(PortalFault.MALFORMED_JSON, 1));
      // No token: the fake refuses with 401, and the truncated reply must stay a 401.
      assertThat(Http.put(fake.baseUrl() + ProvincialPortalFake.DOSSIERS_PATH + "/X", "{}"))
          .isEqualTo(401);
      assertThat(fake.injectedFaults(PortalFault.MALFORMED_JSON)).isEqualTo(1);
    }
  }

  @Test
  void countedShortcutsOfEveryFakeAreThePresets() {
    try (VneidFake fake = VneidFake.builder().build().start()) {
      fake.failNextAfter(1, PortalFault.SERVER_ERROR, 2);
      String discovery = fake.issuer() + "/.well-known/openid-configuration";
      assertThat(Http.get(discovery)).isEqualTo(200);
      assertThat(Http.get(discovery)).isEqualTo(500);
      assertThat(Http.get(discovery)).isEqualTo(500);
      assertThat(Http.get(discovery)).isEqualTo(200);
      assertThat(fake.injectedFaults(PortalFault.SERVER_ERROR)).isEqualTo(2);
    }
  }

  @Test
  void shortcutsRefuseOutOfRangeCountsAndRatesWithTypedErrors() {
    try (NationalPortalFake fake = NationalPortalFake.start()) {
      assertThatThrownBy(() -> fake.failNext(PortalFault.TIMEOUT, 0))
          .isInstanceOfSatisfying(
              ConfigurationException.class, e -> assertThat(e.code()).isEqualTo("fault.calls"));
      assertThatThrownBy(() -> fake.failRandomly(PortalFault.TIMEOUT, 1.5, 1))
          .isInstanceOfSatisfying(
              ConfigurationException.class, e -> assertThat(e.code()).isEqualTo("fault.rate"));
    }
  }
}
