package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import java.util.Objects;

/**
 * One broken rule found while validating a dossier value or reading one from JSON.
 *
 * <p>Validation reports every violation at once (see {@link InvalidInputException}), so that a
 * caller fixing one field learns about all the others in the same round trip.
 *
 * @param path where the problem is: a dotted path relative to the value being built ({@code
 *     applicant.name}, {@code documents[2].sha256}), or a JSON path from the document root ({@code
 *     $.applicant.personalId}); {@code ""} or {@code $} for the value itself; never null
 * @param code the stable, machine-readable rule that is broken, such as {@code required}, {@code
 *     too-long}, {@code type} or an identifier rule such as {@code personal-id.length}; never null
 * @param message what is wrong, for people; never contains the rejected value; never null
 */
public record Violation(String path, String code, String message) {

  /** Checks that every part is present. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /**
   * Returns this violation with its path placed under a parent path.
   *
   * @param parent the parent path, such as {@code applicant} or {@code $.events[3]}; not null
   * @return the violation with path {@code parent.path} (or {@code parent[0]...} for an index)
   */
  public Violation under(String parent) {
    if (parent.isEmpty()) {
      return this;
    }
    if (path.isEmpty()) {
      return new Violation(parent, code, message);
    }
    String joined = path.startsWith("[") ? parent + path : parent + "." + path;
    return new Violation(joined, code, message);
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(value)" : path) + ": [" + code + "] " + message;
  }
}
