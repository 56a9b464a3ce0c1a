package io.github.motcua.signing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of validating a signature (báo cáo xác thực chữ ký): an overall {@link Verdict}, the
 * checks on the container, and one {@link SignerReport} per signer. Not tied to CMS: XML and PDF
 * verifiers return the same type.
 *
 * <p>The overall verdict is {@link Verdict#VALID} when there is at least one signer and every
 * signer is valid; {@link Verdict#INVALID} when the container is broken or any signer is invalid;
 * otherwise {@link Verdict#INDETERMINATE}.
 *
 * <p>Immutable; {@link #toString()} is a multi-line summary that masks personal data.
 *
 * @param verdict the overall verdict
 * @param formatChecks the checks on the container
 * @param signers one report per signer, in order
 * @param validatedAt when the validation ran, by the verifier's clock
 */
public record SignatureReport(
    Verdict verdict, List<Check> formatChecks, List<SignerReport> signers, Instant validatedAt) {

  /**
   * Creates a report.
   *
   * @param verdict the verdict
   * @param formatChecks the container checks
   * @param signers the signer reports
   * @param validatedAt when
   */
  public SignatureReport {
    Objects.requireNonNull(verdict, "verdict");
    formatChecks = List.copyOf(formatChecks);
    signers = List.copyOf(signers);
    Objects.requireNonNull(validatedAt, "validatedAt");
  }

  /**
   * Builds a report from its parts, computing the overall verdict.
   *
   * @param formatChecks the container checks
   * @param signers the signer reports
   * @param validatedAt when
   * @return the report
   */
  public static SignatureReport of(
      List<Check> formatChecks, List<SignerReport> signers, Instant validatedAt) {
    Verdict verdict = SignerReport.verdictOf(formatChecks);
    if (verdict == Verdict.VALID) {
      if (signers.isEmpty()) {
        verdict = Verdict.INVALID;
      } else {
        for (SignerReport signer : signers) {
          if (signer.verdict() == Verdict.INVALID) {
            verdict = Verdict.INVALID;
            break;
          }
          if (signer.verdict() == Verdict.INDETERMINATE) {
            verdict = Verdict.INDETERMINATE;
          }
        }
      }
    }
    return new SignatureReport(verdict, formatChecks, signers, validatedAt);
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
   * Returns every check that failed or could not be decided, container first.
   *
   * @return the problems
   */
  public List<Check> problems() {
    List<Check> out = new ArrayList<>();
    for (Check check : formatChecks) {
      if (check.outcome() == CheckOutcome.FAILED || check.outcome() == CheckOutcome.INDETERMINATE) {
        out.add(check);
      }
    }
    for (SignerReport signer : signers) {
      out.addAll(signer.problems());
    }
    return out;
  }

  /**
   * Tells whether any check, of the container or a signer, carries a reason.
   *
   * @param reason the reason
   * @return true when present
   */
  public boolean has(ReasonCode reason) {
    return formatChecks.stream().anyMatch(c -> c.reason() == reason)
        || signers.stream().anyMatch(s -> s.has(reason));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("Signature ").append(verdict).append(" (validated ").append(validatedAt).append(")");
    for (Check check : formatChecks) {
      out.append("\n  ").append(check);
    }
    for (SignerReport signer : signers) {
      out.append("\n").append(signer.toString().replace("\n", "\n  "));
    }
    return out.toString();
  }
}
