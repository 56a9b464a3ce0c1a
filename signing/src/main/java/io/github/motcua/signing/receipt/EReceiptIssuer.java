package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.xml.XmlSigner;
import io.github.motcua.signing.xml.internal.HardenedXml;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Issues electronic receipts (phát hành biên lai điện tử) for one collecting unit and one series,
 * in one call: checks the request, allocates the next number, builds the {@link EReceipt}, writes
 * it as XML ({@link EReceiptXml}) and signs it ({@link XmlSigner}, enveloped signature over {@code
 * #data}).
 *
 * <p>The request is checked before a number is taken, so a wrong request never uses a number. If
 * signing fails after the number was allocated (a token pulled out, a remote signer that refuses),
 * the number is {@linkplain ReceiptNumberAllocator#cancel cancelled} with the reason and the
 * failure is rethrown: the series keeps no silent gap.
 *
 * <p>The series is chosen by the issue date ({@link ReceiptRules}): a year-led series such as
 * {@code 26TAB} rolls to the year of issue in Vietnam time ({@code 27TAB} from 1 January 2027,
 * numbered from 1), and of several configured series ({@link Builder#addSeries}) the first the
 * regime in force accepts is used, so one issuer spans the change of regime on 1 July 2026.
 *
 * <p>Corrections: {@link #replace}, {@link #adjust} and {@link #cancel} each produce a signed
 * document naming the original (form symbol, receipt symbol, number, date) and the reason, and mark
 * the original replaced, adjusted or cancelled in the allocator's register; the original keeps its
 * number.
 *
 * <pre>{@code
 * EReceiptIssuer issuer = EReceiptIssuer.builder()
 *     .collectingUnit(unit)
 *     .series(ReceiptSeries.of(unit.taxCode(), "EBL01", "26TAB"))
 *     .allocator(JdbcReceiptNumberAllocator.builder().dataSource(ds).build())
 *     .signingKey(key)
 *     .build();
 * IssuedReceipt issued = issuer.issue(new ReceiptRequest(payer, dossier, items,
 *     PaymentMethod.ONLINE_PAYMENT_PLATFORM, "DVC2508150001234"));
 * }</pre>
 *
 * <p>Thread-safe when its allocator and key are (the defaults are).
 */
public final class EReceiptIssuer {

  private static final Logger LOG = LoggerFactory.getLogger(EReceiptIssuer.class);

  /** Letters and digits of lookup codes: no 0/O or 1/I, which people mistake when typing. */
  private static final String LOOKUP_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private final CollectingUnit unit;
  private final List<ReceiptSeries> series;
  private final ReceiptRules rules;
  private final boolean rollYearly;
  private final ReceiptNumberAllocator allocator;
  private final XmlSigner signer;
  private final Clock clock;
  private final Random random;
  private final int lookupCodeLength;

  private EReceiptIssuer(Builder b) {
    this.unit = b.unit;
    this.series = List.copyOf(b.series);
    this.rules = b.rules;
    this.rollYearly = b.rollYearly;
    this.allocator = b.allocator;
    this.clock = b.clock;
    this.signer = XmlSigner.builder().signingKey(b.key).clock(b.clock).build();
    this.random = b.random != null ? b.random : new SecureRandom();
    this.lookupCodeLength = b.lookupCodeLength;
  }

  /**
   * Starts an issuer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Issues a receipt: allocate, build, sign.
   *
   * @param request the payment; not null
   * @return the receipt and its signed XML
   * @throws InvalidInputException when the request breaks a receipt rule (no number is used)
   * @throws MotcuaException when no number could be allocated
   * @throws io.github.motcua.core.MotcuaException when signing fails (the number is then cancelled
   *     with the reason)
   */
  public IssuedReceipt issue(ReceiptRequest request) {
    Objects.requireNonNull(request, "request");
    return issue(request, null);
  }

  /**
   * Replaces a receipt with a new one holding the right content (biên lai thay thế): the new
   * receipt has a number of its own and names the original and the reason; the original is then
   * marked {@link AllocatedNumber.Status#REPLACED}.
   *
   * @param original the receipt replaced, issued by this unit; not null
   * @param request the right content; not null
   * @param reason why, 1 to 500 characters, no personal data
   * @return the replacing receipt
   * @throws InvalidInputException with code {@code receipt-number.already-cancelled} when the
   *     original was cancelled or replaced before, {@code receipt-number.unknown} when it is not in
   *     the register
   */
  public IssuedReceipt replace(EReceipt original, ReceiptRequest request, String reason) {
    return correct(original, request, ReceiptCorrection.Kind.REPLACEMENT, reason);
  }

  /**
   * Adjusts a receipt (biên lai điều chỉnh): a new receipt whose items are the amounts added to
   * ({@code ADJUSTMENT_INCREASE}) or taken off ({@code ADJUSTMENT_DECREASE}) the original, naming
   * it and the reason; the original is then marked {@link AllocatedNumber.Status#ADJUSTED}.
   *
   * @param original the receipt adjusted, issued by this unit; not null
   * @param request the amounts of the adjustment; not null
   * @param kind {@code ADJUSTMENT_INCREASE} or {@code ADJUSTMENT_DECREASE}; not null
   * @param reason why, 1 to 500 characters, no personal data
   * @return the adjusting receipt
   * @throws MotcuaException as {@link #replace}
   */
  public IssuedReceipt adjust(
      EReceipt original, ReceiptRequest request, ReceiptCorrection.Kind kind, String reason) {
    if (kind == null || !kind.adjustment()) {
      throw new InvalidInputException(
          "receipt.correction.kind", "An adjustment increases or decreases the original.");
    }
    return correct(original, request, kind, reason);
  }

  /**
   * Cancels a receipt issued in error (hủy biên lai): signs a cancellation naming the original and
   * the reason, then marks the original {@link AllocatedNumber.Status#CANCELLED}. Nothing is marked
   * when signing fails.
   *
   * @param original the receipt cancelled, issued by this unit; not null
   * @param reason why, 1 to 500 characters, no personal data
   * @return the signed cancellation
   * @throws MotcuaException as {@link #replace}
   */
  public IssuedCancellation cancel(EReceipt original, String reason) {
    checkCorrectable(original);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ReceiptCancellation cancellation =
        new ReceiptCancellation(unit.name(), ReceiptReference.of(original), reason, now);
    byte[] xml = sign(EReceiptXml.toDocument(cancellation));
    allocator.cancel(original.series(), original.number(), cancellation.reason());
    LOG.info("Cancelled receipt {} No.{}", original.series(), original.printedNumber());
    return new IssuedCancellation(cancellation, xml);
  }

  private IssuedReceipt correct(
      EReceipt original, ReceiptRequest request, ReceiptCorrection.Kind kind, String reason) {
    Objects.requireNonNull(request, "request");
    checkCorrectable(original);
    ReceiptCorrection correction =
        new ReceiptCorrection(kind, ReceiptReference.of(original), reason);
    IssuedReceipt issued = issue(request, correction);
    EReceipt made = issued.receipt();
    AllocatedNumber.Status status =
        kind == ReceiptCorrection.Kind.REPLACEMENT
            ? AllocatedNumber.Status.REPLACED
            : AllocatedNumber.Status.ADJUSTED;
    String note =
        truncate(
            correction.reason()
                + " ("
                + kind
                + " by "
                + made.seriesSymbol()
                + " No."
                + made.number()
                + ")");
    try {
      allocator.recordCorrection(original.series(), original.number(), status, note);
    } catch (RuntimeException e) {
      // Another correction got there first: the new receipt must not stand.
      try {
        allocator.cancel(made.series(), made.number(), "Original could not be marked: " + code(e));
      } catch (RuntimeException cancelFailure) {
        e.addSuppressed(cancelFailure);
      }
      throw e;
    }
    return issued;
  }

  private static String truncate(String s) {
    return s.length() <= 500 ? s : s.substring(0, 500);
  }

  private void checkCorrectable(EReceipt original) {
    Objects.requireNonNull(original, "original");
    if (!original.series().unitTaxCode().equals(unit.taxCode())) {
      throw new InvalidInputException(
          "receipt.original.unit", "This issuer corrects only its own unit's receipts.");
    }
    AllocatedNumber record =
        allocator
            .find(original.series(), original.number())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "receipt-number.unknown",
                        "Receipt No."
                            + original.number()
                            + " of series "
                            + original.series()
                            + " is not in the register."));
    if (record.status() == AllocatedNumber.Status.CANCELLED
        || record.status() == AllocatedNumber.Status.REPLACED) {
      throw new InvalidInputException(
          "receipt-number.already-cancelled",
          "Receipt No."
              + original.number()
              + " of series "
              + original.series()
              + " was "
              + record.status().name().toLowerCase(java.util.Locale.ROOT)
              + " before.");
    }
  }

  private ReceiptSeries seriesOn(Instant now) {
    for (ReceiptSeries s : series) {
      ReceiptSeries candidate = rollYearly ? rules.seriesOn(s, now) : s;
      if (rules.accepts(candidate, now)) {
        return candidate;
      }
    }
    // None fits: the first one's error says why (wrong regime's symbols, or the wrong year).
    return rollYearly ? rules.seriesOn(series.get(0), now) : series.get(0);
  }

  private IssuedReceipt issue(ReceiptRequest request, ReceiptCorrection correction) {
    // Whole seconds: receipts print to the minute, and the XML stays readable.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ReceiptSeries series = seriesOn(now);
    String lookupCode = lookupCode();
    EReceipt.Builder builder =
        EReceipt.builder()
            .rules(rules)
            .correction(correction)
            .series(series)
            .issuedAt(now)
            .collectingUnit(unit)
            .payer(request.payer())
            .dossierCode(request.dossierCode())
            .items(request.items())
            .paymentMethod(request.paymentMethod())
            .paymentReference(request.paymentReference())
            .lookupCode(lookupCode);
    // Checks every rule before a number is used (with a number the original cannot have).
    boolean clash = correction != null && correction.original().number() == 1;
    builder.number(clash ? 2 : 1).build();
    long number = allocator.allocate(series);
    EReceipt receipt = builder.number(number).build();
    try {
      byte[] xml = sign(EReceiptXml.toDocument(receipt));
      LOG.info("Issued receipt {} No.{}", series, receipt.printedNumber());
      return new IssuedReceipt(receipt, xml);
    } catch (RuntimeException e) {
      try {
        allocator.cancel(series, number, "Signing failed: " + code(e));
      } catch (RuntimeException cancelFailure) {
        e.addSuppressed(cancelFailure);
      }
      throw e;
    }
  }

  private byte[] sign(Document doc) {
    Element signatures = doc.createElement(EReceiptXml.SIGNATURES);
    doc.getDocumentElement().appendChild(signatures);
    doc.getDocumentElement().appendChild(doc.createTextNode("\n"));
    signer.sign(doc, EReceiptXml.DATA_ID, signatures);
    return HardenedXml.serialize(doc);
  }

  private static String code(RuntimeException e) {
    return e instanceof io.github.motcua.core.MotcuaException m
        ? m.code()
        : e.getClass().getSimpleName();
  }

  /**
   * Returns the rules this issuer follows.
   *
   * @return the rules
   */
  public ReceiptRules rules() {
    return rules;
  }

  private String lookupCode() {
    StringBuilder out = new StringBuilder(lookupCodeLength);
    synchronized (random) {
      for (int i = 0; i < lookupCodeLength; i++) {
        out.append(LOOKUP_ALPHABET.charAt(random.nextInt(LOOKUP_ALPHABET.length())));
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "EReceiptIssuer[" + series + "]";
  }

  /** Builds an {@link EReceiptIssuer}. Not thread-safe. */
  public static final class Builder {
    private CollectingUnit unit;
    private final List<ReceiptSeries> series = new ArrayList<>();
    private ReceiptRules rules = ReceiptRules.inForce();
    private boolean rollYearly = true;
    private ReceiptNumberAllocator allocator;
    private SigningKey key;
    private Clock clock = Clock.systemUTC();
    private Random random;
    private int lookupCodeLength = 10;

    private Builder() {}

    /**
     * Sets the collecting unit (required).
     *
     * @param unit the unit; not null
     * @return this builder
     */
    public Builder collectingUnit(CollectingUnit unit) {
      this.unit = Objects.requireNonNull(unit, "unit");
      return this;
    }

    /**
     * Sets the series (required), replacing any set before; it must belong to the collecting unit's
     * tax code. A year-led series ({@code 26TAB}) rolls to each year of issue.
     *
     * @param series the series; not null
     * @return this builder
     */
    public Builder series(ReceiptSeries series) {
      this.series.clear();
      this.series.add(Objects.requireNonNull(series, "series"));
      return this;
    }

    /**
     * Adds a further series, tried in order after those set before: for example the old regime's
     * {@code AB/25E} first and the new regime's {@code 26TAB} second, so that receipts switch on 1
     * July 2026.
     *
     * @param series the series; not null
     * @return this builder
     */
    public Builder addSeries(ReceiptSeries series) {
      this.series.add(Objects.requireNonNull(series, "series"));
      return this;
    }

    /**
     * Sets the rules by issue date. Default {@link ReceiptRules#inForce()}.
     *
     * @param rules the rules; not null
     * @return this builder
     */
    public Builder rules(ReceiptRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /**
     * Sets whether a year-led series rolls to the year of issue (default true). When false, a
     * receipt issued in another year than its series names is refused with {@code
     * receipt.series-symbol.year}.
     *
     * @param roll whether to roll
     * @return this builder
     */
    public Builder rollSeriesYearly(boolean roll) {
      this.rollYearly = roll;
      return this;
    }

    /**
     * Sets the number allocator (required).
     *
     * @param allocator the allocator; not null
     * @return this builder
     */
    public Builder allocator(ReceiptNumberAllocator allocator) {
      this.allocator = Objects.requireNonNull(allocator, "allocator");
      return this;
    }

    /**
     * Sets the collecting unit's signing key (required): RSA or EC.
     *
     * @param key the key; not null
     * @return this builder
     */
    public Builder signingKey(SigningKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Sets the clock that dates receipts and signatures.
     *
     * @param clock default the system clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the source of lookup codes. Default a {@link SecureRandom}; tests give a seeded one.
     *
     * @param random the source; not null
     * @return this builder
     */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Sets the length of generated lookup codes.
     *
     * @param length 8 to 32; default 10 (32^10, about 10^15 codes)
     * @return this builder
     */
    public Builder lookupCodeLength(int length) {
      if (length < 8 || length > 32) {
        throw new InvalidInputException(
            "receipt.lookup-code.length", "Generated lookup codes have 8 to 32 characters.");
      }
      this.lookupCodeLength = length;
      return this;
    }

    /**
     * Builds the issuer.
     *
     * @return the issuer
     * @throws InvalidInputException with code {@code receipt.issuer.<setting>.required} for a
     *     missing setting, or {@code receipt.series.unit} when the series belongs to another unit
     */
    public EReceiptIssuer build() {
      require(unit, "unit");
      require(series.isEmpty() ? null : series, "series");
      require(allocator, "allocator");
      require(key, "signing-key");
      for (ReceiptSeries s : series) {
        if (!s.unitTaxCode().equals(unit.taxCode())) {
          throw new InvalidInputException(
              "receipt.series.unit",
              "The receipt series belongs to another unit than the collecting unit.");
        }
      }
      return new EReceiptIssuer(this);
    }

    private static void require(Object value, String setting) {
      if (value == null) {
        throw new InvalidInputException(
            "receipt." + "issuer." + setting + "." + "required",
            "The issuer needs " + setting + ".");
      }
    }
  }
}
