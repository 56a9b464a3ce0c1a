package io.github.motcua.core.money;

import io.github.motcua.core.MotcuaException;

/**
 * Thrown when an amount of money cannot be represented or read: arithmetic overflow ({@code
 * vnd.overflow}) or text that is not an amount ({@code vnd.format}).
 */
public class InvalidAmountException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code vnd.overflow}
   * @param message what is wrong
   */
  public InvalidAmountException(String code, String message) {
    super(code, message);
  }
}
