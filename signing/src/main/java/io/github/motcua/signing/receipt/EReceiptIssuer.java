package io.github.motcua.signing.receipt;

import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.xml.HardenedXml;
import io.github.motcua.signing.xml.XmlSigner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
 * <pre>{@code
 * EReceiptIssuer issuer = EReceiptIssuer.builder()
 *     .collectingUnit(unit)
 *     .series(ReceiptSeries.of(unit.taxCode(), "01BLP0-001", "AB/25E"))
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
  private final ReceiptSeries series;
  private final ReceiptNumberAllocator allocator;
  private final XmlSigner signer;
  private final Clock clock;
  private final Random random;
  private final int lookupCodeLength;

  private EReceiptIssuer(Builder b) {
    this.unit = b.unit;
    this.series = b.series;
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
   * @throws InvalidReceiptException when the request breaks a receipt rule (no number is used)
   * @throws ReceiptNumberException when no number could be allocated
   * @throws io.github.motcua.signing.SigningException when signing fails (the number is then
   *     cancelled with the reason)
   */
  public IssuedReceipt issue(ReceiptRequest request) {
    Objects.requireNonNull(request, "request");
    // Whole seconds: receipts print to the minute, and the XML stays readable.
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    String lookupCode = lookupCode();
    EReceipt.Builder builder =
        EReceipt.builder()
            .series(series)
            .issuedAt(now)
            .collectingUnit(unit)
            .payer(request.payer())
            .dossierCode(request.dossierCode())
            .items(request.items())
            .paymentMethod(request.paymentMethod())
            .paymentReference(request.paymentReference())
            .lookupCode(lookupCode);
    builder.number(1).build(); // checks every rule before a number is used
    long number = allocator.allocate(series);
    EReceipt receipt = builder.number(number).build();
    try {
      Document doc = EReceiptXml.toDocument(receipt);
      Element signatures = doc.createElement(EReceiptXml.SIGNATURES);
      doc.getDocumentElement().appendChild(signatures);
      doc.getDocumentElement().appendChild(doc.createTextNode("\n"));
      signer.sign(doc, EReceiptXml.DATA_ID, signatures);
      byte[] xml = HardenedXml.serialize(doc);
      LOG.info("Issued receipt {} No.{}", series, receipt.printedNumber());
      return new IssuedReceipt(receipt, xml);
    } catch (RuntimeException e) {
      String code =
          e instanceof io.github.motcua.core.MotcuaException m
              ? m.code()
              : e.getClass().getSimpleName();
      try {
        allocator.cancel(series, number, "Signing failed: " + code);
      } catch (RuntimeException cancelFailure) {
        e.addSuppressed(cancelFailure);
      }
      throw e;
    }
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
    private ReceiptSeries series;
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
     * Sets the series (required); it must belong to the collecting unit's tax code.
     *
     * @param series the series; not null
     * @return this builder
     */
    public Builder series(ReceiptSeries series) {
      this.series = Objects.requireNonNull(series, "series");
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
        throw new InvalidReceiptException(
            "lookup-code", "length", "Generated lookup codes have 8 to 32 characters.");
      }
      this.lookupCodeLength = length;
      return this;
    }

    /**
     * Builds the issuer.
     *
     * @return the issuer
     * @throws InvalidReceiptException with code {@code receipt.issuer.<setting>.required} for a
     *     missing setting, or {@code receipt.series.unit} when the series belongs to another unit
     */
    public EReceiptIssuer build() {
      require(unit, "unit");
      require(series, "series");
      require(allocator, "allocator");
      require(key, "signing-key");
      if (!series.unitTaxCode().equals(unit.taxCode())) {
        throw new InvalidReceiptException(
            "series",
            "unit",
            "The receipt series belongs to another unit than the collecting unit.");
      }
      return new EReceiptIssuer(this);
    }

    private static void require(Object value, String setting) {
      if (value == null) {
        throw new InvalidReceiptException(
            "issuer." + setting, "required", "The issuer needs " + setting + ".");
      }
    }
  }
}
