package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Symbols and numbers, valid and invalid, under each regime (docs/domain.md §7, "E-receipts"). */
class ReceiptRulesTest {

  private static final ReceiptRules RULES = ReceiptRules.inForce();

  /** The last second of the old regime and the first of the new one, in Vietnam time (UTC+7). */
  private static final Instant LAST_OLD = Instant.parse("2026-06-30T16:59:59Z");

  private static final Instant FIRST_NEW = Instant.parse("2026-06-30T17:00:00Z");

  // Decree 254/2026/NĐ-CP takes effect on 1 July 2026 (its article on entry into force), replacing
  // Decree 123/2020/NĐ-CP and Decree 70/2025/NĐ-CP; the day is counted in Vietnam time.
  @Test
  void theRegimeChangesAtMidnightOfFirstJulyVietnamTime() {
    assertThat(RULES.regimeOn(LAST_OLD)).isEqualTo(ReceiptRegime.DECREE_123_2020);
    assertThat(RULES.regimeOn(FIRST_NEW)).isEqualTo(ReceiptRegime.DECREE_254_2026);
    assertThat(RULES.transmissionRequired(LAST_OLD)).isFalse();
    assertThat(RULES.transmissionRequired(FIRST_NEW)).isTrue();
    assertThat(RULES.numberingRestartsYearly(FIRST_NEW)).isTrue();
  }

