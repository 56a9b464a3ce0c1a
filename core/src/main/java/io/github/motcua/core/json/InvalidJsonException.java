package io.github.motcua.core.json;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Violation;
import java.util.List;

/**
 * Thrown when JSON cannot be read into a motcua value: malformed JSON, a document beyond the
 * reader's limits (nesting, string or number length), a missing or mistyped property, an unknown
 * event type, a number out of range, or a value that breaks the model's rules. Code {@code
 * json.invalid}.
 *
 * <p>{@link #violations()} lists the problems found in document order, each with its JSON path from
 * the document root (such as {@code $.applicant.personalId}), its rule and a message; it keeps the
 * first {@value #MAX_VIOLATIONS}, and {@link #violationCount()} says how many there were in all.
 * The message names the first {@value #MESSAGE_VIOLATIONS} and the count of the rest, so that a
 * hostile document with a million problems still gives a short exception. Neither the message nor
 * the violations contain the rejected values, so the exception is safe to log.
 *
 * <p>When the motcua {@link MotcuaJson#module() module} is registered on an {@code ObjectMapper}
 * that wraps exceptions (Jackson's default {@code DeserializationFeature.WRAP_EXCEPTIONS}), this
 * exception may arrive as the cause of a Jackson {@code JsonMappingException}; {@link
 * MotcuaJson#mapper()} turns wrapping off so that it arrives as itself.
 */
public class InvalidJsonException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /** The code of every {@code InvalidJsonException}. */
  public static final String CODE = "json.invalid";

  /** Most violations an exception keeps; {@link #violationCount()} counts the rest. */
  public static final int MAX_VIOLATIONS = 1_000;

  /** Most violations the exception message names; it gives the count of the rest. */
  public static final int MESSAGE_VIOLATIONS = 20;

  /** The violations; a List.copyOf result, which is serializable. */
  @SuppressWarnings("serial")
  private final List<Violation> violations;

  private final int count;

  /**
   * Creates an exception.
   *
   * @param violations every problem found, at least one; not null
   */
  public InvalidJsonException(List<Violation> violations) {
    this(violations, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param violations every problem found, at least one; not null
   * @param cause the underlying parser exception, may be null
   */
  public InvalidJsonException(List<Violation> violations, Throwable cause) {
    this(violations, violations.size(), cause);
  }

  /**
   * Creates an exception for a reader that stopped keeping violations after the first few.
   *
   * @param violations the first problems found, at least one; not null; only the first {@link
   *     #MAX_VIOLATIONS} are kept
   * @param count how many problems were found in all; raised to {@code violations.size()} when
   *     smaller
   * @param cause the underlying parser exception, may be null
   */
  public InvalidJsonException(List<Violation> violations, int count, Throwable cause) {
    super(CODE, describe(violations, Math.max(count, violations.size())), cause);
    this.violations =
        List.copyOf(violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS)));
    this.count = Math.max(count, violations.size());
  }

  /**
   * Returns the first problems found: every problem when there were at most {@link
   * #MAX_VIOLATIONS}.
   *
   * @return an unmodifiable, non-empty list in document order
   */
  public List<Violation> violations() {
    return violations;
  }

  /**
   * Returns how many problems were found in all, which may be more than {@link #violations()}
   * holds.
   *
   * @return the count, at least {@code violations().size()}
   */
  public int violationCount() {
    return count;
  }

  private static String describe(List<Violation> violations, int count) {
    StringBuilder text =
        new StringBuilder("Invalid JSON (")
            .append(count)
            .append(count == 1 ? " problem): " : " problems): ");
    int shown = Math.min(violations.size(), MESSAGE_VIOLATIONS);
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : "; ").append(violations.get(i));
    }
    if (count > shown) {
      text.append("; and ").append(count - shown).append(" more");
    }
    return text.toString();
  }
}
