package io.github.motcua.signing.receipt;

import io.github.motcua.core.id.TaxCode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt series: the collecting unit's tax code, the form symbol (ký hiệu mẫu biên lai) and the
 * receipt symbol (ký hiệu biên lai). Receipt numbers run from 1 without gaps within one series
 * (Decree 123/2020/NĐ-CP as amended by Decree 70/2025/NĐ-CP; Circular 32/2025/TT-BTC).
 *
 * <p>The exact symbol syntax of Circular 32/2025/TT-BTC was not available when this was written, so
 * the patterns accepted are deliberately those of the published forms and the rule of
 * docs/domain.md §7, no stricter:
 *
 * <ul>
 *   <li><b>Form symbol</b>: 1 to 20 characters, upper-case ASCII letters and digits in groups
 *       separated by single dashes ({@code [0-9A-Z]+(-[0-9A-Z]+)*}), such as {@code 01BLP0-001} or
 *       {@code 1}.
 *   <li><b>Series symbol</b>: 1 to 4 upper-case ASCII letters, an optional {@code /} or {@code -},
 *       the <em>last two digits of the year the series starts</em>, and an optional single letter
 *       for the medium (such as {@code E} for electronic): {@code [A-Z]{1,4}[/-]?[0-9]{2}[A-Z]?},
 *       such as {@code AB/25E}, {@code BL25} or {@code AA-26E}.
 * </ul>
 *
 * Parsing strips surrounding whitespace and upper-cases.
 *
 * <p>Immutable and thread-safe; equality is on the three parts.
 *
 * @param unitTaxCode the collecting unit's tax code; numbering is per unit; not null
 * @param formSymbol the normalised form symbol
 * @param seriesSymbol the normalised series symbol
 */
public record ReceiptSeries(TaxCode unitTaxCode, String formSymbol, String seriesSymbol) {

  private static final Pattern FORM = Pattern.compile("[0-9A-Z]+(?:-[0-9A-Z]+)*");
  private static final Pattern SERIES = Pattern.compile("[A-Z]{1,4}[/-]?([0-9]{2})[A-Z]?");

  /**
   * Creates a series, normalising the symbols.
   *
   * @throws InvalidReceiptException with code {@code receipt.series.unit.required}, {@code
   *     receipt.form-symbol.format} or {@code receipt.series-symbol.format}
   */
  public ReceiptSeries {
    if (unitTaxCode == null) {
      throw new InvalidReceiptException(
          "series.unit", "required", "A receipt series belongs to a unit's tax code.");
    }
    formSymbol = normalise(formSymbol);
    seriesSymbol = normalise(seriesSymbol);
    if (formSymbol.length() > 20 || !FORM.matcher(formSymbol).matches()) {
      throw new InvalidReceiptException(
          "form-symbol",
          "format",
          "A form symbol is 1 to 20 upper-case letters and digits in dash-separated groups, such"
              + " as 01BLP0-001.");
    }
    if (!SERIES.matcher(seriesSymbol).matches()) {
      throw new InvalidReceiptException(
          "series-symbol",
          "format",
          "A series symbol is 1 to 4 letters, an optional / or -, the two last digits of the"
              + " series year and an optional letter, such as AB/25E.");
    }
  }

  /**
   * Creates a series.
   *
   * @param unitTaxCode the collecting unit's tax code
   * @param formSymbol the form symbol, such as {@code 01BLP0-001}
   * @param seriesSymbol the series symbol, such as {@code AB/25E}
   * @return the series
   * @throws InvalidReceiptException see the constructor
   */
  public static ReceiptSeries of(TaxCode unitTaxCode, String formSymbol, String seriesSymbol) {
    return new ReceiptSeries(unitTaxCode, formSymbol, seriesSymbol);
  }

  /**
   * Returns the two last digits of the year the series starts, read from the series symbol.
   *
   * @return 0 to 99
   */
  public int seriesYearTwoDigits() {
    Matcher m = SERIES.matcher(seriesSymbol);
    if (!m.matches()) {
      throw new IllegalStateException("validated at construction");
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * Returns the receipt number as printed: at least seven digits, zero-padded.
   *
   * @param number the number
   * @return for example {@code 0000123}
   */
  public static String printedNumber(long number) {
    return String.format(Locale.ROOT, "%07d", number);
  }

  private static String normalise(String symbol) {
    return symbol == null ? "" : symbol.strip().toUpperCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return unitTaxCode + " " + formSymbol + " " + seriesSymbol;
  }
}