  // Decree 254/2026 Art. 23(2), Circular 91/2026 (symbols as publicly transcribed; [U] settings):
  // form symbol EBL + two digits; receipt symbol = the year's two digits, T, two letters.
  @ParameterizedTest
  @CsvSource({"EBL01, 26TAB", "EBL02, 26TXY", "ebl01, ' 26tab '"})
  void newSymbolsAreAcceptedFromFirstJuly(String form, String symbol) {
    ReceiptSeries series = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, form, symbol);
    RULES.check(series, 1, FIRST_NEW);
    RULES.check(series, 99_999_999, FIRST_NEW);
    assertThat(series.yearLed()).isTrue();
    assertThat(series.seriesYearTwoDigits()).isEqualTo(26);
  }

  // Same source: the symbol's year is the year of issue; the form and letters follow the pattern.
  @ParameterizedTest
  @CsvSource({
    "EBL01, 25TAB, receipt.series-symbol.year",
    "EBL01, 27TAB, receipt.series-symbol.year",
    "EBL01, 26CAB, receipt.series-symbol.regime",
    "EBL01, 26TA, receipt.series-symbol.regime",
    "EBL01, 26TABC, receipt.series-symbol.regime",
    "EBL01, AB/26E, receipt.series-symbol.regime",
    "01BLP0-001, 26TAB, receipt.form-symbol.regime",
    "EBL1, 26TAB, receipt.form-symbol.regime"
  })
  void symbolsOutsideTheNewRulesAreRefusedFromFirstJuly(String form, String symbol, String code) {
    ReceiptSeries series = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, form, symbol);
    assertThatThrownBy(() -> RULES.check(series, 1, FIRST_NEW))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", code);
  }

  // Decree 254/2026 Art. 23(2): at most eight digits.
  @ParameterizedTest
  @CsvSource({"0", "100000000"})
  void numbersOutsideEightDigitsAreRefused(long number) {
    ReceiptSeries series = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "EBL01", "26TAB");
    assertThatThrownBy(() -> RULES.check(series, number, FIRST_NEW))
        .hasFieldOrPropertyWithValue("code", "receipt.number.range");
  }

  // Decree 123/2020/NĐ-CP (amended by Decree 70/2025), Circular 32/2025/TT-BTC, up to 30 June 2026:
  // letters, optional / or -, the series' start year, optional letter; the year not after issue.
  @ParameterizedTest
  @CsvSource({"01BLP0-001, AB/25E", "01BLP0-001, AB/26E", "1, BL25", "EBL01, AA-26E"})
  void oldSymbolsStillHoldForReceiptsIssuedBeforeFirstJuly(String form, String symbol) {
    RULES.check(ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, form, symbol), 1, LAST_OLD);
  }

  // Same texts: a year-led symbol did not exist; a series cannot start after the receipt.
  @ParameterizedTest
  @CsvSource({
    "01BLP0-001, 26TAB, receipt.series-symbol.regime",
    "01BLP0-001, AB/27E, receipt.series-symbol.year"
  })
  void newSymbolsAreRefusedBeforeFirstJuly(String form, String symbol, String code) {
    ReceiptSeries series = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, form, symbol);
    assertThatThrownBy(() -> RULES.check(series, 1, LAST_OLD))
        .hasFieldOrPropertyWithValue("code", code);
  }

  @ParameterizedTest
  @CsvSource({"26", "T26AB", "2026TAB", "26-TAB", "26TAB!", "''", "AB/2E"})
  void malformedSymbolsAreRefusedAtConstruction(String symbol) {
    assertThatThrownBy(() -> ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "EBL01", symbol))
        .hasFieldOrPropertyWithValue("code", "receipt.series-symbol.format");
  }

  @Test
  void aYearLedSeriesRollsToTheYearOfIssueInVietnamTime() {
    ReceiptSeries series = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "EBL01", "26TAB");
    // 31 Dec 2026 23:59:59 and 1 Jan 2027 00:00:00 in Vietnam time.
    assertThat(RULES.seriesOn(series, Instant.parse("2026-12-31T16:59:59Z")).seriesSymbol())
        .isEqualTo("26TAB");
    assertThat(RULES.seriesOn(series, Instant.parse("2026-12-31T17:00:00Z")).seriesSymbol())
        .isEqualTo("27TAB");
    ReceiptSeries old = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", "AB/25E");
    assertThat(old.forYear(2026)).isSameAs(old);
  }

  @Test
  void numbersPrintWithTheWidthOfTheirRegime() {
    assertThat(RULES.printedNumber(LAST_OLD, 123)).isEqualTo("0000123");
    assertThat(RULES.printedNumber(FIRST_NEW, 123)).isEqualTo("00000123");
    assertThat(RULES.transmissionDeadline(Instant.parse("2026-08-01T16:30:00Z")))
        .isEqualTo(Instant.parse("2026-08-01T17:00:00Z"));
  }

  @Test
  void settingsCorrectWhatCouldNotBeConfirmed() {
    ReceiptRules custom =
        ReceiptRules.builder()
            .formSymbolPattern("[0-9]{2}BLP[0-9]-[0-9]{3}")
            .receiptSymbolPattern("(?<yy>[0-9]{2})[A-Z]{3}")
            .newRegimeFrom(LocalDate.of(2026, 8, 1))
            .printedNumberWidth(7)
            .build();
    ReceiptSeries series = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", "26ABC");
    custom.check(series, 1, Instant.parse("2026-08-01T00:00:00Z"));
    assertThat(custom.regimeOn(FIRST_NEW)).isEqualTo(ReceiptRegime.DECREE_123_2020);
    assertThatThrownBy(() -> ReceiptRules.builder().receiptSymbolPattern("[A-Z]{2}"))
        .hasFieldOrPropertyWithValue("code", "receipt.rules.receipt-symbol.pattern");
    assertThatThrownBy(() -> ReceiptRules.builder().formSymbolPattern("(["))
        .hasFieldOrPropertyWithValue("code", "receipt.rules.form-symbol.pattern");
  }

  @Test
  void aReceiptOfTheNewRegimeIsBuiltAndReadBack() {
    EReceipt r =
        SampleReceipts.builder()
            .series(ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "EBL01", "26TAB"))
            .issuedAt(FIRST_NEW)
            .build();
    assertThat(r.regime()).isEqualTo(ReceiptRegime.DECREE_254_2026);
    assertThat(r.printedNumber()).isEqualTo("00000123");
    assertThat(EReceiptXml.read(EReceiptXml.write(r))).isEqualTo(r);
    assertThatThrownBy(
            () ->
                SampleReceipts.builder()
                    .series(ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "EBL01", "26TAB"))
                    .issuedAt(Instant.parse("2027-01-01T00:00:00Z"))
                    .build())
        .hasFieldOrPropertyWithValue("code", "receipt.series-symbol.year")
        .hasMessageContaining("27TAB");
  }
}
