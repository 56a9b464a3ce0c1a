package io.github.motcua.signing;

import java.util.Objects;

/**
 * One check of a signature validation and its result. Immutable.
 *
 * @param type what was checked
 * @param outcome how it came out
 * @param reason why, as a stable code
 * @param detail a short explanation for people, free of personal data; may be empty
 */
public record Check(CheckType type, CheckOutcome outcome, ReasonCode reason, String detail) {

  /**
   * Creates a check.
   *
   * @param type what was checked
   * @param outcome how it came out
   * @param reason why
   * @param detail a short explanation; null becomes empty
   */
  public Check {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
    detail = detail == null ? "" : detail;
  }

  /**
   * A passed check.
   *
   * @param type what was checked
   * @param reason why
   * @param detail explanation
   * @return the check
   */
  public static Check passed(CheckType type, ReasonCode reason, String detail) {
    return new Check(type, CheckOutcome.PASSED, reason, detail);
  }

  /**
   * A failed check.
   *
   * @param type what was checked
   * @param reason why
   * @param detail explanation
   * @return the check
   */
  public static Check failed(CheckType type, ReasonCode reason, String detail) {
    return new Check(type, CheckOutcome.FAILED, reason, detail);
  }

  /**
   * An undecided check.
   *
   * @param type what was checked
   * @param reason why
   * @param detail explanation
   * @return the check
   */
  public static Check indeterminate(CheckType type, ReasonCode reason, String detail) {
    return new Check(type, CheckOutcome.INDETERMINATE, reason, detail);
  }

  /**
   * A skipped check.
   *
   * @param type what was not checked
   * @param reason why
   * @param detail explanation
   * @return the check
   */
  public static Check skipped(CheckType type, ReasonCode reason, String detail) {
    return new Check(type, CheckOutcome.SKIPPED, reason, detail);
  }

  @Override
  public String toString() {
    return type
        + " "
        + outcome
        + " "
        + reason.code()
        + (detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
