package io.github.motcua.core.report;

import io.github.motcua.core.MotcuaException;

/**
 * Thrown when a report setting or a period is invalid. The {@link #code()} names the field and the
 * rule, such as {@code report-period.format} or {@code report.as-of}.
 */
public class ReportException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code; not null
   * @param message what is wrong; not null
   */
  public ReportException(String code, String message) {
    super(code, message);
  }
}
