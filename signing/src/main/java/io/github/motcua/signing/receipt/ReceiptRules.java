package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.signing.receipt.internal.Fields;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The e-receipt rules by issue date: the {@link ReceiptRegime} in force on a receipt's issue date
 * (in Vietnam time) decides its form and receipt symbols, the width of its number, when numbering
 * restarts and what must be sent to the tax authority.
 *
 * <ul>
 *   <li><b>Up to 30 June 2026</b>, {@link ReceiptRegime#DECREE_123_2020}: receipt symbols such as
 *       {@code AB/25E} whose year is not after the year of issue; numbers run on within a series;
 *       printed with seven digits; no per-receipt transmission.
 *   <li><b>From 1 July 2026</b>, {@link ReceiptRegime#DECREE_254_2026} (Decree 254/2026/NĐ-CP,
 *       Circular 91/2026/TT-BTC): the receipt symbol begins with the two last digits of the year of
 *       issue, which must be the year of issue ({@code receipt.series-symbol.year}); numbers have
 *       at most eight digits and restart at 1 on 1 January (Decree 254/2026 Art. 23(2)); receipt
 *       data reach the tax authority on the day of issue (Decree 254/2026 Art. 29(3)(b)).
 * </ul>
 *
 * <p>The exact symbol syntax of Circular 91/2026/TT-BTC could not be read in the text itself: the
 * defaults follow its public transcriptions (form symbol {@code EBL} and two digits, such as {@code
 * EBL01}; receipt symbol of the year's two digits, {@code T} and two letters, such as {@code
 * 26TAB}) and are settings, marked unknown in docs/domain.md §7, for an integrator who holds the
 * text to correct. Receipts dated before the new regime keep the old rules, so they still verify
 * and render.
 *
 * <p>Immutable and thread-safe. {@link #inForce()} gives the defaults.
 */
public final class ReceiptRules {

  /** The first day of Decree 254/2026/NĐ-CP and Circular 91/2026/TT-BTC, in Vietnam time. */
  public static final LocalDate DECREE_254_FROM = LocalDate.of(2026, 7, 1);

  /** The default form symbol pattern from 1 July 2026 [U]: {@code EBL} and two digits. */
  public static final String DEFAULT_FORM_SYMBOL = "EBL[0-9]{2}";

  /**
   * The default receipt symbol pattern from 1 July 2026 [U]: the year's two digits (group {@code
   * yy}), {@code T} and two letters.
   */
  public static final String DEFAULT_RECEIPT_SYMBOL = "(?<yy>[0-9]{2})T[A-Z]{2}";

  private static final ReceiptRules IN_FORCE = builder().build();

  private final LocalDate newRegimeFrom;
  private final Pattern formSymbol;
  private final Pattern receiptSymbol;
  private final int printedWidth;

  private ReceiptRules(Builder b) {
    this.newRegimeFrom = b.newRegimeFrom;
    this.formSymbol = b.formSymbol;
    this.receiptSymbol = b.receiptSymbol;
    this.printedWidth = b.printedWidth;
  }

  /**
   * Returns the rules as motcua reads the texts in force (the defaults of {@link Builder}).
   *
   * @return the shared default rules
   */
  public static ReceiptRules inForce() {
    return IN_FORCE;
  }

  /**
   * Starts rules from the defaults, to correct a setting.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the regime in force on an instant, by its date in Vietnam time.
   *
   * @param issuedAt the issue instant; not null
   * @return {@link ReceiptRegime#DECREE_254_2026} from the first day of the new regime, {@link
   *     ReceiptRegime#DECREE_123_2020} before
   */
  public ReceiptRegime regimeOn(Instant issuedAt) {
    LocalDate day = issuedAt.atZone(Fields.VIETNAM).toLocalDate();
    return day.isBefore(newRegimeFrom)
        ? ReceiptRegime.DECREE_123_2020
        : ReceiptRegime.DECREE_254_2026;
  }

  /**
   * Returns the first day of the new regime, in Vietnam time.
   *
   * @return 1 July 2026 unless set
   */
  public LocalDate newRegimeFrom() {
    return newRegimeFrom;
  }

  /**
   * Tells whether numbering restarts at 1 on 1 January for receipts issued on this instant.
   *
   * @param issuedAt the issue instant
   * @return true under Decree 254/2026/NĐ-CP
   */
  public boolean numberingRestartsYearly(Instant issuedAt) {
    return regimeOn(issuedAt) == ReceiptRegime.DECREE_254_2026;
  }

  /**
   * Tells whether a receipt issued on this instant must reach the tax authority, and when: by the
   * end of its day of issue in Vietnam time (Decree 254/2026 Art. 29(3)(b)).
   *
   * @param issuedAt the issue instant
   * @return true under Decree 254/2026/NĐ-CP
   */
  public boolean transmissionRequired(Instant issuedAt) {
    return regimeOn(issuedAt) == ReceiptRegime.DECREE_254_2026;
  }

  /**
   * Returns the last instant at which a receipt issued on {@code issuedAt} may reach the tax
   * authority: the end of its day of issue in Vietnam time.
   *
   * @param issuedAt the issue instant
   * @return the first instant of the next day in Vietnam time, exclusive
   */
  public Instant transmissionDeadline(Instant issuedAt) {
    ZonedDateTime vn = issuedAt.atZone(Fields.VIETNAM);
    return vn.toLocalDate().plusDays(1).atStartOfDay(Fields.VIETNAM).toInstant();
  }

  /**
   * Returns the highest receipt number of the regime in force: eight digits in both.
   *
   * @param issuedAt the issue instant
   * @return {@value EReceipt#MAX_NUMBER}
   */
  public long maxNumber(Instant issuedAt) {
    return EReceipt.MAX_NUMBER;
  }

  /**
   * Returns a number as printed on a receipt issued on this instant: zero-padded to seven digits up
   * to 30 June 2026, to the new regime's width (eight by default) from 1 July 2026.
   *
   * @param issuedAt the issue instant
   * @param number the number
   * @return for example {@code 00000123}
   */
  public String printedNumber(Instant issuedAt, long number) {
    int width = regimeOn(issuedAt) == ReceiptRegime.DECREE_254_2026 ? printedWidth : 7;
    return String.format(Locale.ROOT, "%0" + width + "d", number);
  }

  /**
   * Returns the series a receipt issued on this instant belongs to, given a configured series: a
   * year-led series rolls to the year of issue in Vietnam time ({@link ReceiptSeries#forYear}), so
   * numbering restarts on 1 January; any other is returned as it is.
   *
   * @param configured the configured series; not null
   * @param issuedAt the issue instant; not null
   * @return the series to allocate from
   */
  public ReceiptSeries seriesOn(ReceiptSeries configured, Instant issuedAt) {
    return configured.forYear(issuedAt.atZone(Fields.VIETNAM).getYear());
  }

  /**
   * Tells whether a series may carry receipts issued on this instant under these rules.
   *
   * @param series the series; not null
   * @param issuedAt the issue instant; not null
   * @return true when {@link #check} would accept its symbols and year
   */
  public boolean accepts(ReceiptSeries series, Instant issuedAt) {
    try {
      check(series, 1, issuedAt);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * Checks a receipt's series and number against the regime in force on its issue date.
   *
   * @param series the series; not null
   * @param number the number
   * @param issuedAt the issue instant; not null
   * @throws InvalidInputException with code {@code receipt.series-symbol.regime}, {@code
   *     receipt.form-symbol.regime}, {@code receipt.series-symbol.year} or {@code
   *     receipt.number.range}
   */
  public void check(ReceiptSeries series, long number, Instant issuedAt) {
    Objects.requireNonNull(series, "series");
    ReceiptRegime regime = regimeOn(issuedAt);
    int issueYear = issuedAt.atZone(Fields.VIETNAM).getYear();
    if (number < 1 || number > maxNumber(issuedAt)) {
      throw new InvalidInputException(
          "receipt.number.range", "A receipt number is between 1 and " + maxNumber(issuedAt) + ".");
    }
    if (regime == ReceiptRegime.DECREE_123_2020) {
      if (series.yearLed()) {
        throw new InvalidInputException(
            "receipt.series-symbol.regime",
            "A receipt issued before "
                + newRegimeFrom
                + " carries a receipt symbol such as AB/25E ("
                + regime.texts()
                + ").");
      }
      if (series.seriesYearTwoDigits() > issueYear % 100) {
        throw new InvalidInputException(
            "receipt.series-symbol.year",
            "The series symbol names a year after the year of issue (" + issueYear + ").");
      }
      return;
    }
    Matcher m = receiptSymbol.matcher(series.seriesSymbol());
    if (!m.matches()) {
      throw new InvalidInputException(
          "receipt.series-symbol.regime",
          "From "
              + newRegimeFrom
              + " a receipt symbol is "
              + describe(receiptSymbol)
              + " ("
              + regime.texts()
              + ").");
    }
    if (!formSymbol.matcher(series.formSymbol()).matches()) {
      throw new InvalidInputException(
          "receipt.form-symbol.regime",
          "From "
              + newRegimeFrom
              + " a receipt form symbol is "
              + describe(formSymbol)
              + " ("
              + regime.texts()
              + ").");
    }
    int yy = Integer.parseInt(m.group("yy"));
    if (yy != issueYear % 100) {
      throw new InvalidInputException(
          "receipt.series-symbol.year",
          "Receipt symbol "
              + series.seriesSymbol()
              + " names the year 20"
              + String.format(Locale.ROOT, "%02d", yy)
              + ", but the receipt is issued in "
              + issueYear
              + " (Vietnam time): use "
              + series.forYear(issueYear).seriesSymbol()
              + ", whose numbering starts at 1 (Decree 254/2026 Art. 23(2)).");
    }
  }

  private static String describe(Pattern p) {
    if (p.pattern().equals(DEFAULT_RECEIPT_SYMBOL)) {
      return "the year's two digits, T and two letters, such as 26TAB";
    }
    if (p.pattern().equals(DEFAULT_FORM_SYMBOL)) {
      return "EBL and two digits, such as EBL01";
    }
    return "of the pattern " + p.pattern();
  }

  @Override
  public String toString() {
    return "ReceiptRules[new regime from "
        + newRegimeFrom
        + ", form "
        + formSymbol.pattern()
        + ", receipt "
        + receiptSymbol.pattern()
        + ", width "
        + printedWidth
        + "]";
  }

  /** Builds {@link ReceiptRules} from the defaults. Not thread-safe. */
  public static final class Builder {
    private LocalDate newRegimeFrom = DECREE_254_FROM;
    private Pattern formSymbol = Pattern.compile(DEFAULT_FORM_SYMBOL);
    private Pattern receiptSymbol = Pattern.compile(DEFAULT_RECEIPT_SYMBOL);
    private int printedWidth = 8;

    private Builder() {}

    /**
     * Sets the first day of the new regime, in Vietnam time. Default 1 July 2026.
     *
     * @param day the day; not null
     * @return this builder
     */
    public Builder newRegimeFrom(LocalDate day) {
      this.newRegimeFrom = Objects.requireNonNull(day, "day");
      return this;
    }

    /**
     * Sets the pattern form symbols follow under the new regime [U]. Default {@code EBL[0-9]{2}}.
     *
     * @param regex a Java regular expression matched against the whole upper-cased symbol
     * @return this builder
     * @throws InvalidInputException with code {@code receipt.rules.form-symbol.pattern}
     */
    public Builder formSymbolPattern(String regex) {
      this.formSymbol = compile(regex, "form-symbol", false);
      return this;
    }

    /**
     * Sets the pattern receipt symbols follow under the new regime [U]; it must have a named group
     * {@code yy} for the year's two digits at the start. Default {@code (?<yy>[0-9]{2})T[A-Z]{2}}.
     *
     * @param regex a Java regular expression matched against the whole upper-cased symbol
     * @return this builder
     * @throws InvalidInputException with code {@code receipt.rules.receipt-symbol.pattern}
     */
    public Builder receiptSymbolPattern(String regex) {
      this.receiptSymbol = compile(regex, "receipt-symbol", true);
      return this;
    }

    /**
     * Sets how many digits a number is zero-padded to when printed under the new regime [U].
     * Default 8.
     *
     * @param width 1 to 8
     * @return this builder
     */
    public Builder printedNumberWidth(int width) {
      if (width < 1 || width > 8) {
        throw new InvalidInputException(
            "receipt.rules.printed-width.range", "A printed number width is 1 to 8.");
      }
      this.printedWidth = width;
      return this;
    }

    private static Pattern compile(String regex, String field, boolean needsYear) {
      try {
        Pattern p = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        if (needsYear && !regex.startsWith("(?<yy>[0-9]{2})")) {
          throw new InvalidInputException(
              "receipt." + "rules." + field + "." + "pattern",
              "A receipt symbol pattern begins with (?<yy>[0-9]{2}), the year's two digits.");
        }
        return p;
      } catch (PatternSyntaxException e) {
        throw new InvalidInputException(
            "receipt." + "rules." + field + "." + "pattern",
            "Not a regular expression: " + e.getDescription(),
            e);
      }
    }

    /**
     * Builds the rules.
     *
     * @return the rules
     */
    public ReceiptRules build() {
      return new ReceiptRules(this);
    }
  }
}
