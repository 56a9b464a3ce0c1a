package io.github.motcua.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agency, procedure and dossier codes from the legal texts and from public code that talks to the
 * portals, valid and invalid. The source of each example is written above its test (docs/domain.md
 * §2).
 */
class IdentifiersFromTheTextsTest {

  private static String codeOf(Runnable parse) {
    try {
      parse.run();
    } catch (InvalidInputException e) {
      return e.code();
    }
    throw new AssertionError("expected an InvalidInputException");
  }

  // Decision 20/2020/QĐ-TTg, Article 4: level-1 codes of ministries and provinces, as amended by
  // Decision 09/2025/QĐ-TTg (G01 Ministry of Public Security, G09 Ministry of Home Affairs, G22
  // Government Office; H57 People's Committee of Huế, K57 its People's Council).
  @ParameterizedTest
  @ValueSource(strings = {"G01", "G09", "G22", "H57", "K57"})
  void levelOneCodesOfTheDecisionAreAgencyCodes(String text) {
    AgencyCode code = AgencyCode.parse(text);
    assertThat(code.levelOne()).isEqualTo(text);
    assertThat(code.levels()).containsExactly(text);
  }

  // Decision 20/2020/QĐ-TTg, Article 4: groups "developed from left to right" from the level-1
  // code, separated by dots, digits and capital letters A-Z, at most 35 characters; so more than
  // four levels and letters in the lower groups are legal.
  @ParameterizedTest
  @CsvSource({
    "G09.20, G09, 2",
    "H56.31.A1, H56, 3",
    "G18.01.02.03.04.05, G18, 6",
    "H29.Q1.P01.TTPVHCC, H29, 4"
  })
  void theDecisionsOrderHasTheLevelOneCodeFirst(String text, String levelOne, int levels) {
    AgencyCode code = AgencyCode.parse(text);
    assertThat(code.order()).isEqualTo(AgencyCode.Order.LEVEL_ONE_FIRST);
    assertThat(code.levelOne()).isEqualTo(levelOne);
    assertThat(code.levels()).hasSize(levels);
    assertThat(code.isStandard()).isFalse();
  }

  // QCVN 102:2016/BTTTT (Circular 10/2016/TT-BTTTT): V1V2V3.Z1Z2.Y1Y2.H49 with 000.00.00.H49 the
  // province's People's Committee (Quảng Ninh, Decision 3739/QĐ-UBND of 2016 applying it); the
  // commune-level examples are the one-stop-shop systems' (VNPT iGate 000.00.53.H48).
  @ParameterizedTest
  @ValueSource(strings = {"000.00.00.H49", "000.00.53.H48", "000.00.31.H56", "000.00.04.G18"})
  void theRegulationsOrderHasTheLevelOneCodeLast(String text) {
    AgencyCode code = AgencyCode.parse(text);
    assertThat(code.order()).isEqualTo(AgencyCode.Order.LEVEL_ONE_LAST);
    assertThat(code.isStandard()).isTrue();
    assertThat(code.levelOne()).isEqualTo(text.substring(10));
  }

  // Decision 20/2020/QĐ-TTg: the level-1 letter Z is reserved (docs/domain.md §2 marks this
  // reading [I]); no agency's level-1 code uses it.
  @ParameterizedTest
  @ValueSource(strings = {"Z01", "Z99.20", "000.00.31.Z56", "z01.01"})
  void theReservedLetterIsRefusedInEitherOrder(String text) {
    assertThat(codeOf(() -> AgencyCode.parse(text))).isEqualTo("agency-code.reserved");
  }

  // Decision 20/2020/QĐ-TTg: at most 35 characters; characters are the dot, 0-9 and A-Z.
  @Test
  void theDecisionsLimitsAreEnforced() {
    String longest = "G09." + "1".repeat(31);
    assertThat(AgencyCode.parse(longest).value()).hasSize(35);
    assertThat(codeOf(() -> AgencyCode.parse(longest + "1"))).isEqualTo("agency-code.length");
    assertThat(codeOf(() -> AgencyCode.parse("G09.2_0"))).isEqualTo("agency-code.level-format");
    assertThat(codeOf(() -> AgencyCode.parse("G09.Đ1"))).isEqualTo("agency-code.level-format");
    assertThat(codeOf(() -> AgencyCode.parse("G09..20"))).isEqualTo("agency-code.level-format");
  }

  // Neither order puts the level-1 code in the middle, nor letters among the lower digit groups of
  // the regulation's order.
  @ParameterizedTest
  @CsvSource({
    "000.H56.31, agency-code.top-level",
    "000.00.31, agency-code.top-level",
    "000.A0.31.H56, agency-code.level-format",
    "000.00.31.H5, agency-code.level-format"
  })
  void malformedCodesAreRefused(String text, String code) {
    assertThat(codeOf(() -> AgencyCode.parse(text))).isEqualTo(code);
  }

