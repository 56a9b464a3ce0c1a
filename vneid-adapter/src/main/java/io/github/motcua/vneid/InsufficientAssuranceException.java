package io.github.motcua.vneid;

import java.util.Optional;

/**
 * Thrown when the login's assurance level is below the client's minimum (code {@code
 * assurance.insufficient}), or when the provider states no level the profile knows (code {@code
 * assurance.unknown}). A level 1 account must be upgraded to level 2 in the VNeID app before it can
 * use a service that requires level 2 (Decree 69/2024/NĐ-CP).
 */
public class InsufficientAssuranceException extends IdentityException {

  private static final long serialVersionUID = 1L;

  private final AssuranceLevel actual;
  private final AssuranceLevel required;

  /**
   * Creates an exception.
   *
   * @param code {@code assurance.insufficient} or {@code assurance.unknown}
   * @param message what failed
   * @param actual the level the login reached, null when unknown
   * @param required the minimum level
   */
  public InsufficientAssuranceException(
      String code, String message, AssuranceLevel actual, AssuranceLevel required) {
    super(code, message);
    this.actual = actual;
    this.required = required;
  }

  /**
   * Returns the level the login reached.
   *
   * @return the level, or empty when the provider stated none the profile knows
   */
  public Optional<AssuranceLevel> actual() {
    return Optional.ofNullable(actual);
  }

  /**
   * Returns the minimum level the client requires.
   *
   * @return the level
   */
  public AssuranceLevel required() {
    return required;
  }
}
