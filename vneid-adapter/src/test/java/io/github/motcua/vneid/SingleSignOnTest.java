package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.Sex;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidMisbehaviour;
import io.github.motcua.testkit.VneidPersona;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The national single sign-on as public integrations receive it, through full logins with the fake:
 * RFC 9207's {@code iss}, pushed requests a provider requires, and the claims in their real shapes
 * (docs/domain.md §5).
 */
class SingleSignOnTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.builder().seed(31).build();

  @RegisterExtension
  static final VneidFake PAR_ONLY =
      VneidFake.builder().seed(32).pushedAuthorizationRequests(true, true).build();

  @RegisterExtension
  static final VneidFake ISS_NOT_ADVERTISED =
      VneidFake.builder().seed(33).advertiseIssParameter(false).build();

  // --- RFC 9207 ----------------------------------------------------------------------------

  @Test
  void aCallbackWhoseIssWasStrippedIsRefusedWhenTheProviderAdvertisesIt() {
    VneidClient client = TestClients.client(VNEID);
    assertThat(client.profile().issuerParameterRequired()).isTrue();
    VNEID.misbehave(VneidMisbehaviour.ISS_STRIPPED);

    Throwable e = catchThrowable(() -> TestClients.login(client, VNEID));

    assertThat(e).isInstanceOf(MotcuaException.class);
    assertThat(((MotcuaException) e).code()).isEqualTo("callback.issuer-missing");
  }

  @Test
  void anErrorCallbackWhoseIssWasStrippedIsRefusedToo() {
    VneidClient client = TestClients.client(VNEID);
    VNEID.denyLogins("access_denied").misbehave(VneidMisbehaviour.ISS_STRIPPED);

    Throwable e = catchThrowable(() -> TestClients.login(client, VNEID));

    // Not a SecurityRefusalException: an unauthenticated error must not be believed.
    assertThat(((MotcuaException) e).code()).isEqualTo("callback.issuer-missing");
  }

  @Test
  void issIsOptionalForAProviderThatDoesNotAdvertiseIt() {
    ISS_NOT_ADVERTISED.misbehave(VneidMisbehaviour.ISS_STRIPPED);
    VneidClient client = TestClients.client(ISS_NOT_ADVERTISED);

    assertThat(client.profile().issuerParameterRequired()).isFalse();
    assertThat(TestClients.login(client, ISS_NOT_ADVERTISED).identity()).isNotNull();
  }

  @Test
  void issCanBeRequiredOfAProviderThatSendsItWithoutAdvertisingIt() {
    VneidProfile requiring =
        VneidProfile.nationalSingleSignOn(ISS_NOT_ADVERTISED.issuer()).toBuilder()
            .issuerParameterRequired(true)
            .build();
    VneidClient client = TestClients.builder(ISS_NOT_ADVERTISED).profile(requiring).build();

    // The provider sends iss: logins succeed.
    assertThat(TestClients.login(client, ISS_NOT_ADVERTISED).identity()).isNotNull();

    ISS_NOT_ADVERTISED.misbehave(VneidMisbehaviour.ISS_STRIPPED);
    Throwable e = catchThrowable(() -> TestClients.login(client, ISS_NOT_ADVERTISED));
    assertThat(((MotcuaException) e).code()).isEqualTo("callback.issuer-missing");
  }

  // --- pushed authorization requests ----------------------------------------------------------

  @Test
  void aParOnlyProviderWithParSwitchedOffIsRefusedAtBuild() {
    VneidProfile parOnly =
        VneidProfile.nationalSingleSignOn(PAR_ONLY.issuer()).toBuilder()
            .pushedAuthorizationRequestEndpoint(PAR_ONLY.pushedAuthorizationRequestEndpoint())
            .pushedAuthorizationRequestsRequired(true)
            .build();

    assertThatThrownBy(
            () ->
                TestClients.builder(PAR_ONLY)
                    .issuer(null)
                    .profile(parOnly)
                    .pushAuthorizationRequests(false)
                    .build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.pushed-authorization-requests"));
  }

  @Test
  void aDiscoveredParOnlyProviderWithParSwitchedOffIsRefusedBeforeAnyLogin() {
    VneidClient client = TestClients.builder(PAR_ONLY).pushAuthorizationRequests(false).build();

    // Discovery happens on first use: the first startLogin refuses, before any redirect.
    assertThatThrownBy(client::startLogin)
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.pushed-authorization-requests"));
  }

  @Test
  void aDiscoveredParOnlyProviderLogsInWithPushedRequests() {
    VneidClient client = TestClients.client(PAR_ONLY);

    assertThat(client.profile().pushedAuthorizationRequestsRequired()).isTrue();
    LoginRequest request = client.startLogin();
    assertThat(request.authorizationUri().getQuery()).contains("request_uri=");
    assertThat(
            client
                .completeLogin(PAR_ONLY.followAuthorization(request.authorizationUri()), request)
                .identity())
        .isNotNull();
  }

  @Test
  void aProfileRequiringParWithoutAnEndpointIsRefused() {
    assertThatThrownBy(
            () ->
                VneidProfile.nationalSingleSignOn(URI.create("https://sso.example.gov.vn"))
                    .toBuilder()
                    .pushedAuthorizationRequestsRequired(true)
                    .build())
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("config.pushed-authorization-requests"));
  }

  // --- claims as the single sign-on sends them --------------------------------------------------

  private static CitizenIdentity loginAs(VneidPersona persona) {
    VNEID.loginAs(persona);
    return TestClients.login(TestClients.client(VNEID), VNEID).identity();
  }

  @Test
  void numericSexIsMapped() {
    assertThat(VneidPersona.NGUYEN_VAN_AN.claims()).containsEntry("GioiTinh", 1);
    assertThat(VneidPersona.TRAN_THI_BINH.claims()).containsEntry("GioiTinh", 2);

    assertThat(loginAs(VneidPersona.NGUYEN_VAN_AN).sex()).contains(Sex.MALE);
    assertThat(loginAs(VneidPersona.TRAN_THI_BINH).sex()).contains(Sex.FEMALE);
  }

  @Test
  void anAccountWithOnlyAnIdentityCardNumberLogsIn() {
    CitizenIdentity id = loginAs(VneidPersona.HOANG_VAN_DUNG_CMND_ONLY);

    assertThat(id.accountKind()).isEqualTo(AccountKind.CITIZEN);
    assertThat(id.personalId()).isEmpty();
    assertThat(id.identityCardNumber()).contains(IdentityCardNumber.parse("012345678"));
    assertThat(id.warnings()).isEmpty();
    assertThat(id.toString()).doesNotContain("012345678");
  }

  @Test
  void anInvalidTaxCodeAndAnUnknownSexAreWarningsAndTheLoginSucceeds() {
    CitizenIdentity id = loginAs(VneidPersona.VU_THI_HOA_INVALID_TAX_CODE);

    assertThat(id.personalId()).contains(PersonalId.parse("001195007788"));
    assertThat(id.taxCode()).isEmpty();
    assertThat(id.sex()).isEmpty();
    assertThat(id.warnings())
        .extracting(ClaimWarning::claim, ClaimWarning::code)
        .containsExactlyInAnyOrder(
            tuple("MaSoThue", "claims.tax-code.invalid"),
            tuple("GioiTinh", "claims.sex.unknown-value"));
    assertThat(id.warnings()).allSatisfy(w -> assertThat(w.message()).doesNotContain("0314409059"));
  }

  @Test
  void techIdIsTheNationalPortalAccountId() {
    CitizenIdentity citizen = loginAs(VneidPersona.NGUYEN_VAN_AN);
    CitizenIdentity company = loginAs(VneidPersona.SEN_VANG_COMPANY);

    assertThat(citizen.nationalPortalAccountId())
        .map(NationalPortalAccountId::value)
        .contains(VneidPersona.NGUYEN_VAN_AN.claims().get("TechID").toString());
    assertThat(company.nationalPortalAccountId()).isPresent();
    assertThat(company.organisationTaxCode()).contains(TaxCode.parse("0109124451"));
    assertThat(citizen.toString()).doesNotContain(citizen.nationalPortalAccountId().get().value());
  }

  @Test
  void anAccountWithoutTechIdHasNoPortalAccountId() {
    Map<String, Object> claims = new LinkedHashMap<>(VneidPersona.NGUYEN_VAN_AN.claims());
    claims.remove("TechID");

    CitizenIdentity id = loginAs(VneidPersona.custom("no-tech-id", "no-tech-id", 2, claims));

    assertThat(id.nationalPortalAccountId()).isEmpty();
    assertThat(id.warnings()).isEmpty();
  }

  @Test
  void anInvalidIdentityCardNumberIsRefusedWhenItIsTheOnlyIdentifier() {
    Map<String, Object> claims =
        new LinkedHashMap<>(VneidPersona.HOANG_VAN_DUNG_CMND_ONLY.claims());
    claims.put("SoCMND", "01234567X");
    VNEID.loginAs(VneidPersona.custom("bad-cmnd", "bad-cmnd", 1, claims));

    Throwable e = catchThrowable(() -> TestClients.login(TestClients.client(VNEID), VNEID));

    assertThat(((MotcuaException) e).code()).isEqualTo("claims.identity-card-number.invalid");
    assertThat(e.getMessage()).doesNotContain("01234567X");
  }
}