  // The national database of administrative procedures: national codes such as 1.004227;
  // extended local codes as provinces publish them: 1.001612.000.00.00.H48 (Quảng Ngãi, VNPT
  // iGate), 3.000181.000.00.00.H22,
  // 1.000494.000.00.00.H29 (Hồ Chí Minh City portal), 2.000488.000.00.00.H56 (Thanh Hóa).
  @ParameterizedTest
  @CsvSource({
    "1.001612.000.00.00.H48, 1.001612, 000.00.00.H48",
    "3.000181.000.00.00.H22, 3.000181, 000.00.00.H22",
    "1.000494.000.00.00.H29, 1.000494, 000.00.00.H29",
    "2.000488.000.00.00.H56, 2.000488, 000.00.00.H56",
    "2.000488.000.00.00.h56, 2.000488, 000.00.00.H56"
  })
  void extendedLocalProcedureCodesAreParsed(String text, String national, String agency) {
    ProcedureCode code = ProcedureCode.parse(text);
    assertThat(code.nationalCode()).isEqualTo(ProcedureCode.parse(national));
    assertThat(code.localAgency()).contains(AgencyCode.parse(agency));
    assertThat(code.value()).isEqualToIgnoringCase(text);
    assertThat(code).isNotEqualTo(code.nationalCode());
  }

  @Test
  void aNationalProcedureCodeIsItsOwnNationalCode() {
    ProcedureCode code = ProcedureCode.parse("1.004227");
    assertThat(code.nationalCode()).isSameAs(code);
    assertThat(code.localAgency()).isEmpty();
  }

  // An extension must be an agency code with its level-1 code last, not a reserved one.
  @ParameterizedTest
  @CsvSource({
    "2.000488.000.00.00.Z56, procedure-code.agency",
    "2.000488.H56.00, procedure-code.agency",
    "2.000488.000.00.00, procedure-code.agency",
    "2.000488., procedure-code.agency",
    "2.000488-000.00.00.H56, procedure-code.format",
    "2.0004880.00.00.H56, procedure-code.format"
  })
  void malformedExtendedProcedureCodesAreRefused(String text, String code) {
    assertThat(codeOf(() -> ProcedureCode.parse(text))).isEqualTo(code);
  }

  // Circular 01/2018/TT-VPCP (Decree 61/2018/NĐ-CP): agency code, receipt date, sequence number.
  // One-stop-shop systems write yyMMdd and 4 digits (VNPT iGate 000.00.53.H48-220921-0099); the
  // national portal yyyyMMdd and 7 digits (G09.20-20260609-0092637).
  @Test
  void dossierCodesOfBothWidthsAreParsed() {
    DossierCode local = DossierCode.parse("000.00.53.H48-220921-0099");
    assertThat(local.agency()).isEqualTo(AgencyCode.parse("000.00.53.H48"));
    assertThat(local.receivedOn()).isEqualTo(LocalDate.of(2022, 9, 21));
    assertThat(local.sequence()).isEqualTo(99);
    assertThat(local.format()).isEqualTo(DossierCode.Format.SHORT);

    DossierCode national = DossierCode.parse("G09.20-20260609-0092637");
    assertThat(national.agency().order()).isEqualTo(AgencyCode.Order.LEVEL_ONE_FIRST);
    assertThat(national.format()).isEqualTo(DossierCode.Format.LONG);
    assertThat(national.sequence()).isEqualTo(92637);
  }

  // A dossier code with a Decision-20 agency code of more than two levels, letters included.
  @Test
  void dossierCodesCarryAgencyCodesOfEitherOrder() {
    DossierCode code = DossierCode.parse("H56.31.A1-250815-0001");
    assertThat(code.agency().levelOne()).isEqualTo("H56");
    assertThat(DossierCode.of(code.agency(), LocalDate.of(2025, 8, 15), 1)).isEqualTo(code);
  }

  // Reserved agency letters and impossible dates are refused inside dossier codes too.
  @ParameterizedTest
  @CsvSource({
    "000.00.31.Z56-250815-0001, agency-code.reserved",
    "Z09.20-20260609-0092637, agency-code.reserved",
    "G09.20-20260230-0092637, dossier-code.date",
    "G09.20-20260609-0000000, dossier-code.sequence"
  })
  void invalidDossierCodesAreRefused(String text, String code) {
    assertThat(codeOf(() -> DossierCode.parse(text))).isEqualTo(code);
  }

  @Test
  void anInvalidCodeNeverAppearsInTheMessage() {
    assertThatThrownBy(() -> AgencyCode.parse("000.00.31.Z56")).hasMessageNotContaining("Z56");
  }
}
