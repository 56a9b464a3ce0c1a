package io.github.motcua.core.json;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Violation;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when JSON cannot be read into a motcua value: malformed JSON, a document beyond the
 * reader's limits (nesting, string or number length), a missing or mistyped property, an unknown
 * event type, a number out of range, or a value that breaks the model's rules. Code {@code
 * json.invalid}.
 *
 * <p>{@link #violations()} lists every problem found, each with its JSON path from the document
 * root (such as {@code $.applicant.personalId}), its rule and a message. Neither the message nor
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

  /** The violations; a List.copyOf result, which is serializable. */
  @SuppressWarnings("serial")
  private final List<Violation> violations;

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
    super(CODE, describe(violations), cause);
    this.violations = List.copyOf(violations);
  }

  /**
   * Returns every problem found.
   *
   * @return an unmodifiable, non-empty list in document order
   */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(List<Violation> violations) {
    return "Invalid JSON ("
        + violations.size()
        + (violations.size() == 1 ? " problem): " : " problems): ")
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
