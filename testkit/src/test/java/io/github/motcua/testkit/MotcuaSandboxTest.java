package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox as an integrator registers it: one static extension, reset before each test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MotcuaSandboxTest {

  @RegisterExtension
  static MotcuaSandbox sandbox =
      MotcuaSandbox.builder().nationalPortal().vneid().timestampAuthority().build();

  @Test
  void startsTheChosenPartsOnLoopbackAndTheTimestampAuthorityBringsItsPki() {
    assertThat(sandbox.parts())
        .containsExactlyInAnyOrder(
            MotcuaSandbox.Part.NATIONAL_PORTAL,
            MotcuaSandbox.Part.VNEID,
            MotcuaSandbox.Part.TIMESTAMP_AUTHORITY,
            MotcuaSandbox.Part.PKI);
    assertThat(sandbox.settings())
        .containsKeys(
            "national.url", "national.password", "vneid.issuer", "tsa.url", "pki.ocsp-url")
        .doesNotContainKey("provincial.url");
    assertThat(sandbox.settings().values())
        .filteredOn(v -> v.startsWith("http://"))
        .allMatch(v -> v.startsWith("http://127.0.0.1:"));
    assertThat(sandbox.trustAnchors()).isNotEmpty();
    assertThat(sandbox.organisationSigner().certificate().getSubjectX500Principal().getName())
        .contains("MST:");
    assertThat(sandbox.personas()).contains(VneidPersona.NGUYEN_VAN_AN);
  }

  @Test
  void askingForAPartItWasNotBuiltWithNamesTheFix() {
    assertThatThrownBy(() -> sandbox.provincialPortal())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("PROVINCIAL_PORTAL")
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("sandbox.part-missing");
  }

  @Test
  @Order(1)
  void oneFaultPresetReachesEveryFake() {
    sandbox.inject(Fault.next(PortalFault.SERVER_ERROR, 1));
    assertThat(Http.post(sandbox.nationalPortal().baseUrl() + NationalPortalFake.LOGIN_PATH, "{}"))
        .isEqualTo(500);
    assertThat(Http.get(sandbox.vneid().issuer() + "/.well-known/openid-configuration"))
        .isEqualTo(500);
    assertThat(Http.post(sandbox.timestampAuthority().url(), "x")).isEqualTo(500);
    assertThat(Http.get(sandbox.settings().get("pki.crl-url"))).isEqualTo(500);
    // Each fake failed exactly once.
    assertThat(Http.get(sandbox.vneid().issuer() + "/.well-known/openid-configuration"))
        .isEqualTo(200);
    assertThat(sandbox.fakes().values())
        .allMatch(f -> f.injectedFaults(PortalFault.SERVER_ERROR) == 1);
    // Left pending for the next test, which the reset must clear.
    sandbox.inject(MotcuaSandbox.Part.VNEID, Fault.next(PortalFault.SERVICE_UNAVAILABLE, 5));
  }

  @Test
  @Order(2)
  void eachTestStartsWithoutTheFaultsOfTheLastOne() {
    assertThat(Http.get(sandbox.vneid().issuer() + "/.well-known/openid-configuration"))
        .isEqualTo(200);
  }

  @Test
  void aSandboxBuiltWithoutPartsRunsAllOfThemAndStopsCleanly() {
    MotcuaSandbox all = MotcuaSandbox.builder().build();
    assertThat(all.isRunning()).isFalse();
    try (MotcuaSandbox running = all.start()) {
      assertThat(running.fakes()).hasSize(MotcuaSandbox.Part.values().length);
      assertThat(running.settings()).containsKeys("provincial.client-secret", "payment.secret");
    }
    assertThat(all.isRunning()).isFalse();
    assertThatThrownBy(all::nationalPortal)
        .extracting(e -> ((ConfigurationException) e).code())
        .isEqualTo("sandbox.not-running");
  }
}
