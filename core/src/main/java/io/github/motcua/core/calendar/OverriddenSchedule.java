package io.github.motcua.core.calendar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A schedule whose entries on some dates are replaced by the integrator's. */
final class OverriddenSchedule implements HolidaySchedule {

  private final HolidaySchedule base;
  private final List<Holiday> overrides;

  OverriddenSchedule(HolidaySchedule base, List<Holiday> overrides) {
    this.base = base;
    this.overrides = overrides;
  }

  @Override
  public List<Holiday> holidays(int year) {
    List<Holiday> mine = overrides.stream().filter(h -> h.date().getYear() == year).toList();
    Set<java.time.LocalDate> replaced =
        mine.stream().map(Holiday::date).collect(Collectors.toSet());
    List<Holiday> all = new ArrayList<>();
    for (Holiday h : base.holidays(year)) {
      if (!replaced.contains(h.date())) {
        all.add(h);
      }
    }
    all.addAll(mine);
    all.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(all);
  }
}
