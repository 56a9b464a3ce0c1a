package io.github.motcua.core.dossier;

import io.github.motcua.core.MotcuaException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a dossier value (an event, a snapshot, or one of their parts) breaks one or more
 * rules. Code {@code dossier.invalid}; {@link #violations()} lists every broken rule with its path,
 * not just the first.
 *
 * <p>The message lists the violations; like them, it never contains a rejected value, so it is safe
 * to log.
 */
public class InvalidDossierException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /** The code of every {@code InvalidDossierException}. */
  public static final String CODE = "dossier.invalid";

  /** The violations; a List.copyOf result, which is serializable. */
  @SuppressWarnings("serial")
  private final List<Violation> violations;

  /**
   * Creates an exception.
   *
   * @param what the kind of value that is invalid, such as {@code Applicant}; not null
   * @param violations the broken rules, at least one; not null
   */
  public InvalidDossierException(String what, List<Violation> violations) {
    super(CODE, describe(what, violations));
    this.violations = List.copyOf(violations);
  }

  /**
   * Returns every broken rule.
   *
   * @return an unmodifiable, non-empty list in the order the rules were checked
   */
  public List<Violation> violations() {
    return violations;
  }

  static String describe(String what, List<Violation> violations) {
    return "Invalid "
        + what
        + " ("
        + violations.size()
        + (violations.size() == 1 ? " problem): " : " problems): ")
        + violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
  }
}
