package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckOutcome;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SignerIdentity;
import io.github.motcua.signing.SignerReport;
import io.github.motcua.signing.xml.SignedElementPath;
import io.github.motcua.signing.xml.XmlSignatureVerifier;
import io.github.motcua.signing.xml.XmlVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies an electronic receipt document (kiểm tra biên lai điện tử) in one call and one report:
 *
 * <ol>
 *   <li>the XML signature over the {@code ReceiptData} element at {@code /EReceipt/ReceiptData},
 *       with every check of {@link XmlSignatureVerifier} (hardened parsing, reference target,
 *       digests, signature value, chain, validity, revocation);
 *   <li>{@code CONTENT_RULES}: the signed data is a receipt that follows the rules of {@link
 *       EReceipt} (total is the sum, words read the total, symbols well formed); the detail names
 *       the broken rule's code, such as {@code receipt.total.sum};
 *   <li>{@code SIGNER_IDENTITY}: the signing certificate's tax code ({@code UID=MST:…}) is the
 *       collecting unit's, or its parent unit's when the unit is a branch ({@code 0100233488-001}
 *       may be signed by {@code 0100233488}, never the reverse), so one unit cannot issue receipts
 *       in another's name. A certificate without a tax code gives {@code INDETERMINATE}.
 * </ol>
 *
 * <p>With a {@linkplain Builder#register register} (the issuer's {@link ReceiptNumberAllocator}),
 * the result also says whether the receipt still stands or was cancelled, replaced or adjusted
 * ({@link EReceiptVerification#status()}); a valid signature on a replaced receipt is still a valid
 * signature, so the verdict does not change. Content rules are those of the regime in force on the
 * receipt's issue date ({@link ReceiptRules}), so receipts issued before 1 July 2026 verify under
 * Decree 123/2020/NĐ-CP. {@link #verifyCancellation} checks a signed cancellation.
 *
 * <pre>{@code
 * EReceiptVerifier verifier = EReceiptVerifier.builder()
 *     .xmlVerifier(XmlSignatureVerifier.builder().trustAnchors(anchors).build())
 *     .build();
 * EReceiptVerification result = verifier.verify(xml);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class EReceiptVerifier {

  /** Where the signed data of a receipt is. */
  public static final SignedElementPath DATA_PATH =
      SignedElementPath.of(EReceiptXml.ROOT, EReceiptXml.DATA);

  /** Where the signed data of a cancellation is. */
  public static final SignedElementPath CANCELLATION_PATH =
      SignedElementPath.of(EReceiptXml.CANCELLATION_ROOT, EReceiptXml.CANCELLATION_DATA);

  private final XmlSignatureVerifier xml;
  private final ReceiptNumberAllocator register;
  private final ReceiptRules rules;

  private EReceiptVerifier(Builder b) {
    this.xml = b.xml;
    this.register = b.register;
    this.rules = b.rules;
  }

  /**
   * Starts a verifier.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a receipt document.
   *
   * @param document the signed receipt XML; hostile input gives an {@code INVALID} report
   * @return the report and, when the signed content is a valid receipt, the receipt
   */
  public EReceiptVerification verify(byte[] document) {
    XmlVerification verification = xml.verify(document, DATA_PATH);
    SignatureReport report = verification.report();
    if (verification.signedElement().isEmpty()) {
      return new EReceiptVerification(report, null, ReceiptStatus.UNKNOWN);
    }
    List<Check> documentChecks = new ArrayList<>(report.formatChecks());
    EReceipt receipt = null;
    try {
      receipt = EReceiptXml.fromDataElement(verification.signedElement().get(), rules);
      documentChecks.add(
          Check.passed(CheckType.CONTENT_RULES, ReasonCode.CONTENT_RULES_OK, "receipt"));
      Check identity = signerIdentity(receipt, report);
      documentChecks.add(identity);
      if (identity.outcome() == CheckOutcome.FAILED) {
        // Signed by another unit than the one named: not this unit's receipt.
        receipt = null;
      }
    } catch (InvalidInputException e) {
      documentChecks.add(
          Check.failed(CheckType.CONTENT_RULES, ReasonCode.CONTENT_RULES_BROKEN, e.code()));
    }
    SignatureReport combined =
        SignatureReport.of(documentChecks, report.signers(), report.validatedAt());
    return new EReceiptVerification(combined, receipt, status(receipt));
  }

  private ReceiptStatus status(EReceipt receipt) {
    if (receipt == null || register == null) {
      return ReceiptStatus.UNKNOWN;
    }
    return register
        .find(receipt.series(), receipt.number())
        .map(n -> ReceiptStatus.of(n.status()))
        .orElse(ReceiptStatus.NOT_REGISTERED);
  }

  /**
   * Verifies a signed cancellation ({@code EReceiptCancellation}): the XML signature over {@code
   * CancellationData} with every check of {@link XmlSignatureVerifier}, then that the signing
   * certificate's tax code is the unit's.
   *
   * @param document the signed cancellation XML; hostile input gives an {@code INVALID} report
   * @return the report and, when the signed content is a valid cancellation, the cancellation
   */
  public CancellationVerification verifyCancellation(byte[] document) {
    XmlVerification verification = xml.verify(document, CANCELLATION_PATH);
    SignatureReport report = verification.report();
    if (verification.signedElement().isEmpty()) {
      return new CancellationVerification(report, null);
    }
    List<Check> documentChecks = new ArrayList<>(report.formatChecks());
    ReceiptCancellation cancellation = null;
    try {
      cancellation = EReceiptXml.cancellationFromDataElement(verification.signedElement().get());
      documentChecks.add(
          Check.passed(CheckType.CONTENT_RULES, ReasonCode.CONTENT_RULES_OK, "cancellation"));
      Check identity = signerIdentity(cancellation.original().series().unitTaxCode(), report);
      documentChecks.add(identity);
      if (identity.outcome() == CheckOutcome.FAILED) {
        cancellation = null;
      }
    } catch (InvalidInputException e) {
      documentChecks.add(
          Check.failed(CheckType.CONTENT_RULES, ReasonCode.CONTENT_RULES_BROKEN, e.code()));
    }
    return new CancellationVerification(
        SignatureReport.of(documentChecks, report.signers(), report.validatedAt()), cancellation);
  }

  private static Check signerIdentity(EReceipt receipt, SignatureReport report) {
    return signerIdentity(receipt.collectingUnit().taxCode(), report);
  }

  private static Check signerIdentity(TaxCode unit, SignatureReport report) {
    Optional<TaxCode> signed =
        report.signers().stream()
            .map(SignerReport::signer)
            .flatMap(Optional::stream)
            .map(SignerIdentity::taxCode)
            .flatMap(Optional::stream)
            .findFirst();
    if (signed.isEmpty()) {
      return Check.indeterminate(
          CheckType.SIGNER_IDENTITY,
          ReasonCode.SIGNER_IDENTITY_UNKNOWN,
          "the certificate carries no MST: tax code");
    }
    TaxCode signer = signed.get();
    // The unit's own certificate, or its parent's (a head unit signs for its branch); never a
    // branch's certificate for its head unit or for a sibling branch.
    boolean same = signer.equals(unit) || unit.parent().map(signer::equals).orElse(false);
    return same
        ? Check.passed(CheckType.SIGNER_IDENTITY, ReasonCode.SIGNER_IDENTITY_MATCHES, unit.masked())
        : Check.failed(
            CheckType.SIGNER_IDENTITY,
            ReasonCode.SIGNER_IDENTITY_MISMATCH,
            "signed by " + signer.masked() + ", issued in the name of " + unit.masked());
  }

  /** Builds an {@link EReceiptVerifier}. Not thread-safe. */
  public static final class Builder {
    private XmlSignatureVerifier xml;
    private ReceiptNumberAllocator register;
    private ReceiptRules rules = ReceiptRules.inForce();

    private Builder() {}

    /**
     * Sets the register to look receipts up in, so that the result says whether a receipt was
     * cancelled, replaced or adjusted. Optional: without it the status is {@code UNKNOWN}.
     *
     * @param register the issuer's allocator; not null
     * @return this builder
     */
    public Builder register(ReceiptNumberAllocator register) {
      this.register = Objects.requireNonNull(register, "register");
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
     * Sets the XML signature verifier (required): its trust anchors, revocation policy, clock and
     * size limit apply.
     *
     * @param verifier the verifier; not null
     * @return this builder
     */
    public Builder xmlVerifier(XmlSignatureVerifier verifier) {
      this.xml = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws InvalidInputException with code {@code receipt.verifier.xml-verifier.required}
     */
    public EReceiptVerifier build() {
      if (xml == null) {
        throw new InvalidInputException(
            "receipt.verifier.xml-verifier.required", "Give xmlVerifier(...).");
      }
      return new EReceiptVerifier(this);
    }
  }
}
