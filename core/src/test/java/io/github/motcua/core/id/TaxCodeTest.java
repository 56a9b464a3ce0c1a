package io.github.motcua.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxCodeTest {

  /** The published weights, applied here independently of the production code. */
  private static int expectedCheckDigit(String nine) {
    int[] weights = {31, 29, 23, 19, 17, 13, 7, 5, 3};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += Character.getNumericValue(nine.charAt(i)) * weights[i];
    }
    int check = 10 - (sum % 11);
    return check == 10 ? -1 : check;
  }

  @Test
  void acceptsThePublishedVectors() {
    assertThat(TaxCode.parse("0100233488").kind()).isEqualTo(TaxCode.Kind.ENTERPRISE);
    assertThat(TaxCode.parse("0314409058-002").kind()).isEqualTo(TaxCode.Kind.BRANCH);
    assertThat(TaxCode.isValid("0100233480")).isFalse();
  }

  @Test
  void rejectsAWrongCheckDigit() {
    assertRule("0100233480", "tax-code.check-digit");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"0314409058-002", "0314409058002", " 0314409058 - 002 ", "0314409058 002"})
  void normalisesBranchCodes(String text) {
    TaxCode code = TaxCode.parse(text);
    assertThat(code.value()).isEqualTo("0314409058-002");
    assertThat(code.parent()).contains(TaxCode.parse("0314409058"));
  }

  @Test
  void enterprisesAndPersonalCodesHaveNoParent() {
    assertThat(TaxCode.parse("0100233488").parent()).isEmpty();
    assertThat(TaxCode.parse("038203001234").parent()).isEmpty();
  }

  @Test
  void acceptsAPersonalIdAsAnIndividualsTaxCode() {
    TaxCode code = TaxCode.parse("038203001234");
    assertThat(code.kind()).isEqualTo(TaxCode.Kind.PERSONAL);
    assertThat(code.personalId()).contains(PersonalId.parse("038203001234"));
    assertThat(code.toString()).isEqualTo("038******234");
  }

  @Test
  void personalRulesApplyToTwelveDigits() {
    assertRule("038903001234", "personal-id.century");
  }

  @Test
  void enterpriseCodesArePrintedWhole() {
    assertThat(TaxCode.parse("0100233488").toString()).isEqualTo("0100233488");
  }

  @Test
  void rejectsBranchZero() {
    assertRule("0314409058-000", "tax-code.branch");
  }

  @Test
  void rejectsAnAllZeroSequence() {
    // 01 0000000 c: the sequence digits 3-9 are all zero, whatever the check digit.
    for (int c = 0; c <= 9; c++) {
      assertRule("010000000" + c, "tax-code.sequence");
    }
  }

  @ParameterizedTest
  @CsvSource({
    "'', tax-code.empty",
    "'   ', tax-code.empty",
    "010023348, tax-code.length",
    "01002334888, tax-code.length",
    "01002334880000, tax-code.length",
    "010023348A, tax-code.characters",
    "0314409058-02, tax-code.length",
    "031440905-8002, tax-code.format",
    "0314409058--002, tax-code.format",
    "0314409058-002-1, tax-code.format",
    "0314409051-002, tax-code.check-digit"
  })
  void rejectsBrokenRules(String text, String code) {
    assertRule(text, code);
  }

  @Test
  void checkDigitIsExposedAndMarksImpossiblePrefixes() {
    assertThat(TaxCode.checkDigit("010023348")).isEqualTo(8);
    // Find nine digits whose weighted sum is divisible by 11: no check digit exists for them.
    Random random = new Random(1);
    int found = 0;
    for (int i = 0; i < 10_000 && found < 20; i++) {
      String nine = String.format("%09d", random.nextInt(1_000_000_000));
      if (expectedCheckDigit(nine) < 0) {
        found++;
        assertThat(TaxCode.checkDigit(nine)).isEqualTo(-1);
        for (int c = 0; c <= 9; c++) {
          assertThat(TaxCode.isValid(nine + c)).isFalse();
        }
      }
    }
    assertThat(found).isEqualTo(20);
  }

  static Stream<Arguments> generated() {
    Random random = new Random(42L);
    List<Arguments> cases = new ArrayList<>();
    while (cases.size() < 4000) {
      String nine =
          String.format("%02d", random.nextInt(100))
              + String.format("%07d", 1 + random.nextInt(9_999_999));
      int check = expectedCheckDigit(nine);
      if (check < 0) {
        continue;
      }
      String valid = nine + check;
      cases.add(Arguments.of(valid, true));
      int wrong = (check + 1 + random.nextInt(9)) % 10;
      cases.add(Arguments.of(nine + wrong, false));
      int branch = 1 + random.nextInt(999);
      cases.add(Arguments.of(valid + "-" + String.format("%03d", branch), true));
      cases.add(Arguments.of(nine + wrong + String.format("%03d", branch), false));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("generated")
  void agreesWithTheWeightedCheckOnGeneratedCodes(String text, boolean valid) {
    assertThat(TaxCode.isValid(text)).isEqualTo(valid);
    if (valid) {
      assertThat(TaxCode.parse(text).value()).isEqualTo(text);
    } else {
      assertRule(text, "tax-code.check-digit");
    }
  }

  private static void assertRule(String text, String code) {
    assertThatThrownBy(() -> TaxCode.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo(code);
  }
}
