package io.github.motcua.signing;

/**
 * The overall result of a signature validation (kết quả xác thực), after ETSI EN 319 102-1 §5.1.3.
 */
public enum Verdict {
  /** Every check passed: the signature is valid. */
  VALID,
  /**
   * A check failed for good: the signature is not valid (tampered, revoked before signing, ...).
   */
  INVALID,
  /**
   * No check failed, but at least one could not be decided (unknown issuer, revocation service
   * down, expired certificate without proof of the signing time, ...): the signature may become
   * valid with more information.
   */
  INDETERMINATE
}
