package io.github.motcua.signing.receipt;

/**
 * The legal regime an e-receipt (biên lai điện tử) is issued under, decided by its issue date in
 * Vietnam time ({@link ReceiptRules#regimeOn(java.time.Instant)}).
 *
 * <p>See docs/domain.md §7 ("E-receipts") for each rule and where it was read.
 */
public enum ReceiptRegime {

  /**
   * Decree 123/2020/NĐ-CP as amended by Decree 70/2025/NĐ-CP, with Circular 32/2025/TT-BTC: in
   * force for receipts issued up to 30 June 2026. Receipt symbols are letters, an optional {@code
   * /} or {@code -}, the two last digits of the year the series starts and an optional letter
   * ({@code AB/25E}); numbers run on within a series across years; nothing is sent to the tax
   * authority per receipt.
   */
  DECREE_123_2020(
      "Decree 123/2020/NĐ-CP (amended by Decree 70/2025/NĐ-CP), Circular 32/2025/TT-BTC"),

  /**
   * Decree 254/2026/NĐ-CP with Circular 91/2026/TT-BTC: in force for receipts issued from 1 July
   * 2026. Receipt symbols begin with the two last digits of the year of issue ({@code 26TAB});
   * numbers have at most eight digits, start at 1 on 1 January and end on 31 December (Decree
   * 254/2026 Art. 23(2)); receipt data reach the tax authority on the day of issue, as a summary on
   * form 01/TH-BLĐT or receipt by receipt (Decree 254/2026 Art. 29(3)(b); Circular 91/2026 Art.
   * 4(6)(d)).
   */
  DECREE_254_2026("Decree 254/2026/NĐ-CP, Circular 91/2026/TT-BTC");

  private final String texts;

  ReceiptRegime(String texts) {
    this.texts = texts;
  }

  /**
   * Returns the legal texts of the regime, for messages, documents and reports.
   *
   * @return for example {@code Decree 254/2026/NĐ-CP, Circular 91/2026/TT-BTC}
   */
  public String texts() {
    return texts;
  }
}
