package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EReceiptTest {

  @Test
  void computesTheTotalAndTheWordsFromTheItems() {
    EReceipt r = SampleReceipts.receipt();
    assertThat(r.total()).isEqualTo(Vnd.of(1_284_000));
    assertThat(r.totalInWords()).isEqualTo("Một triệu hai trăm tám mươi bốn nghìn đồng");
    assertThat(r.printedNumber()).isEqualTo("0000123");
  }

  @Test
  void acceptsAGivenTotalAndWordsThatMatch() {
    EReceipt r =
        SampleReceipts.builder()
            .total(Vnd.of(1_284_000))
            .totalInWords("Một triệu hai trăm tám mươi bốn nghìn đồng")
            .build();
    assertThat(r.total().amount()).isEqualTo(1_284_000);
  }

  @Test
  void refusesATotalThatIsNotTheSumOfTheItems() {
    assertThatThrownBy(() -> SampleReceipts.builder().total(Vnd.of(1_284_001)).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("receipt.total.sum");
            });
  }

  @Test
  void refusesWordsThatDoNotReadTheTotal() {
    assertThatThrownBy(
            () ->
                SampleReceipts.builder()
                    .totalInWords("Một triệu hai trăm tám mươi tư nghìn đồng")
                    .build())
        .hasFieldOrPropertyWithValue("code", "receipt.total-in-words.mismatch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"AB/25E", "BL25", "AA-25E", "ABCD25", "X24", "ab/25e"})
  void acceptsWellFormedSeriesSymbols(String symbol) {
    assertThat(ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", symbol).seriesSymbol())
        .isEqualTo(symbol.toUpperCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "2E", "ABCDE25", "AB/2E", "AB/2025", "AB//25", "AB/25EE", "ẠB/25E"})
  void refusesMalformedSeriesSymbols(String symbol) {
    assertThatThrownBy(() -> ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", symbol))
        .hasFieldOrPropertyWithValue("code", "receipt.series-symbol.format");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-01", "01-", "01--001", "01BLP0_001", "012345678901234567890"})
  void refusesMalformedFormSymbols(String symbol) {
    assertThatThrownBy(() -> ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, symbol, "AB/25E"))
        .hasFieldOrPropertyWithValue("code", "receipt.form-symbol.format");
  }

  @Test
  void refusesASeriesYearAfterTheYearOfIssue() {
    ReceiptSeries future = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", "AB/26E");
    assertThatThrownBy(() -> SampleReceipts.builder().series(future).build())
        .hasFieldOrPropertyWithValue("code", "receipt.series-symbol.year");
  }

  @Test
  void countsTheYearOfIssueInVietnamTime() {
    // 31 Dec 2025 18:00 UTC is already 1 Jan 2026 in Vietnam.
    ReceiptSeries s26 = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", "AB/26E");
    EReceipt r =
        SampleReceipts.builder()
            .series(s26)
            .issuedAt(Instant.parse("2025-12-31T18:00:00Z"))
            .build();
    assertThat(r.seriesSymbol()).isEqualTo("AB/26E");
  }

  @Test
  void refusesASeriesOfAnotherUnit() {
    ReceiptSeries other = ReceiptSeries.of(TaxCode.parse("0314409058"), "01BLP0-001", "AB/25E");
    assertThatThrownBy(() -> SampleReceipts.builder().series(other).build())
        .hasFieldOrPropertyWithValue("code", "receipt.series.unit");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, 100_000_000L})
  void refusesNumbersOutOfRange(long number) {
    assertThatThrownBy(() -> SampleReceipts.builder().number(number).build())
        .hasFieldOrPropertyWithValue("code", "receipt.number.range");
  }

  @Test
  void refusesAReceiptWithoutItems() {
    assertThatThrownBy(() -> SampleReceipts.builder().items(java.util.List.of()).build())
        .hasFieldOrPropertyWithValue("code", "receipt.items.count");
  }

  @Test
  void refusesAnItemOfZeroDong() {
    // A dossier may list a fee of zero đồng (an exemption); a receipt never prints one.
    Fee free = Fee.fee("P1", "Phí", Vnd.ZERO);
    assertThatThrownBy(() -> SampleReceipts.builder().items(free).build())
        .hasFieldOrPropertyWithValue("code", "receipt.item.amount.positive");
  }

  @Test
  void refusesAFeeCodeLongerThanAReceiptPrints() {
    Fee longCode = Fee.fee("P".repeat(51), "Phí", Vnd.of(1_000));
    assertThatThrownBy(() -> SampleReceipts.builder().items(longCode).build())
        .hasFieldOrPropertyWithValue("code", "receipt.item.code.length");
  }

  @Test
  void refusesAPayerWithBothIdentifiers() {
    Payer both =
        Payer.of(
            "Hộ kinh doanh Bình An",
            SampleReceipts.PAYER_ID,
            io.github.motcua.core.id.TaxCode.parse("0100109106"),
            null);
    assertThatThrownBy(() -> SampleReceipts.builder().payer(both).build())
        .hasFieldOrPropertyWithValue("code", "receipt.payer.identifier.one");
  }

  @Test
  void requiresAPaymentReferenceForOnlinePayments() {
    assertThatThrownBy(() -> SampleReceipts.builder().paymentReference(null).build())
        .hasFieldOrPropertyWithValue("code", "receipt.payment-reference.required");
  }

  @Test
  void acceptsCashWithoutAReference() {
    EReceipt r =
        SampleReceipts.builder().paymentMethod(PaymentMethod.CASH).paymentReference(" ").build();
    assertThat(r.paymentReference()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ABC12", "ABC-1234", "ABCDEFGHIJKLMNOPQRSTUVWXYZ01234567"})
  void refusesMalformedLookupCodes(String code) {
    assertThatThrownBy(() -> SampleReceipts.builder().lookupCode(code).build())
        .hasFieldOrPropertyWithValue("code", "receipt.lookup-code.format");
  }

  @Test
  void namesTheMissingField() {
    assertThatThrownBy(() -> SampleReceipts.builder().payer(null).build())
        .hasFieldOrPropertyWithValue("code", "receipt.payer.required");
  }

  @Test
  void refusesControlCharactersInText() {
    assertThatThrownBy(() -> Payer.named("Nguyễn\u0007 An", null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.path() + "/" + v.code())
                    .containsExactly("name/characters"));
  }

  @Test
  void masksThePayerInToString() {
    String text = SampleReceipts.receipt().toString();
    assertThat(text)
        .doesNotContain(SampleReceipts.PAYER_NAME)
        .doesNotContain("Hương")
        .doesNotContain(SampleReceipts.PAYER_ID.value())
        .doesNotContain("Thôn Đông")
        .contains("N* T* H*")
        .contains(SampleReceipts.PAYER_ID.masked())
        .contains("No.0000123");
  }

  @Test
  void isEqualToAReceiptBuiltFromTheSameValues() {
    assertThat(SampleReceipts.receipt().toBuilder().build()).isEqualTo(SampleReceipts.receipt());
    assertThat(SampleReceipts.receipt().toBuilder().number(124).build())
        .isNotEqualTo(SampleReceipts.receipt());
  }
}
