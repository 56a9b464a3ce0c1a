package io.github.motcua.portal.receipt;

import io.github.motcua.core.ConfigurationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A day's summary of receipt data (bảng tổng hợp dữ liệu biên lai điện tử, form 01/TH-BLĐT of
 * Circular 91/2026/TT-BTC Art. 4(6)(d)), sent on the day of issue (Decree 254/2026/NĐ-CP Art.
 * 29(3)(b)). The form's own columns were not read in the text; the lines here hold what a receipt
 * identifies and totals, and the wire names sit in {@link TaxAuthorityProfile} [U].
 *
 * @param taxCode the collecting unit's tax code; not null
 * @param day the day of issue in Vietnam time; not null
 * @param lines one line per receipt document of the day; not null, not empty
 */
public record ReceiptSummary(String taxCode, LocalDate day, List<Line> lines) {

  /**
   * One receipt document of the day.
   *
   * @param formSymbol the form symbol
   * @param receiptSymbol the receipt symbol
   * @param number the number
   * @param kind {@code ISSUED}, {@code REPLACEMENT}, {@code ADJUSTMENT} or {@code CANCELLATION}
   * @param issuedAt when
   * @param amount the total in đồng (0 for a cancellation)
   */
  public record Line(
      String formSymbol,
      String receiptSymbol,
      long number,
      String kind,
      Instant issuedAt,
      long amount) {

    /**
     * Checks the line.
     *
     * @throws NullPointerException for a missing part
     */
    public Line {
      Objects.requireNonNull(formSymbol, "formSymbol");
      Objects.requireNonNull(receiptSymbol, "receiptSymbol");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(issuedAt, "issuedAt");
    }
  }

  /**
   * Validates and copies.
   *
   * @throws ConfigurationException with code {@code tax.summary.empty}
   */
  public ReceiptSummary {
    Objects.requireNonNull(taxCode, "taxCode");
    Objects.requireNonNull(day, "day");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new ConfigurationException(
          "portal.config.tax.summary.empty", "A daily summary lists at least one receipt.");
    }
  }

  /**
   * Returns the key the tax authority knows the summary by.
   *
   * @return the tax code and the day, such as {@code 0100233488:2026-08-17}
   */
  public String key() {
    return taxCode + ":" + day;
  }
}
