package io.github.motcua.signing;

/** The outcome of one check in a {@link SignatureReport}. */
public enum CheckOutcome {
  /** The check passed. */
  PASSED,
  /** The check failed: the signature is {@link Verdict#INVALID}. */
  FAILED,
  /** The check could not be decided: at best {@link Verdict#INDETERMINATE}. */
  INDETERMINATE,
  /** The check was not made (by policy, or because it does not apply); it does not count. */
  SKIPPED
}
