package io.github.motcua.signing.pdf;

import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckOutcome;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of verifying every signature in a PDF (báo cáo xác thực tệp PDF ký số): checks on the
 * document itself (readable, signed at all) and one {@link PdfSignatureReport} per signature, in
 * the order of the revisions they sign.
 *
 * <p>The verdict is {@link Verdict#VALID} when the document checks pass, there is at least one
 * signature, and every signature is valid; {@link Verdict#INVALID} when a document check or any
 * signature is invalid; otherwise {@link Verdict#INDETERMINATE}.
 *
 * <p>Immutable.
 *
 * @param verdict the overall verdict
 * @param documentChecks the checks on the document
 * @param signatures one report per signature
 * @param validatedAt when the verification ran, by the verifier's clock
 */
public record PdfVerificationReport(
    Verdict verdict,
    List<Check> documentChecks,
    List<PdfSignatureReport> signatures,
    Instant validatedAt) {

  /**
   * Validates and copies the parts.
   *
   * @throws NullPointerException when a part is null
   */
  public PdfVerificationReport {
    Objects.requireNonNull(verdict, "verdict");
    documentChecks = List.copyOf(documentChecks);
    signatures = List.copyOf(signatures);
    Objects.requireNonNull(validatedAt, "validatedAt");
  }

  static PdfVerificationReport of(
      List<Check> documentChecks, List<PdfSignatureReport> signatures, Instant validatedAt) {
    Verdict verdict = Verdict.VALID;
    for (Check check : documentChecks) {
      if (check.outcome() == CheckOutcome.FAILED) {
        verdict = Verdict.INVALID;
      } else if (check.outcome() == CheckOutcome.INDETERMINATE && verdict == Verdict.VALID) {
        verdict = Verdict.INDETERMINATE;
      }
    }
    if (signatures.isEmpty() && verdict == Verdict.VALID) {
      verdict = Verdict.INVALID;
    }
    for (PdfSignatureReport signature : signatures) {
      if (signature.verdict() == Verdict.INVALID) {
        verdict = Verdict.INVALID;
      } else if (signature.verdict() == Verdict.INDETERMINATE && verdict == Verdict.VALID) {
        verdict = Verdict.INDETERMINATE;
      }
    }
    return new PdfVerificationReport(verdict, documentChecks, signatures, validatedAt);
  }

  /**
   * Tells whether the verdict is {@link Verdict#VALID}.
   *
   * @return true when valid
   */
  public boolean isValid() {
    return verdict == Verdict.VALID;
  }

  /**
   * Tells whether a document check or any signature's report carries a reason.
   *
   * @param reason the reason
   * @return true when present
   */
  public boolean has(ReasonCode reason) {
    return documentChecks.stream().anyMatch(c -> c.reason() == reason)
        || signatures.stream().anyMatch(s -> s.report().has(reason));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("PDF ").append(verdict).append(" (validated ").append(validatedAt).append(")");
    for (Check check : documentChecks) {
      out.append("\n  ").append(check);
    }
    for (PdfSignatureReport signature : signatures) {
      out.append("\n").append(signature.toString().replace("\n", "\n  "));
    }
    return out.toString();
  }
}
