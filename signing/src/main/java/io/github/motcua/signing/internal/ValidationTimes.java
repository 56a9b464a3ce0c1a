package io.github.motcua.signing.internal;

import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.ValidationData;
import io.github.motcua.signing.ValidationTimePolicy;
import java.time.Instant;
import java.util.Optional;

/**
 * The validation time of every signature format: the earliest proof of existence, else the current
 * time; a signer's claimed signing time is reported and never used.
 */
public final class ValidationTimes {

  private ValidationTimes() {}

  /**
   * The time certificates are judged at, and the {@link CheckType#SIGNING_TIME} check naming what
   * set it.
   *
   * @param at the time
   * @param proven whether a proof sets it
   * @param check the check
   */
  public record Time(Instant at, boolean proven, Check check) {}

  /**
   * Decides the validation time: the earliest proof, else the current time. A claimed signing time
   * is reported, never used.
   *
   * @param policy the time policy
   * @param proof the earliest proof, if any
   * @param claimed the signer's claim, if any
   * @param now the current time
   * @return the time and its check
   */
  public static Time decide(
      ValidationTimePolicy policy,
      Optional<ValidationData.Proof> proof,
      Optional<Instant> claimed,
      Instant now) {
    if (policy == ValidationTimePolicy.CURRENT_TIME) {
      return new Time(
          now,
          false,
          Check.passed(CheckType.SIGNING_TIME, ReasonCode.SIGNING_TIME_CURRENT, "" + now));
    }
    if (proof.isPresent() && !proof.get().time().isAfter(now)) {
      ValidationData.Proof p = proof.get();
      ReasonCode reason =
          switch (p.kind()) {
            case SIGNATURE_TIMESTAMP -> ReasonCode.SIGNING_TIME_PROVEN;
            case DOCUMENT_TIMESTAMP -> ReasonCode.SIGNING_TIME_PROVEN_BY_DOCUMENT_TIMESTAMP;
            case ARCHIVE_TIMESTAMP -> ReasonCode.SIGNING_TIME_PROVEN_BY_ARCHIVE_TIMESTAMP;
          };
      String which = p.description().isEmpty() ? "" : " " + p.description();
      return new Time(
          p.time(),
          true,
          Check.passed(
              CheckType.SIGNING_TIME,
              reason,
              p.time() + " by " + p.kind().name().toLowerCase(java.util.Locale.ROOT) + which));
    }
    if (claimed.isPresent()) {
      return new Time(
          now,
          false,
          Check.passed(
              CheckType.SIGNING_TIME,
              ReasonCode.SIGNING_TIME_CLAIMED,
              "claimed " + claimed.get() + ", not proven: judged at the current time " + now));
    }
    return new Time(
        now,
        false,
        Check.passed(CheckType.SIGNING_TIME, ReasonCode.SIGNING_TIME_MISSING, "now " + now));
  }
}
