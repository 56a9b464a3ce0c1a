package io.github.motcua.signing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validation of one signer: who it is, when it signed and whether that time is proven, every
 * check made, and the verdict they add up to. Immutable; {@link #toString()} masks personal data.
 *
 * @param index the signer's position in the signature, from 0
 * @param signer who signed, when the certificate was found
 * @param signingTime the time the certificate checks refer to (the validation time): the proven
 *     time, or the current time without proof
 * @param signingTimeProven true when a valid time-stamp proves {@code signingTime}
 * @param checks every check, in the order made
 * @param verdict what the checks add up to
 * @param claimedSigningTime the time the signer claims to have signed at ({@code signing-time},
 *     {@code SigningTime}), unproven, for display; empty when none is claimed
 */
public record SignerReport(
    int index,
    Optional<SignerIdentity> signer,
    Optional<Instant> signingTime,
    boolean signingTimeProven,
    List<Check> checks,
    Verdict verdict,
    Optional<Instant> claimedSigningTime) {

  /**
   * Creates a report without a claimed signing time.
   *
   * @param index the signer's position
   * @param signer who signed
   * @param signingTime the time used
   * @param signingTimeProven whether it is proven
   * @param checks the checks
   * @param verdict the verdict
   */
  public SignerReport(
      int index,
      Optional<SignerIdentity> signer,
      Optional<Instant> signingTime,
      boolean signingTimeProven,
      List<Check> checks,
      Verdict verdict) {
    this(index, signer, signingTime, signingTimeProven, checks, verdict, Optional.empty());
  }

  /**
   * Creates a report.
   *
   * @param index the signer's position
   * @param signer who signed
   * @param signingTime the time used
   * @param signingTimeProven whether it is proven
   * @param checks the checks
   * @param verdict the verdict
   * @param claimedSigningTime the signer's claim
   */
  public SignerReport {
    Objects.requireNonNull(claimedSigningTime, "claimedSigningTime");
    Objects.requireNonNull(signer, "signer");
    Objects.requireNonNull(signingTime, "signingTime");
    checks = List.copyOf(checks);
    Objects.requireNonNull(verdict, "verdict");
  }

  /**
   * Computes the verdict of a list of checks: any failure makes it {@link Verdict#INVALID}, else
   * any undecided check {@link Verdict#INDETERMINATE}, else {@link Verdict#VALID}.
   *
   * @param checks the checks
   * @return the verdict
   */
  public static Verdict verdictOf(List<Check> checks) {
    boolean undecided = false;
    for (Check check : checks) {
      if (check.outcome() == CheckOutcome.FAILED) {
        return Verdict.INVALID;
      }
      undecided |= check.outcome() == CheckOutcome.INDETERMINATE;
    }
    return undecided ? Verdict.INDETERMINATE : Verdict.VALID;
  }

  /**
   * Returns the first check of a type.
   *
   * @param type the type
   * @return the check, or empty when it was not made
   */
  public Optional<Check> check(CheckType type) {
    return checks.stream().filter(c -> c.type() == type).findFirst();
  }

  /**
   * Returns what proved the time the certificates were judged at ({@link #signingTime()}), as the
   * {@link CheckType#SIGNING_TIME} check reports it.
   *
   * @return the proof, or empty when the current time was used (no proof, or only the signer's
   *     claim)
   */
  public Optional<TimeProof> timeProof() {
    return check(CheckType.SIGNING_TIME)
        .map(Check::reason)
        .flatMap(
            reason ->
                switch (reason) {
                  case SIGNING_TIME_PROVEN -> Optional.of(TimeProof.SIGNATURE_TIMESTAMP);
                  case SIGNING_TIME_PROVEN_BY_DOCUMENT_TIMESTAMP ->
                      Optional.of(TimeProof.DOCUMENT_TIMESTAMP);
                  case SIGNING_TIME_PROVEN_BY_ARCHIVE_TIMESTAMP ->
                      Optional.of(TimeProof.ARCHIVE_TIMESTAMP);
                  default -> Optional.empty();
                });
  }

  /**
   * Returns the checks that failed or could not be decided.
   *
   * @return the problems, in order
   */
  public List<Check> problems() {
    return checks.stream()
        .filter(
            c -> c.outcome() == CheckOutcome.FAILED || c.outcome() == CheckOutcome.INDETERMINATE)
        .toList();
  }

  /**
   * Tells whether any check has a reason.
   *
   * @param reason the reason
   * @return true when some check carries it
   */
  public boolean has(ReasonCode reason) {
    return checks.stream().anyMatch(c -> c.reason() == reason);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("signer ").append(index).append(": ").append(verdict);
    signer.ifPresent(s -> out.append(" ").append(s));
    signingTime.ifPresent(
        t ->
            out.append(" signed ")
                .append(t)
                .append(signingTimeProven ? " (proven)" : " (not proven: current time)"));
    for (Check check : checks) {
      out.append("\n  ").append(check);
    }
    return out.toString();
  }
}
