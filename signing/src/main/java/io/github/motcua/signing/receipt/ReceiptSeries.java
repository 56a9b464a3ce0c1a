package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.TaxCode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt series: the collecting unit's tax code, the form symbol (ký hiệu mẫu biên lai) and the
 * receipt symbol (ký hiệu biên lai). Receipt numbers run from 1 without gaps within one series.
 *
 * <p>A series is well formed here when its symbols follow the syntax of either regime; whether they
 * follow the regime in force on a receipt's issue date is checked by {@link ReceiptRules} when the
 * receipt is built (docs/domain.md §7):
 *
 * <ul>
 *   <li><b>Form symbol</b>: 1 to 20 characters, upper-case ASCII letters and digits in groups
 *       separated by single dashes ({@code [0-9A-Z]+(-[0-9A-Z]+)*}), such as {@code EBL01} (Decree
 *       254/2026/NĐ-CP, Circular 91/2026/TT-BTC) or {@code 01BLP0-001} (Decree 123/2020/NĐ-CP).
 *   <li><b>Receipt symbol, from 1 July 2026</b>: the <em>two last digits of the year of issue</em>
 *       then a letter and up to 5 more upper-case letters or digits, {@code
 *       [0-9]{2}[A-Z][0-9A-Z]{0,5}}, such as {@code 26TAB}; the rules in force narrow this (see
 *       {@link ReceiptRules}). Numbering restarts with each year, so each year has its own series
 *       ({@link #forYear(int)}).
 *   <li><b>Receipt symbol, up to 30 June 2026</b>: 1 to 4 upper-case ASCII letters, an optional
 *       {@code /} or {@code -}, the <em>last two digits of the year the series starts</em>, and an
 *       optional letter for the medium: {@code [A-Z]{1,4}[/-]?[0-9]{2}[A-Z]?}, such as {@code
 *       AB/25E}.
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
  private static final Pattern YEAR_LED = Pattern.compile("([0-9]{2})([A-Z][0-9A-Z]{0,5})");

  /**
   * Creates a series, normalising the symbols.
   *
   * @throws InvalidInputException with code {@code receipt.series.unit.required}, {@code
   *     receipt.form-symbol.format} or {@code receipt.series-symbol.format}
   */
  public ReceiptSeries {
    if (unitTaxCode == null) {
      throw new InvalidInputException(
          "receipt.series.unit.required", "A receipt series belongs to a unit's tax code.");
    }
    formSymbol = normalise(formSymbol);
    seriesSymbol = normalise(seriesSymbol);
    if (formSymbol.length() > 20 || !FORM.matcher(formSymbol).matches()) {
      throw new InvalidInputException(
          "receipt.form-symbol.format",
          "A form symbol is 1 to 20 upper-case letters and digits in dash-separated groups, such"
              + " as 01BLP0-001.");
    }
    if (!SERIES.matcher(seriesSymbol).matches() && !YEAR_LED.matcher(seriesSymbol).matches()) {
      throw new InvalidInputException(
          "receipt.series-symbol.format",
          "A receipt symbol is the two last digits of the year of issue, a letter and up to 5"
              + " more letters or digits, such as 26TAB (from 1 July 2026), or 1 to 4 letters, an optional / or -,"
              + " the two last digits of the series year and an optional letter, such as AB/25E"
              + " (before).");
    }
  }

  /**
   * Creates a series.
   *
   * @param unitTaxCode the collecting unit's tax code
   * @param formSymbol the form symbol, such as {@code EBL01} or {@code 01BLP0-001}
   * @param seriesSymbol the receipt symbol, such as {@code 26TAB} or {@code AB/25E}
   * @return the series
   * @throws InvalidInputException see the constructor
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
      m = YEAR_LED.matcher(seriesSymbol);
      if (!m.matches()) {
        throw new IllegalStateException("validated at construction");
      }
    }
    return Integer.parseInt(m.group(1));
  }

  /**
   * Tells whether the receipt symbol begins with the year of issue, as from 1 July 2026 ({@code
   * 26TAB}), rather than ending with the year the series starts ({@code AB/25E}).
   *
   * @return true for a year-led symbol
   */
  public boolean yearLed() {
    return YEAR_LED.matcher(seriesSymbol).matches();
  }

  /**
   * Returns the series of the same unit, form and letters for another year of issue: for a year-led
   * symbol, the symbol with that year's two digits ({@code 26TAB} becomes {@code 27TAB} in 2027), a
   * new series whose numbering starts at 1; a symbol that ends with its start year ({@code AB/25E})
   * runs on across years and is returned unchanged.
   *
   * @param year the year of issue in Vietnam time, such as 2027
   * @return the series for that year
   */
  public ReceiptSeries forYear(int year) {
    Matcher m = YEAR_LED.matcher(seriesSymbol);
    if (!m.matches()) {
      return this;
    }
    String yy = String.format(Locale.ROOT, "%02d", Math.floorMod(year, 100));
    return yy.equals(m.group(1))
        ? this
        : new ReceiptSeries(unitTaxCode, formSymbol, yy + m.group(2));
  }

  /**
   * Returns the receipt number as printed under Decree 123/2020/NĐ-CP: at least seven digits,
   * zero-padded. {@link EReceipt#printedNumber()} prints by the regime of the receipt's date.
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
