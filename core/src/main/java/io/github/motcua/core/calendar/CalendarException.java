package io.github.motcua.core.calendar;

import io.github.motcua.core.MotcuaException;

/**
 * Thrown by the calendar and deadline types when a date, a setting or a schedule file breaks a
 * rule. The {@link #code()} names the field and the rule, for example {@code lunar-date.leap-month}
 * (a leap month that the lunar year does not have), {@code lunar-date.range} (outside 1900-2199),
 * {@code holiday-file.format} or {@code deadline-policy.sessions}.
 */
public class CalendarException extends MotcuaException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code lunar-date.day}; not null
   * @param message what is wrong, for people; not null
   */
  public CalendarException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable code; not null
   * @param message what is wrong, for people; not null
   * @param cause the underlying cause, may be null
   */
  public CalendarException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
