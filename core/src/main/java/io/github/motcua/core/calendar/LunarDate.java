package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;

/**
 * A date of the Vietnamese lunar calendar (âm lịch): lunar year, month 1-12, day 1-30 and whether
 * the month is the leap month (tháng nhuận) that repeats the number of the month before it.
 *
 * <p>The record checks only the ranges of its fields. Whether the date exists (a leap month the
 * year has, a 30th day in a month of 30 days) is decided by {@link
 * VietnameseLunarCalendar#toSolar(LunarDate)}. The lunar year is the one that starts at Tết: the
 * 11th and 12th months belong to the year before the following Tết.
 *
 * <p>Text form: {@code 2023-02-15} for a regular month and {@code 2023-02L-15} for a day of the
 * leap month. Immutable and thread-safe.
 *
 * @param year the lunar year, as the Gregorian year in which it starts
 * @param month the month number, 1-12
 * @param day the day of the month, 1-30
 * @param leapMonth whether the month is the leap month carrying the number {@code month}
 */
public record LunarDate(int year, int month, int day, boolean leapMonth) {

  /**
   * Checks the ranges of the fields.
   *
   * @throws InvalidInputException with code {@code lunar-date.month} or {@code lunar-date.day}
   */
  public LunarDate {
    if (month < 1 || month > 12) {
      throw new InvalidInputException("lunar-date.month", "A lunar month is numbered 1 to 12.");
    }
    if (day < 1 || day > 30) {
      throw new InvalidInputException("lunar-date.day", "A lunar day is numbered 1 to 30.");
    }
  }

  /**
   * Creates a date in a regular (not leap) month.
   *
   * @param year the lunar year
   * @param month the month, 1-12
   * @param day the day, 1-30
   * @return the date
   * @throws InvalidInputException if a field is out of range
   */
  public static LunarDate of(int year, int month, int day) {
    return new LunarDate(year, month, day, false);
  }

  /**
   * Reads the text form {@code yyyy-MM-dd}, with {@code L} after the month for the leap month
   * ({@code 2023-02L-15}).
   *
   * @param text the text; surrounding whitespace is ignored
   * @return the date
   * @throws InvalidInputException with code {@code lunar-date.format} if the text is not of that
   *     form, or a range code
   */
  public static LunarDate parse(String text) {
    if (text == null) {
      throw new InvalidInputException("lunar-date.format", "A lunar date is required.");
    }
    String s = text.strip();
    String[] parts = s.split("-", -1);
    if (parts.length != 3 || s.length() > 16) {
      throw new InvalidInputException(
          "lunar-date.format", "A lunar date reads yyyy-MM-dd, with L after a leap month.");
    }
    String monthText = parts[1];
    boolean leap = monthText.endsWith("L");
    if (leap) {
      monthText = monthText.substring(0, monthText.length() - 1);
    }
    if (!isDigits(parts[0], 4, 4) || !isDigits(monthText, 1, 2) || !isDigits(parts[2], 1, 2)) {
      throw new InvalidInputException(
          "lunar-date.format", "A lunar date reads yyyy-MM-dd, with L after a leap month.");
    }
    return new LunarDate(
        Integer.parseInt(parts[0]), Integer.parseInt(monthText), Integer.parseInt(parts[2]), leap);
  }

  private static boolean isDigits(String s, int min, int max) {
    if (s.length() < min || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the text form, such as {@code 2026-01-01} or {@code 2023-02L-15}.
   *
   * @return the text form, readable by {@link #parse(String)}
   */
  @Override
  public String toString() {
    return String.format("%04d-%02d%s-%02d", year, month, leapMonth ? "L" : "", day);
  }
}
