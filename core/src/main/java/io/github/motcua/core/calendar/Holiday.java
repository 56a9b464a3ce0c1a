package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.time.LocalDate;

/**
 * One entry of a holiday schedule: a public holiday or compensatory day off (ngày nghỉ lễ, nghỉ
 * bù), or a weekend day declared a make-up working day (ngày làm bù).
 *
 * <p>Immutable and thread-safe.
 *
 * @param date the date; not null
 * @param kind whether the day is off or worked; not null
 * @param name what the day is, in Vietnamese with the English name in brackets; not blank
 * @param source the legal text that sets it, such as {@code Bộ luật Lao động 2019, Điều 112} or a
 *     notice number such as {@code 5015/TB-LĐTBXH}; not blank
 */
public record Holiday(LocalDate date, Kind kind, String name, String source) {

  /** Whether a schedule entry takes a day off or makes a weekend day a working day. */
  public enum Kind {
    /** No work: a public holiday, a compensatory day off or a swapped day off. */
    DAY_OFF,
    /** A weekend day declared a working day, in exchange for a day off elsewhere. */
    MAKE_UP_WORKING_DAY
  }

  /**
   * Checks that every field is present.
   *
   * @throws InvalidInputException with code {@code holiday.required} naming the missing field
   */
  public Holiday {
    if (date == null) {
      throw new InvalidInputException("holiday.required", "A holiday needs a date.");
    }
    if (kind == null) {
      throw new InvalidInputException("holiday.required", "A holiday needs a kind.");
    }
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("holiday.required", "A holiday needs a name.");
    }
    if (source == null || source.isBlank()) {
      throw new InvalidInputException("holiday.required", "A holiday needs its legal source.");
    }
  }

  /**
   * Creates a day off.
   *
   * @param date the date
   * @param name the name
   * @param source the legal source
   * @return the entry
   */
  public static Holiday dayOff(LocalDate date, String name, String source) {
    return new Holiday(date, Kind.DAY_OFF, name, source);
  }

  /**
   * Creates a make-up working day.
   *
   * @param date the date, normally a Saturday
   * @param name the name
   * @param source the legal source
   * @return the entry
   */
  public static Holiday makeUpWorkingDay(LocalDate date, String name, String source) {
    return new Holiday(date, Kind.MAKE_UP_WORKING_DAY, name, source);
  }
}
