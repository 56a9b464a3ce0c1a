package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which dates are days off and which weekend days are make-up working days (lịch nghỉ lễ, tết).
 *
 * <p>Two implementations ship: {@link #statutory()}, computed from the Labour Code, and {@link
 * #official()}, the yearly government notices bundled with motcua over the statutory rules. An
 * integrator adds a province's own decisions with {@link #withOverrides(Collection)}, or a newer
 * yearly notice with {@link #fromJson(InputStream, HolidaySchedule)}, without waiting for a
 * release. Implementations must be immutable and thread-safe.
 */
public interface HolidaySchedule {

  /**
   * Returns the entries dated in a Gregorian year, sorted by date. Days off that fall on a weekend
   * may be listed (with their compensatory day listed too); they change nothing for a Monday-Friday
   * week.
   *
   * @param year the Gregorian year
   * @return the entries, never null, unmodifiable
   * @throws InvalidInputException with code {@code lunar-date.range} when a rule needs the lunar
   *     calendar outside 1900-2199
   */
  List<Holiday> holidays(int year);

  /**
   * Returns the entries on one date (usually none or one).
   *
   * @param date the date; not null
   * @return the entries, never null
   */
  default List<Holiday> on(LocalDate date) {
    return holidays(date.getYear()).stream().filter(h -> h.date().equals(date)).toList();
  }

  /**
   * Returns a schedule in which each override replaces every entry of this schedule on its date. An
   * override of kind {@link Holiday.Kind#MAKE_UP_WORKING_DAY} on a weekday cancels a day off.
   *
   * @param overrides the integrator's entries, such as a province's decision; not null
   * @return the combined schedule
   */
  default HolidaySchedule withOverrides(Collection<Holiday> overrides) {
    return new OverriddenSchedule(this, List.copyOf(overrides));
  }

  /**
   * Returns the statutory schedule with its default settings: see {@link StatutoryHolidays}.
   *
   * @return the schedule computed from the Labour Code 2019
   */
  static HolidaySchedule statutory() {
    return StatutoryHolidays.builder().build();
  }

  /**
   * Returns the official schedule: the yearly notices bundled in {@code
   * io/github/motcua/core/calendar/vn-holidays.json} (2024, 2025 and 2026, civil servants with a
   * Saturday-Sunday weekend) and, for other years, {@link #statutory()}.
   *
   * @return the official schedule
   */
  static HolidaySchedule official() {
    return HolidayFile.bundledOfficial();
  }

  /**
   * Reads yearly schedules from JSON in the format of the bundled {@code vn-holidays.json} (see the
   * core README) and layers them over a fallback: a year present in the JSON replaces the
   * fallback's year entirely; other years come from the fallback.
   *
   * @param json the JSON document; read fully, not closed
   * @param fallback the schedule for years the document does not hold, such as {@link #official()}
   * @return the layered schedule
   * @throws InvalidInputException with code {@code holiday-file.format} naming the path of the
   *     first problem
   */
  static HolidaySchedule fromJson(InputStream json, HolidaySchedule fallback) {
    return new LayeredSchedule(HolidayFile.read(json), fallback);
  }

  /**
   * Layers complete yearly tables over a fallback.
   *
   * @param years for each year, every entry of that year; not null
   * @param fallback the schedule for the other years; not null
   * @return the layered schedule
   * @throws InvalidInputException with code {@code holiday-file.format} if an entry is dated
   *     outside its year
   */
  static HolidaySchedule ofYears(Map<Integer, List<Holiday>> years, HolidaySchedule fallback) {
    return new LayeredSchedule(HolidayFile.checkYears(years), fallback);
  }
}
