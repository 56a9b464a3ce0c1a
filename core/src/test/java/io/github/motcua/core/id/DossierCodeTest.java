package io.github.motcua.core.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class DossierCodeTest {

  @Test
  void parsesTheShortForm() {
    DossierCode code = DossierCode.parse("000.00.31.H56-250815-0001");
    assertThat(code.agency()).isEqualTo(AgencyCode.parse("000.00.31.H56"));
    assertThat(code.receivedOn()).isEqualTo(LocalDate.of(2025, 8, 15));
    assertThat(code.sequence()).isEqualTo(1);
    assertThat(code.format()).isEqualTo(DossierCode.Format.SHORT);
  }

  @Test
  void parsesTheLongForm() {
    DossierCode code = DossierCode.parse("G09.20-20260609-0092637");
    assertThat(code.agency().value()).isEqualTo("G09.20");
    assertThat(code.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 9));
    assertThat(code.sequence()).isEqualTo(92637);
    assertThat(code.format()).isEqualTo(DossierCode.Format.LONG);
  }

  @Test
  void parsesFiveDigitSequences() {
    assertThat(DossierCode.parse("000.00.31.H56-250815-12345").sequence()).isEqualTo(12345);
  }

  @Test
  void writesTheShortForm() {
    DossierCode code =
        DossierCode.of(AgencyCode.parse("000.00.31.H56"), LocalDate.of(2025, 8, 15), 1);
    assertThat(code.value()).isEqualTo("000.00.31.H56-250815-0001");
    assertThat(code).isEqualTo(DossierCode.parse("000.00.31.H56-250815-0001"));
  }

  @Test
  void widensTheSequenceBeyondFourDigits() {
    assertThat(
            DossierCode.of(AgencyCode.parse("000.00.31.H56"), LocalDate.of(2025, 8, 15), 123456)
                .value())
        .isEqualTo("000.00.31.H56-250815-123456");
  }

  @Test
  void writesTheLongForm() {
    assertThat(
            DossierCode.of(
                    AgencyCode.parse("G09.20"),
                    LocalDate.of(2026, 6, 9),
                    92637,
                    DossierCode.Format.LONG)
                .value())
        .isEqualTo("G09.20-20260609-0092637");
  }

  @Test
  void refusesToWriteWhatCannotBeRead() {
    AgencyCode agency = AgencyCode.parse("000.00.31.H56");
    assertThatThrownBy(() -> DossierCode.of(agency, LocalDate.of(1999, 12, 31), 1))
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("dossier-code.date");
    assertThatThrownBy(() -> DossierCode.of(agency, LocalDate.of(2025, 1, 1), 0))
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("dossier-code.sequence");
  }

  @ParameterizedTest
  @CsvSource({
    "'', dossier-code.empty",
    "000.00.31.H56, dossier-code.parts",
    "000.00.31.H56-250815, dossier-code.parts",
    "-250815-0001, dossier-code.parts",
    "000.00.31.H56-25-08-15-0001, dossier-code.parts",
    "000.00.31.H56-251315-0001, dossier-code.date",
    "000.00.31.H56-250230-0001, dossier-code.date",
    "000.00.31.H56-2508150-0001, dossier-code.date",
    "000.00.31.H56-25081A-0001, dossier-code.date",
    "000.00.31.H56-250815-0000, dossier-code.sequence",
    "000.00.31.H56-250815-, dossier-code.sequence",
    "000.00.31.H56-250815-00x1, dossier-code.sequence",
    "000.00.31.H56-250815-1234567890123, dossier-code.sequence",
    "000.00.31.X5-250815-0001, agency-code.level-format"
  })
  void rejectsBrokenRules(String text, String code) {
    assertThatThrownBy(() -> DossierCode.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo(code);
  }

  static Stream<Arguments> generated() {
    Random random = new Random(2025L);
    List<Arguments> cases = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      AgencyCode agency =
          AgencyCode.parse(
              String.format(
                  "%03d.%02d.%02d.H%02d",
                  random.nextInt(1000),
                  random.nextInt(100),
                  random.nextInt(100),
                  random.nextInt(100)));
      LocalDate date = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(36_500));
      long sequence = 1 + random.nextInt(10_000_000);
      DossierCode.Format format =
          random.nextBoolean() ? DossierCode.Format.SHORT : DossierCode.Format.LONG;
      cases.add(Arguments.of(agency, date, sequence, format));
    }
    return cases.stream();
  }

  @ParameterizedTest
  @MethodSource("generated")
  void writtenCodesParseBackToTheirParts(
      AgencyCode agency, LocalDate date, long sequence, DossierCode.Format format) {
    DossierCode written = DossierCode.of(agency, date, sequence, format);
    DossierCode read = DossierCode.parse(written.value());
    assertThat(read).isEqualTo(written);
    assertThat(read.agency()).isEqualTo(agency);
    assertThat(read.receivedOn()).isEqualTo(date);
    assertThat(read.sequence()).isEqualTo(sequence);
    assertThat(read.format()).isEqualTo(format);
  }
}
