package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.receipt.internal.Fields;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An electronic receipt for fees and charges (biên lai điện tử thu phí, lệ phí), following the
 * regime in force on its issue date ({@link ReceiptRules}): Decree 254/2026/NĐ-CP and Circular
 * 91/2026/TT-BTC from 1 July 2026, Decree 123/2020/NĐ-CP (amended by Decree 70/2025/NĐ-CP) and
 * Circular 32/2025/TT-BTC before. It holds the series (form and receipt symbols), a number issued
 * in sequence, the issue instant, the collecting unit, the payer, the dossier it pays for, the
 * items, the total in figures and in words, how it was paid, a lookup code the citizen uses to
 * retrieve it and, for a replacing or adjusting receipt, the {@link ReceiptCorrection} naming the
 * original.
 *
 * <p>Validated at construction, so an {@code EReceipt} that exists is consistent:
 *
 * <ul>
 *   <li>the number is between 1 and {@value #MAX_NUMBER};
 *   <li>the series belongs to the collecting unit ({@code receipt.series.unit}) and its symbols are
 *       those of the regime in force on the issue date, with its year rule ({@link
 *       ReceiptRules#check}: {@code receipt.series-symbol.regime}, {@code
 *       receipt.form-symbol.regime}, {@code receipt.series-symbol.year});
 *   <li>there are 1 to {@value #MAX_ITEMS} items; the total equals their sum ({@code
 *       receipt.total.sum}) and the total in words equals {@link Vnd#inWords()} of the total
 *       ({@code receipt.total-in-words.mismatch}); both are computed when not given;
 *   <li>a payment reference is present when the payment method requires one ({@code
 *       receipt.payment-reference.required});
 *   <li>the lookup code is 6 to 32 upper-case ASCII letters and digits ({@code
 *       receipt.lookup-code.format}).
 * </ul>
 *
 * <p>{@link #toString()} masks the payer's name and identifier. Immutable and thread-safe; equality
 * is on every field.
 */
public final class EReceipt {

  /** The highest receipt number accepted: eight digits. */
  public static final long MAX_NUMBER = 99_999_999L;

  /** The largest number of items on one receipt. */
  public static final int MAX_ITEMS = 100;

  private static final Pattern LOOKUP_CODE = Pattern.compile("[0-9A-Z]{6,32}");

  private final ReceiptSeries series;
  private final long number;
  private final Instant issuedAt;
  private final CollectingUnit collectingUnit;
  private final Payer payer;
  private final DossierCode dossierCode;
  private final List<Fee> items;
  private final Vnd total;
  private final String totalInWords;
  private final PaymentMethod paymentMethod;
  private final String paymentReference;
  private final String lookupCode;
  private final ReceiptCorrection correction;
  private final ReceiptRegime regime;
  private final String printedNumber;

  private EReceipt(Builder b) {
    this.series = require(b.series, "series");
    if (b.number < 1 || b.number > MAX_NUMBER) {
      throw new InvalidInputException(
          "receipt.number.range", "A receipt number is between 1 and " + MAX_NUMBER + ".");
    }
    this.number = b.number;
    this.issuedAt = require(b.issuedAt, "issued-at");
    this.collectingUnit = require(b.collectingUnit, "unit");
    if (!series.unitTaxCode().equals(collectingUnit.taxCode())) {
      throw new InvalidInputException(
          "receipt.series.unit",
          "The receipt series belongs to another unit than the collecting unit's tax code.");
    }
    ReceiptRules rules = b.rules == null ? ReceiptRules.inForce() : b.rules;
    rules.check(series, number, issuedAt);
    this.regime = rules.regimeOn(issuedAt);
    this.printedNumber = rules.printedNumber(issuedAt, number);
    this.payer = Fields.payer(require(b.payer, "payer"));
    this.dossierCode = b.dossierCode;
    if (b.items.isEmpty() || b.items.size() > MAX_ITEMS) {
      throw new InvalidInputException(
          "receipt.items.count", "A receipt has 1 to " + MAX_ITEMS + " items.");
    }
    for (Fee item : b.items) {
      if (item == null) {
        throw new InvalidInputException("receipt.items.null", "An item is missing.");
      }
      Fields.item(item);
    }
    this.items = List.copyOf(b.items);
    Vnd sum = Vnd.ZERO;
    for (Fee item : items) {
      sum = sum.plus(item.amount());
    }
    if (b.total != null && !b.total.equals(sum)) {
      throw new InvalidInputException(
          "receipt.total.sum",
          "The total ("
              + b.total.format()
              + ") is not the sum of the items ("
              + sum.format()
              + ").");
    }
    this.total = sum;
    String words = sum.inWords();
    if (b.totalInWords != null && !b.totalInWords.strip().equals(words)) {
      throw new InvalidInputException(
          "receipt.total-in-words.mismatch",
          "The total in words does not read the total: expected \"" + words + "\".");
    }
    this.totalInWords = words;
    this.paymentMethod = require(b.paymentMethod, "payment-method");
    this.paymentReference = Fields.optionalText(b.paymentReference, "payment-reference", 100);
    if (paymentMethod.referenceRequired() && paymentReference == null) {
      throw new InvalidInputException(
          "receipt.payment-reference.required",
          "A payment reference is required for " + paymentMethod.name() + ".");
    }
    String code = b.lookupCode == null ? "" : b.lookupCode.strip().toUpperCase(Locale.ROOT);
    if (!LOOKUP_CODE.matcher(code).matches()) {
      throw new InvalidInputException(
          "receipt.lookup-code.format", "A lookup code is 6 to 32 upper-case letters and digits.");
    }
    this.lookupCode = code;
    this.correction = b.correction;
    if (correction != null) {
      ReceiptReference original = correction.original();
      if (!original.series().unitTaxCode().equals(series.unitTaxCode())) {
        throw new InvalidInputException(
            "receipt.original.unit",
            "A receipt corrects only a receipt of the same collecting unit.");
      }
      if (original.issuedAt().isAfter(issuedAt)
          || (original.series().equals(series) && original.number() == number)) {
        throw new InvalidInputException(
            "receipt.original.order",
            "A correcting receipt is another receipt, issued after the one it corrects.");
      }
    }
  }

  private static <T> T require(T value, String field) {
    if (value == null) {
      throw new InvalidInputException(
          "receipt." + field + "." + "required", "The " + field + " is required.");
    }
    return value;
  }

  /**
   * Starts a receipt.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this receipt's values, to derive a variant.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.series = series;
    b.number = number;
    b.issuedAt = issuedAt;
    b.collectingUnit = collectingUnit;
    b.payer = payer;
    b.dossierCode = dossierCode;
    b.items = items;
    b.total = total;
    b.totalInWords = totalInWords;
    b.paymentMethod = paymentMethod;
    b.paymentReference = paymentReference;
    b.lookupCode = lookupCode;
    b.correction = correction;
    return b;
  }

  /**
   * Returns the series: unit tax code, form symbol and series symbol.
   *
   * @return the series
   */
  public ReceiptSeries series() {
    return series;
  }

  /**
   * Returns the form symbol (ký hiệu mẫu biên lai).
   *
   * @return the form symbol, such as {@code 01BLP0-001}
   */
  public String formSymbol() {
    return series.formSymbol();
  }

  /**
   * Returns the receipt symbol (ký hiệu biên lai).
   *
   * @return the series symbol, such as {@code AB/25E}
   */
  public String seriesSymbol() {
    return series.seriesSymbol();
  }

  /**
   * Returns the receipt number within its series.
   *
   * @return 1 to {@value #MAX_NUMBER}
   */
  public long number() {
    return number;
  }

  /**
   * Returns the number as printed under the regime of the issue date: zero-padded to seven digits
   * before 1 July 2026, to eight from then ({@link ReceiptRules#printedNumber}).
   *
   * @return for example {@code 00000123}
   */
  public String printedNumber() {
    return printedNumber;
  }

  /**
   * Returns the regime the receipt was issued under, by its issue date.
   *
   * @return the regime
   */
  public ReceiptRegime regime() {
    return regime;
  }

  /**
   * Returns what this receipt corrects, for a replacing or adjusting receipt.
   *
   * @return the correction, or empty for an ordinary receipt
   */
  public Optional<ReceiptCorrection> correction() {
    return Optional.ofNullable(correction);
  }

  /**
   * Returns when the receipt was issued.
   *
   * @return the instant
   */
  public Instant issuedAt() {
    return issuedAt;
  }

  /**
   * Returns the unit that collected the fee.
   *
   * @return the collecting unit
   */
  public CollectingUnit collectingUnit() {
    return collectingUnit;
  }

  /**
   * Returns who paid.
   *
   * @return the payer
   */
  public Payer payer() {
    return payer;
  }

  /**
   * Returns the dossier the fee was collected for.
   *
   * @return the dossier code, or empty for a fee not tied to a dossier
   */
  public Optional<DossierCode> dossierCode() {
    return Optional.ofNullable(dossierCode);
  }

  /**
   * Returns the items, in order.
   *
   * @return an unmodifiable list of 1 to {@value #MAX_ITEMS} items
   */
  public List<Fee> items() {
    return items;
  }

  /**
   * Returns the total: the sum of the items.
   *
   * @return the total, more than zero
   */
  public Vnd total() {
    return total;
  }

  /**
   * Returns the total in words, as {@link Vnd#inWords()} writes it.
   *
   * @return for example {@code Năm mươi nghìn đồng}
   */
  public String totalInWords() {
    return totalInWords;
  }

  /**
   * Returns how the payer paid.
   *
   * @return the payment method
   */
  public PaymentMethod paymentMethod() {
    return paymentMethod;
  }

  /**
   * Returns the payment reference: the payment platform's transaction reference, the bank
   * transfer's reference, or a counter reference.
   *
   * @return the reference, or empty (only for cash)
   */
  public Optional<String> paymentReference() {
    return Optional.ofNullable(paymentReference);
  }

  /**
   * Returns the code the citizen uses to retrieve and verify the receipt (mã tra cứu).
   *
   * @return 6 to 32 upper-case letters and digits
   */
  public String lookupCode() {
    return lookupCode;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EReceipt r
        && number == r.number
        && series.equals(r.series)
        && issuedAt.equals(r.issuedAt)
        && collectingUnit.equals(r.collectingUnit)
        && payer.equals(r.payer)
        && Objects.equals(dossierCode, r.dossierCode)
        && items.equals(r.items)
        && paymentMethod == r.paymentMethod
        && Objects.equals(paymentReference, r.paymentReference)
        && lookupCode.equals(r.lookupCode)
        && Objects.equals(correction, r.correction);
  }

  @Override
  public int hashCode() {
    return Objects.hash(series, number, issuedAt, payer, items, lookupCode);
  }

  /** Returns a summary safe for logs: the payer's name and identifier are masked. */
  @Override
  public String toString() {
    return "EReceipt["
        + series
        + " No."
        + printedNumber()
        + ", issuedAt="
        + issuedAt
        + ", unit="
        + collectingUnit.agencyCode()
        + ", payer="
        + payer
        + ", dossier="
        + (dossierCode == null ? "none" : dossierCode.value())
        + ", items="
        + items.size()
        + ", total="
        + total.format()
        + ", paid="
        + paymentMethod
        + (correction == null
            ? ""
            : ", " + correction.kind() + " of " + correction.original().number())
        + "]";
  }

  /**
   * Builds an {@link EReceipt}. Required: series, number, issued-at, collecting unit, payer, at
   * least one item, payment method, lookup code (and a payment reference for online and transfer
   * payments). The total and the words are computed from the items when not set; when set they are
   * checked.
   *
   * <p>Not thread-safe; build once, share the receipt.
   */
  public static final class Builder {
    private ReceiptSeries series;
    private long number;
    private Instant issuedAt;
    private CollectingUnit collectingUnit;
    private Payer payer;
    private DossierCode dossierCode;
    private List<Fee> items = List.of();
    private Vnd total;
    private String totalInWords;
    private PaymentMethod paymentMethod;
    private String paymentReference;
    private String lookupCode;
    private ReceiptCorrection correction;
    private ReceiptRules rules;

    private Builder() {}

    /**
     * Sets what this receipt corrects: a replacement or an adjustment of an earlier receipt.
     *
     * @param correction the correction, or null for an ordinary receipt
     * @return this builder
     */
    public Builder correction(ReceiptCorrection correction) {
      this.correction = correction;
      return this;
    }

    /**
     * Sets the rules the receipt is checked against. Default {@link ReceiptRules#inForce()}.
     *
     * @param rules the rules, or null for the defaults
     * @return this builder
     */
    public Builder rules(ReceiptRules rules) {
      this.rules = rules;
      return this;
    }

    /**
     * Sets the series; its tax code must be the collecting unit's.
     *
     * @param series the series
     * @return this builder
     */
    public Builder series(ReceiptSeries series) {
      this.series = series;
      return this;
    }

    /**
     * Sets the number, normally handed out by a {@link ReceiptNumberAllocator}.
     *
     * @param number 1 to {@value EReceipt#MAX_NUMBER}
     * @return this builder
     */
    public Builder number(long number) {
      this.number = number;
      return this;
    }

    /**
     * Sets when the receipt is issued.
     *
     * @param issuedAt the instant
     * @return this builder
     */
    public Builder issuedAt(Instant issuedAt) {
      this.issuedAt = issuedAt;
      return this;
    }

    /**
     * Sets the collecting unit.
     *
     * @param collectingUnit the unit
     * @return this builder
     */
    public Builder collectingUnit(CollectingUnit collectingUnit) {
      this.collectingUnit = collectingUnit;
      return this;
    }

    /**
     * Sets the payer.
     *
     * @param payer the payer
     * @return this builder
     */
    public Builder payer(Payer payer) {
      this.payer = payer;
      return this;
    }

    /**
     * Sets the dossier the fee was collected for.
     *
     * @param dossierCode the dossier code, or null for none
     * @return this builder
     */
    public Builder dossierCode(DossierCode dossierCode) {
      this.dossierCode = dossierCode;
      return this;
    }

    /**
     * Sets the items, replacing any set before.
     *
     * @param items the items, in print order; not null
     * @return this builder
     */
    public Builder items(List<Fee> items) {
      this.items = List.copyOf(Objects.requireNonNull(items, "items"));
      return this;
    }

    /**
     * Sets the items, replacing any set before.
     *
     * @param items the items, in print order
     * @return this builder
     */
    public Builder items(Fee... items) {
      return items(List.of(items));
    }

    /**
     * Sets the total to check against the sum of the items. Optional.
     *
     * @param total the expected total, or null to compute it
     * @return this builder
     */
    public Builder total(Vnd total) {
      this.total = total;
      return this;
    }

    /**
     * Sets the total in words to check against {@link Vnd#inWords()} of the total. Optional.
     *
     * @param totalInWords the words, or null to compute them
     * @return this builder
     */
    public Builder totalInWords(String totalInWords) {
      this.totalInWords = totalInWords;
      return this;
    }

    /**
     * Sets how the payer paid.
     *
     * @param paymentMethod the method
     * @return this builder
     */
    public Builder paymentMethod(PaymentMethod paymentMethod) {
      this.paymentMethod = paymentMethod;
      return this;
    }

    /**
     * Sets the payment reference, 1 to 100 characters.
     *
     * @param paymentReference the reference, or null (cash only)
     * @return this builder
     */
    public Builder paymentReference(String paymentReference) {
      this.paymentReference = paymentReference;
      return this;
    }

    /**
     * Sets the lookup code.
     *
     * @param lookupCode 6 to 32 letters and digits (upper-cased)
     * @return this builder
     */
    public Builder lookupCode(String lookupCode) {
      this.lookupCode = lookupCode;
      return this;
    }

    /**
     * Builds and validates the receipt.
     *
     * @return the receipt
     * @throws InvalidInputException naming the first field that breaks a rule
     */
    public EReceipt build() {
      return new EReceipt(this);
    }
  }
}
