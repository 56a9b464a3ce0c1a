package io.github.motcua.core.json;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Violation;
import java.util.List;

/**
 * Builds the {@link InvalidInputException} (code {@value #CODE}) that reading JSON throws, listing
 * every problem found.
 */
final class JsonErrors {

  /** The code of every JSON reading failure. */
  static final String CODE = "json.invalid";

  /** How many problems are kept in {@link InvalidInputException#violations()}. */
  static final int MAX_VIOLATIONS = 1_000;

  /** How many problems the message spells out before "and N more". */
  static final int MESSAGE_VIOLATIONS = 20;

  private JsonErrors() {}

  static InvalidInputException invalid(List<Violation> violations) {
    return invalid(violations, null);
  }

  static InvalidInputException invalid(List<Violation> violations, Throwable cause) {
    return invalid(violations, violations.size(), cause);
  }

  static InvalidInputException invalid(List<Violation> violations, int count, Throwable cause) {
    int total = Math.max(count, violations.size());
    return new InvalidInputException(
        CODE,
        describe(violations, total),
        violations.subList(0, Math.min(violations.size(), MAX_VIOLATIONS)),
        total,
        cause);
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
