package io.github.motcua.core.id;

import io.github.motcua.core.MotcuaException;

/**
 * Thrown when text does not form a valid identifier. The {@link #code()} names the identifier kind
 * and the broken rule ({@code personal-id.length}, {@code tax-code.check-digit}, ...); the message
 * says the same in words and never repeats the whole rejected value.
 */
public class InvalidIdentifierException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  private final String kind;
  private final String rule;

  /**
   * Creates an exception for a broken rule.
   *
   * @param kind the identifier kind, such as {@code personal-id}
   * @param rule the broken rule, such as {@code length}
   * @param message what is wrong, for people, without the rejected value
   */
  public InvalidIdentifierException(String kind, String rule, String message) {
    super(kind + "." + rule, message);
    this.kind = kind;
    this.rule = rule;
  }

  /**
   * Returns the identifier kind, such as {@code personal-id} or {@code tax-code}.
   *
   * @return the kind
   */
  public String kind() {
    return kind;
  }

  /**
   * Returns the broken rule, such as {@code length} or {@code check-digit}.
   *
   * @return the rule
   */
  public String rule() {
    return rule;
  }
}
