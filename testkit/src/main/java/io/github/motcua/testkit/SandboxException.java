package io.github.motcua.testkit;

import io.github.motcua.core.MotcuaException;

/**
 * A misuse of the test kit's sandbox or fault presets: a fake asked for that the sandbox was not
 * built with, a fault preset with an impossible rate or count, an unreadable admin request. The
 * {@link #code()} names the setting and the rule, such as {@code fault.rate} or {@code
 * sandbox.fake-not-started}.
 */
public class SandboxException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the stable code
   * @param message what went wrong and what to do; never secret
   */
  public SandboxException(String code, String message) {
    super(code, message);
  }
}
