package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.util.List;
import java.util.Map;

/** Complete yearly tables over a fallback schedule for the years they do not hold. */
final class LayeredSchedule implements HolidaySchedule {

  private final Map<Integer, List<Holiday>> years;
  private final HolidaySchedule fallback;

  LayeredSchedule(Map<Integer, List<Holiday>> years, HolidaySchedule fallback) {
    if (fallback == null) {
      throw new InvalidInputException(
          "holiday-schedule.fallback", "A fallback schedule is required.");
    }
    this.years = years;
    this.fallback = fallback;
  }

  @Override
  public List<Holiday> holidays(int year) {
    List<Holiday> table = years.get(year);
    return table != null ? table : fallback.holidays(year);
  }
}
