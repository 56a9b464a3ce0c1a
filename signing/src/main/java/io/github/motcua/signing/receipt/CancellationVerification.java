package io.github.motcua.signing.receipt;

import io.github.motcua.signing.SignatureReport;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link EReceiptVerifier#verifyCancellation} found: the report and, when the signed content
 * is a valid cancellation, the cancellation.
 *
 * <p>Immutable and thread-safe.
 */
public final class CancellationVerification {

  private final SignatureReport report;
  private final ReceiptCancellation cancellation;

  CancellationVerification(SignatureReport report, ReceiptCancellation cancellation) {
    this.report = Objects.requireNonNull(report, "report");
    this.cancellation = cancellation;
  }

  /**
   * Returns the report.
   *
   * @return the report
   */
  public SignatureReport report() {
    return report;
  }

  /**
   * Tells whether the cancellation is valid: signature, trust and content.
   *
   * @return true when the verdict is {@code VALID}
   */
  public boolean isValid() {
    return report.isValid();
  }

  /**
   * Returns the cancellation read from the signed data.
   *
   * @return the cancellation, or empty
   */
  public Optional<ReceiptCancellation> cancellation() {
    return Optional.ofNullable(cancellation);
  }

  @Override
  public String toString() {
    return report.toString();
  }
}
