package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidPersona;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and unusual claim values, delivered by the fake through userinfo. */
class ClaimsTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.builder().seed(10).build();

  private static Map<String, Object> citizenClaims() {
    return new LinkedHashMap<>(VneidPersona.NGUYEN_VAN_AN.claims());
  }

  private static Throwable loginAs(Map<String, Object> claims) {
    VNEID.loginAs(VneidPersona.custom("custom", "custom-subject", 2, claims));
    return catchThrowable(() -> TestClients.login(TestClients.client(VNEID), VNEID));
  }

  @ParameterizedTest
  @CsvSource({
    "SoDinhDanh, 12345, claims.personal-id.invalid",
    "SoDinhDanh, 00109001234X, claims.personal-id.invalid",
    "SoDinhDanh, 001990012345, claims.personal-id.invalid"
  })
  void refusesInvalidClaimValue(String claim, String value, String code) {
    Map<String, Object> claims = citizenClaims();
    claims.put(claim, value);
    Throwable e = loginAs(claims);
    assertThat(e).isInstanceOf(InvalidInputException.class);
    assertThat(((MotcuaException) e).code()).isEqualTo(code);
    assertThat(e.getMessage()).doesNotContain(value);
  }

  /** Optional claims that fail validation: the login succeeds, the claim is left out, warned. */
  @ParameterizedTest
  @CsvSource({
    "NgayThangNamSinh, 15/04/1990, claims.date-of-birth.format",
    "NgayThangNamSinh, 19901345, claims.date-of-birth.format",
    "MaSoThue, 0100233480, claims.tax-code.invalid",
    "GioiTinh, X, claims.sex.unknown-value",
    "TechID, tech id with spaces, claims.national-portal-account-id.invalid"
  })
  void anInvalidOptionalClaimIsAWarning(String claim, String value, String code) {
    Map<String, Object> claims = citizenClaims();
    claims.put(claim, value);
    VNEID.loginAs(VneidPersona.custom("custom", "custom-subject", 2, claims));

    CitizenIdentity id = TestClients.login(TestClients.client(VNEID), VNEID).identity();

    assertThat(id.personalId()).contains(PersonalId.parse("001090012345"));
    assertThat(id.warnings())
        .extracting(ClaimWarning::claim, ClaimWarning::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(claim, code));
    assertThat(id.warnings().get(0).message()).doesNotContain(value);
    assertThat(id.toString()).doesNotContain(value);
  }

  @Test
  void refusesCitizenWithoutPersonalId() {
    Map<String, Object> claims = citizenClaims();
    claims.remove("SoDinhDanh");
    assertThat(((MotcuaException) loginAs(claims)).code()).isEqualTo("claims.personal-id.missing");
  }

  @Test
  void refusesANonTextPersonalId() {
    Map<String, Object> claims = citizenClaims();
    claims.put("SoDinhDanh", List.of("001090012345", "001090012346"));
    assertThat(((MotcuaException) loginAs(claims)).code()).isEqualTo("claims.personal-id.type");
  }

  @Test
  void aNonTextOptionalClaimIsAWarning() {
    Map<String, Object> claims = citizenClaims();
    claims.put("HoVaTen", List.of("a", "b"));
    VNEID.loginAs(VneidPersona.custom("custom", "custom-subject", 2, claims));
    CitizenIdentity id = TestClients.login(TestClients.client(VNEID), VNEID).identity();
    assertThat(id.fullName()).isEmpty();
    assertThat(id.warnings())
        .extracting(ClaimWarning::code)
        .containsExactly("claims.full-name.type");
  }

  @Test
  void unknownSexValueLeavesSexEmpty() {
    Map<String, Object> claims = citizenClaims();
    claims.put("GioiTinh", "X");
    VNEID.loginAs(VneidPersona.custom("custom", "custom-subject", 2, claims));
    CitizenIdentity id = TestClients.login(TestClients.client(VNEID), VNEID).identity();
    assertThat(id.sex()).isEmpty();
    assertThat(id.rawClaims()).containsEntry("GioiTinh", "X");
  }

  @Test
  void overriddenClaimNameIsRead() {
    Map<String, Object> claims = citizenClaims();
    Object personalId = claims.remove("SoDinhDanh");
    claims.put("so_cccd", personalId);
    VNEID.loginAs(VneidPersona.custom("custom", "custom-subject", 2, claims));
    VneidProfile profile =
        VneidProfile.nationalSingleSignOn(VNEID.issuer()).toBuilder()
            .claimMapping(ClaimMapping.defaults().toBuilder().personalId("so_cccd").build())
            .build();
    VneidClient client = TestClients.builder(VNEID).profile(profile).build();
    CitizenIdentity id = TestClients.login(client, VNEID).identity();
    assertThat(id.personalId()).contains(PersonalId.parse("001090012345"));
  }
}
