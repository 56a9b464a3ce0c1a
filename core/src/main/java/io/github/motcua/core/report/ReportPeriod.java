package io.github.motcua.core.report;

import io.github.motcua.core.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The period a quality report covers (kỳ báo cáo): whole days from {@code first} to {@code last}
 * inclusive, in Vietnam time ({@code Asia/Ho_Chi_Minh}).
 *
 * <p>Text form: {@code 2025-Q3}, {@code 2025-07}, {@code 2025}, or {@code 2025-07-01..2025-09-30}
 * for a custom period. Immutable and thread-safe.
 *
 * @param first the first day; not null
 * @param last the last day, not before {@code first}; not null
 * @param label the text form
 */
public record ReportPeriod(LocalDate first, LocalDate last, String label) {

  /** The zone whose days a period counts. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /**
   * Checks the period.
   *
   * @throws InvalidInputException with code {@code report-period.order} or {@code
   *     report-period.required}
   */
  public ReportPeriod {
    if (first == null || last == null || label == null) {
      throw new InvalidInputException(
          "report-period.required", "A period needs its first and last day.");
    }
    if (last.isBefore(first)) {
      throw new InvalidInputException(
          "report-period.order", "A period ends on or after its first day.");
    }
  }

  /**
   * Returns a quarter.
   *
   * @param year the year
   * @param quarter 1 to 4
   * @return the period
   * @throws InvalidInputException with code {@code report-period.quarter}
   */
  public static ReportPeriod quarter(int year, int quarter) {
    if (quarter < 1 || quarter > 4) {
      throw new InvalidInputException("report-period.quarter", "A quarter is numbered 1 to 4.");
    }
    LocalDate first = LocalDate.of(year, 3 * quarter - 2, 1);
    return new ReportPeriod(first, first.plusMonths(3).minusDays(1), year + "-Q" + quarter);
  }

  /**
   * Returns a month.
   *
   * @param year the year
   * @param month 1 to 12
   * @return the period
   * @throws InvalidInputException with code {@code report-period.month}
   */
  public static ReportPeriod month(int year, int month) {
    if (month < 1 || month > 12) {
      throw new InvalidInputException("report-period.month", "A month is numbered 1 to 12.");
    }
    LocalDate first = LocalDate.of(year, month, 1);
    return new ReportPeriod(
        first, first.plusMonths(1).minusDays(1), String.format("%04d-%02d", year, month));
  }

  /**
   * Returns a calendar year.
   *
   * @param year the year
   * @return the period
   */
  public static ReportPeriod year(int year) {
    return new ReportPeriod(
        LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), String.format("%04d", year));
  }

  /**
   * Returns a custom period.
   *
   * @param first the first day; not null
   * @param last the last day, inclusive; not null
   * @return the period
   */
  public static ReportPeriod custom(LocalDate first, LocalDate last) {
    return new ReportPeriod(first, last, first + ".." + last);
  }

  /**
   * Reads the text form.
   *
   * @param text such as {@code 2025-Q3}, {@code 2025-07}, {@code 2025} or {@code
   *     2025-07-01..2025-09-30}
   * @return the period
   * @throws InvalidInputException with code {@code report-period.format}, or a range code
   */
  public static ReportPeriod parse(String text) {
    String s = text == null ? "" : text.strip();
    try {
      if (s.length() > 22) {
        throw format();
      }
      if (s.matches("\\d{4}-Q\\d")) {
        return quarter(Integer.parseInt(s.substring(0, 4)), s.charAt(6) - '0');
      }
      if (s.matches("\\d{4}-\\d{2}")) {
        return month(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5)));
      }
      if (s.matches("\\d{4}")) {
        return year(Integer.parseInt(s));
      }
      if (s.matches("\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}")) {
        return custom(LocalDate.parse(s.substring(0, 10)), LocalDate.parse(s.substring(12)));
      }
    } catch (DateTimeParseException e) {
      throw format();
    }
    throw format();
  }

  private static InvalidInputException format() {
    return new InvalidInputException(
        "report-period.format", "A period reads 2025-Q3, 2025-07, 2025 or 2025-07-01..2025-09-30.");
  }

  /**
   * Returns the first instant of the period.
   *
   * @return the start of {@code first} in Vietnam time
   */
  public Instant start() {
    return first.atStartOfDay(ZONE).toInstant();
  }

  /**
   * Returns the first instant after the period.
   *
   * @return the start of the day after {@code last} in Vietnam time
   */
  public Instant end() {
    return last.plusDays(1).atStartOfDay(ZONE).toInstant();
  }

  /**
   * Tells whether an instant falls in the period.
   *
   * @param instant the instant; null gives false
   * @return true when {@code start() <= instant < end()}
   */
  public boolean contains(Instant instant) {
    return instant != null && !instant.isBefore(start()) && instant.isBefore(end());
  }

  @Override
  public String toString() {
    return label;
  }
}
