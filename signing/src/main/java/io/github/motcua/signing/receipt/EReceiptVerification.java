package io.github.motcua.signing.receipt;

import io.github.motcua.signing.SignatureReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EReceiptVerifier} found: one report covering the signature and the receipt's content
 * rules, and the receipt read from the signed data when its content verified.
 *
 * <p>Immutable and thread-safe.
 */
public final class EReceiptVerification {

  private final SignatureReport report;
  private final EReceipt receipt;
  private final ReceiptStatus status;

  EReceiptVerification(SignatureReport report, EReceipt receipt, ReceiptStatus status) {
    this.report = Objects.requireNonNull(report, "report");
    this.receipt = receipt;
    this.status = Objects.requireNonNull(status, "status");
  }

  /**
   * Returns whether the receipt still stands: issued, or cancelled, replaced or adjusted since, as
   * the verifier's register says.
   *
   * @return the status; {@link ReceiptStatus#UNKNOWN} without a register or a readable receipt
   */
  public ReceiptStatus status() {
    return status;
  }

  /**
   * Returns the report: the XML signature's checks, then {@code CONTENT_RULES} and {@code
   * SIGNER_IDENTITY} among the document checks.
   *
   * @return the report
   */
  public SignatureReport report() {
    return report;
  }

  /**
   * Tells whether the receipt is valid: signature, trust and content.
   *
   * @return true when the verdict is {@code VALID}
   */
  public boolean isValid() {
    return report.isValid();
  }

  /**
   * Returns the receipt read from the signed data, when the signed content verified and follows the
   * receipt rules (the signer may still be untrusted: see {@link #report()}).
   *
   * @return the receipt, or empty
   */
  public Optional<EReceipt> receipt() {
    return Optional.ofNullable(receipt);
  }

  @Override
  public String toString() {
    return status == ReceiptStatus.UNKNOWN ? report.toString() : report + " status=" + status;
  }
}
