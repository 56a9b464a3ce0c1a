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

class AgencyAndProcedureCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {"000.00.31.H56", "000.00.04.G18", "000.00.00.G09"})
  void acceptsTheStandardFourLevelForm(String text) {
    AgencyCode code = AgencyCode.parse(text);
    assertThat(code.value()).isEqualTo(text);
    assertThat(code.levels()).hasSize(4);
    assertThat(code.isStandard()).isTrue();
  }

  @Test
  void splitsLevelsLowestFirst() {
    assertThat(AgencyCode.parse("000.00.31.H56").levels())
        .containsExactly("000", "00", "31", "H56");
  }

  @Test
  void acceptsTheShortFormSeenInNationalDossierCodes() {
    AgencyCode code = AgencyCode.parse("G09.20");
    assertThat(code.levels()).containsExactly("G09", "20");
    assertThat(code.isStandard()).isFalse();
  }

  @Test
  void normalisesCaseAndWhitespace() {
    assertThat(AgencyCode.parse(" 000.00.31.h56 ").value()).isEqualTo("000.00.31.H56");
    assertThat(AgencyCode.parse(" 000.00.31.h56 ")).isEqualTo(AgencyCode.parse("000.00.31.H56"));
  }

  @ParameterizedTest
  @CsvSource({
    "'', agency-code.empty",
    "000.00.31.H56.01, agency-code.top-level",
    "000..31.H56, agency-code.level-format",
    "000.00.31.H5, agency-code.level-format",
    "0000.00.31.H56, agency-code.level-format",
    "000.00.31.056, agency-code.top-level",
    "000.H56.31, agency-code.top-level",
    "000.00.31.Z01, agency-code.reserved",
    "000.00.3a.H56, agency-code.level-format",
    "000.00.31.H56., agency-code.level-format",
    "000.00.31., agency-code.level-format",
    "ÂBC.00.31.H56, agency-code.level-format"
  })
  void rejectsBrokenAgencyCodes(String text, String code) {
    assertThatThrownBy(() -> AgencyCode.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo(code);
  }

  static Stream<Arguments> generatedAgencyCodes() {
    Random random = new Random(11L);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      String valid =
          String.format(
              "%03d.%02d.%02d.%c%02d",
              random.nextInt(1000),
              random.nextInt(100),
              random.nextInt(100),
              (char) ('A' + random.nextInt(25)), // Z is reserved
              random.nextInt(100));
      cases.add(Arguments.of(valid, true));
      char[] chars = valid.toCharArray();
      int at = random.nextInt(chars.length);
      chars[at] = "#-_/,;!".charAt(random.nextInt(7));
      cases.add(Arguments.of(new String(chars), false));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("generatedAgencyCodes")
  void classifiesGeneratedAgencyCodes(String text, boolean valid) {
    assertThat(AgencyCode.isValid(text)).as(text).isEqualTo(valid);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.004227", "2.000908", " 1.004227 "})
  void acceptsProcedureCodes(String text) {
    assertThat(ProcedureCode.parse(text).value()).isEqualTo(text.strip());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1004227",
        "1.04227",
        "1.0042270",
        "A.004227",
        "1,004227",
        "1.00422x",
        "11.004227"
      })
  void rejectsMalformedProcedureCodes(String text) {
    assertThatThrownBy(() -> ProcedureCode.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("procedure-code.format");
  }

  @Test
  void rejectsAnEmptyProcedureCode() {
    assertThat(ProcedureCode.isValid(null)).isFalse();
    assertThatThrownBy(() -> ProcedureCode.parse(" "))
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("procedure-code.empty");
  }

  @Test
  void procedureCodesAreEqualByValue() {
    assertThat(ProcedureCode.parse("1.004227"))
        .isEqualTo(ProcedureCode.parse(" 1.004227"))
        .hasSameHashCodeAs(ProcedureCode.parse("1.004227"))
        .hasToString("1.004227");
  }
}
