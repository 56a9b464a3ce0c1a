package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Collects the violations of one value's rules so that a constructor reports all of them at once.
 * Package-private; not thread-safe (one instance per constructor call).
 */
final class Checks {

  /** Longest short text (names, codes, titles). */
  public static final int SHORT_TEXT = 500;

  /** Longest long text (reasons, contents, comments). */
  public static final int LONG_TEXT = 4000;

  private final String what;
  private final List<Violation> violations = new ArrayList<>();

  /**
   * Starts checking a value.
   *
   * @param what the value's type name, used in the exception message
   */
  public Checks(String what) {
    this.what = what;
  }

  /**
   * Records a violation.
   *
   * @param path the field path
   * @param code the rule
   * @param message the message, without the rejected value
   * @return this
   */
  public Checks add(String path, String code, String message) {
    violations.add(new Violation(path, code, message));
    return this;
  }

  /**
   * Records a violation when the condition is false.
   *
   * @param ok the condition
   * @param path the field path
   * @param code the rule
   * @param message the message
   * @return {@code ok}
   */
  public boolean that(boolean ok, String path, String code, String message) {
    if (!ok) {
      add(path, code, message);
    }
    return ok;
  }

  /**
   * Checks that a field is present.
   *
   * @param path the field path
   * @param value the value
   * @return true when present
   */
  public boolean required(String path, Object value) {
    return that(value != null, path, "required", "is required.");
  }

  /**
   * Checks an optional field: the {@code Optional} itself must not be null.
   *
   * @param path the field path
   * @param value the optional
   * @return true when the optional is not null and holds a value
   */
  public boolean optional(String path, Optional<?> value) {
    if (value == null) {
      add(path, "required", "is required (use Optional.empty() for none).");
      return false;
    }
    return value.isPresent();
  }

  /**
   * Checks a required text: present, not blank, at most {@code max} characters.
   *
   * @param path the field path
   * @param value the text
   * @param max the maximum length in UTF-16 code units
   */
  public void text(String path, String value, int max) {
    if (!required(path, value)) {
      return;
    }
    textRules(path, value, max);
  }

  /**
   * Checks an optional text: when present, not blank and at most {@code max} characters.
   *
   * @param path the field path
   * @param value the optional text
   * @param max the maximum length
   */
  public void optionalText(String path, Optional<String> value, int max) {
    if (optional(path, value)) {
      textRules(path, value.get(), max);
    }
  }

  private void textRules(String path, String value, int max) {
    if (value.isBlank()) {
      add(path, "blank", "must not be blank.");
    } else if (value.length() > max) {
      add(path, "too-long", "is longer than " + max + " characters.");
    }
  }

  /**
   * Checks a list: present and without null elements.
   *
   * @param path the field path
   * @param list the list
   * @return true when the list may be copied
   */
  public boolean list(String path, List<?> list) {
    if (!required(path, list)) {
      return false;
    }
    boolean ok = true;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == null) {
        add(path + "[" + i + "]", "required", "must not be null.");
        ok = false;
      }
    }
    return ok;
  }

  /**
   * Checks a list of texts: present, each element not blank and at most {@code max} characters.
   *
   * @param path the field path
   * @param list the list
   * @param max the maximum length of an element
   * @return true when the list may be copied
   */
  public boolean textList(String path, List<String> list, int max) {
    if (!list(path, list)) {
      return false;
    }
    int before = violations.size();
    for (int i = 0; i < list.size(); i++) {
      textRules(path + "[" + i + "]", list.get(i), max);
    }
    return violations.size() == before;
  }

  /**
   * Checks that an instant is not before another one, when both are known.
   *
   * @param path the field path of {@code later}
   * @param earlier the earlier instant, may be null
   * @param later the later instant, may be null
   * @param message the message
   */
  public void notBefore(String path, Instant earlier, Instant later, String message) {
    if (earlier != null && later != null && later.isBefore(earlier)) {
      add(path, "order", message);
    }
  }

  /**
   * Returns the violations found so far.
   *
   * @return the live count
   */
  public int count() {
    return violations.size();
  }

  /**
   * Checks that a list of fees names each fee code once ({@link Fee#isSameFee}).
   *
   * @param path the field path of the list
   * @param fees the fees, already checked by {@link #list}; may be null
   */
  public void distinctFees(String path, List<Fee> fees) {
    if (fees == null) {
      return;
    }
    for (int i = 0; i < fees.size(); i++) {
      Fee f = fees.get(i);
      for (int j = 0; j < i && f != null; j++) {
        if (fees.get(j) != null && fees.get(j).isSameFee(f)) {
          add(
              path + "[" + i + "].code",
              "duplicate",
              "repeats the fee code "
                  + f.code()
                  + " of "
                  + path
                  + "["
                  + j
                  + "]; a fee is due once.");
          break;
        }
      }
    }
  }

  /**
   * Returns the exception for the violations found so far.
   *
   * @return the exception, to be thrown
   */
  public InvalidInputException exception() {
    return invalid(what, violations);
  }

  /**
   * Builds the failure of a dossier value listing its violations (code {@code dossier.invalid}).
   *
   * @param what the value checked, such as {@code Dossier}
   * @param violations the rules broken
   * @return the exception to throw
   */
  static InvalidInputException invalid(String what, List<Violation> violations) {
    return new InvalidInputException(
        "dossier.invalid",
        "Invalid "
            + what
            + " ("
            + violations.size()
            + (violations.size() == 1 ? " problem): " : " problems): ")
            + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")),
        violations,
        violations.size(),
        null);
  }

  /**
   * Throws when any rule was broken.
   *
   * @throws InvalidInputException listing every violation
   */
  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw exception();
    }
  }

  /**
   * Copies a list that passed {@link #list}; returns an empty list for one that did not (the
   * constructor throws before it is used).
   *
   * @param <T> the element type
   * @param list the list
   * @return an unmodifiable copy
   */
  public static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }
}
