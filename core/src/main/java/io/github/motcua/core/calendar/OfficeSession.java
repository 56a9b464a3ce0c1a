package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.time.Duration;
import java.time.LocalTime;

/**
 * One office session of a working day (buổi làm việc), such as 07:30-11:30: the hours in which the
 * processing clock of a dossier runs.
 *
 * <p>Immutable and thread-safe.
 *
 * @param opens the opening time, inclusive; not null
 * @param closes the closing time, exclusive, after {@code opens} on the same day; not null
 */
public record OfficeSession(LocalTime opens, LocalTime closes) {

  /**
   * Checks the session.
   *
   * @throws InvalidInputException with code {@code office-session.times}
   */
  public OfficeSession {
    if (opens == null || closes == null || !closes.isAfter(opens)) {
      throw new InvalidInputException(
          "office-session.times", "An office session closes after it opens, on the same day.");
    }
  }

  /**
   * Creates a session.
   *
   * @param opens the opening time
   * @param closes the closing time
   * @return the session
   */
  public static OfficeSession of(LocalTime opens, LocalTime closes) {
    return new OfficeSession(opens, closes);
  }

  /**
   * Reads {@code HH:mm-HH:mm}, such as {@code 07:30-11:30}.
   *
   * @param text the text
   * @return the session
   * @throws InvalidInputException with code {@code office-session.format} or {@code
   *     office-session.times}
   */
  public static OfficeSession parse(String text) {
    String s = text == null ? "" : text.strip();
    int dash = s.indexOf('-');
    if (dash < 0 || s.length() > 20) {
      throw new InvalidInputException(
          "office-session.format", "An office session reads 07:30-11:30.");
    }
    try {
      return new OfficeSession(
          LocalTime.parse(s.substring(0, dash).strip()),
          LocalTime.parse(s.substring(dash + 1).strip()));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException(
          "office-session.format", "An office session reads 07:30-11:30.");
    }
  }

  /**
   * Returns the length of the session.
   *
   * @return the duration from opening to closing
   */
  public Duration length() {
    return Duration.between(opens, closes);
  }

  @Override
  public String toString() {
    return opens + "-" + closes;
  }
}
