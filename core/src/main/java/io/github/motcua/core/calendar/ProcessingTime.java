package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;

/**
 * The statutory time limit for handling a dossier (thời hạn giải quyết), counted in working days or
 * working hours of running office clock.
 *
 * <p>A working day is a full working day of office sessions (8 hours with the default sessions);
 * see {@link DeadlinePolicy}. Text form: {@code 3 working days}, {@code 1 working day}, {@code 4
 * working hours}. Immutable and thread-safe.
 *
 * @param amount the number of units, at least 1
 * @param unit the unit; not null
 */
public record ProcessingTime(int amount, Unit unit) {

  /** The unit of a time limit. */
  public enum Unit {
    /** Full working days of office sessions. */
    WORKING_DAYS,
    /** Hours of running office clock. */
    WORKING_HOURS
  }

  /** The largest amount accepted: ten years of working days. */
  public static final int MAX_AMOUNT = 2600;

  /**
   * Checks the limit.
   *
   * @throws InvalidInputException with code {@code processing-time.amount} or {@code
   *     processing-time.unit}
   */
  public ProcessingTime {
    if (unit == null) {
      throw new InvalidInputException("processing-time.unit", "A time limit needs a unit.");
    }
    if (amount < 1 || amount > MAX_AMOUNT) {
      throw new InvalidInputException(
          "processing-time.amount", "A time limit is from 1 to " + MAX_AMOUNT + " units.");
    }
  }

  /**
   * Creates a limit in working days.
   *
   * @param days at least 1
   * @return the limit
   */
  public static ProcessingTime ofWorkingDays(int days) {
    return new ProcessingTime(days, Unit.WORKING_DAYS);
  }

  /**
   * Creates a limit in working hours.
   *
   * @param hours at least 1
   * @return the limit
   */
  public static ProcessingTime ofWorkingHours(int hours) {
    return new ProcessingTime(hours, Unit.WORKING_HOURS);
  }

  /**
   * Reads the text form, such as {@code 3 working days} or {@code 4 working hours}.
   *
   * @param text the text; surrounding whitespace ignored
   * @return the limit
   * @throws InvalidInputException with code {@code processing-time.format} or an amount code
   */
  public static ProcessingTime parse(String text) {
    String s = text == null ? "" : text.strip();
    String[] parts = s.split(" ", -1);
    if (s.length() > 30 || parts.length != 3 || !parts[1].equals("working")) {
      throw format();
    }
    Unit unit =
        switch (parts[2]) {
          case "day", "days" -> Unit.WORKING_DAYS;
          case "hour", "hours" -> Unit.WORKING_HOURS;
          default -> throw format();
        };
    if (parts[0].isEmpty()
        || parts[0].length() > 6
        || !parts[0].chars().allMatch(Character::isDigit)) {
      throw format();
    }
    return new ProcessingTime(Integer.parseInt(parts[0]), unit);
  }

  private static InvalidInputException format() {
    return new InvalidInputException(
        "processing-time.format", "A time limit reads like '3 working days' or '4 working hours'.");
  }

  @Override
  public String toString() {
    String word = unit == Unit.WORKING_DAYS ? "day" : "hour";
    return amount + " working " + word + (amount == 1 ? "" : "s");
  }
}
