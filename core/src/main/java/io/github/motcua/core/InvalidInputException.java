package io.github.motcua.core;

import io.github.motcua.core.dossier.Violation;
import java.util.List;

/**
 * Fix the input: an identifier, amount, JSON document, dossier, calendar, event, receipt, XML or
 * PDF document, callback or login request is malformed or breaks a rule, or the remote party
 * refused our data as invalid (for example a portal's business rejection, code {@code
 * portal.rejected.*}). Sending the same input again gives the same result.
 *
 * <p>{@link #code()} names the field and the rule, for example {@code personal-id.length}. When
 * several problems were found at once (code {@code json.invalid} or {@code dossier.invalid}), they
 * are listed by {@link #violations()}; otherwise that list is empty. What a caller may need beyond
 * that is in the code (an identifier's kind and rule, {@code personal-id.length}; a receipt's field
 * and rule, {@code receipt.total.sum}) or, for a refusal by a remote party, in the message (its
 * HTTP status, its masked error code and message, the request id).
 */
public final class InvalidInputException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  @SuppressWarnings("serial")
  private final List<Violation> violations;

  private final int violationCount;

  /**
   * Creates the exception.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   */
  public InvalidInputException(String code, String message) {
    this(code, message, (Throwable) null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the stable machine-readable code naming the field and the rule; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, may be null
   */
  public InvalidInputException(String code, String message, Throwable cause) {
    super(code, message, cause);
    this.violations = List.of();
    this.violationCount = 0;
  }

  /**
   * Creates the exception for several problems found at once.
   *
   * @param code the stable machine-readable code, such as {@code json.invalid}; not null
   * @param message a message for people, free of personal data; not null
   * @param violations the problems kept (possibly fewer than were found); not null
   * @param violationCount how many problems were found, at least {@code violations.size()}
   * @param cause the underlying cause, may be null
   */
  public InvalidInputException(
      String code,
      String message,
      List<Violation> violations,
      int violationCount,
      Throwable cause) {
    super(code, message, cause);
    this.violations = List.copyOf(violations);
    this.violationCount = Math.max(violationCount, violations.size());
  }

  /**
   * Returns the problems found, in document order, when the input was checked as a whole (codes
   * {@code json.invalid} and {@code dossier.invalid}); empty otherwise.
   *
   * @return the problems, never null
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * Returns how many problems were found, which may exceed {@link #violations()}{@code .size()}
   * when only the first ones were kept.
   *
   * @return the number of problems, zero when none were listed
   */
  public int violationCount() {
    return violationCount;
  }
}
