package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The holidays the Labour Code 2019 (Bộ luật Lao động 2019) sets, for any year 1900-2199, with a
 * Saturday-Sunday weekend (the civil-service week):
 *
 * <ul>
 *   <li>Art. 112(1): 1 January; five days of Tết; Hùng Kings' day (10th day of the 3rd lunar
 *       month); 30 April; 1 May; 2 September and one adjacent day;
 *   <li>Art. 111(3): a holiday that falls on a weekly rest day is compensated on the next working
 *       day (a holiday falling on another holiday is compensated the same way);
 *   <li>Vietnamese Culture Day, 24 November, from 2026 (reported as adopted by Resolution
 *       28/2026/QH16, not read in the published text [I]); whether a weekend 24 November is
 *       compensated is not settled [U], so it is a setting, off by default.
 * </ul>
 *
 * <p>Art. 112(3) leaves the choice of the Tết days and of the day next to 2 September to the Prime
 * Minister each year. Defaults, documented as inferred [I]: the last day of the lunar year and the
 * first four days of the new year; 1 September, or 3 September when 2 September is a Thursday. The
 * yearly notices decide the real days: use {@link HolidaySchedule#official()} for those.
 *
 * <p>Immutable and thread-safe (results are memoised per year in the instance).
 */
public final class StatutoryHolidays implements HolidaySchedule {

  /** The Labour Code article that lists the holidays. */
  public static final String LABOUR_CODE = "Bộ luật Lao động 2019, Điều 112";

  /** The reported source of Vietnamese Culture Day [I]. */
  public static final String CULTURE_DAY = "Nghị quyết 28/2026/QH16 [I]";

  private static final String COMPENSATION = "Bộ luật Lao động 2019, Điều 111 khoản 3";

  private final int tetDaysBefore;
  private final int cultureDayFrom;
  private final boolean compensateCultureDay;
  private final ConcurrentMap<Integer, List<Holiday>> memo = new ConcurrentHashMap<>();

  private StatutoryHolidays(Builder b) {
    this.tetDaysBefore = b.tetDaysBefore;
    this.cultureDayFrom = b.cultureDayFrom;
    this.compensateCultureDay = b.compensateCultureDay;
  }

  /**
   * Starts a builder with the defaults described on the class.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public List<Holiday> holidays(int year) {
    return memo.computeIfAbsent(year, this::compute);
  }

  private record Named(LocalDate date, String name, boolean compensated, String source) {
    Named(LocalDate date, String name, boolean compensated) {
      this(date, name, compensated, LABOUR_CODE);
    }
  }

  private List<Holiday> compute(int year) {
    List<Named> base = new ArrayList<>();
    base.add(new Named(LocalDate.of(year, 1, 1), "Tết Dương lịch (New Year's Day)", true));
    LocalDate tet = VietnameseLunarCalendar.toSolar(LunarDate.of(year, 1, 1));
    for (int i = -tetDaysBefore; i < 5 - tetDaysBefore; i++) {
      base.add(new Named(tet.plusDays(i), "Tết Nguyên Đán (Lunar New Year)", true));
    }
    base.add(
        new Named(
            VietnameseLunarCalendar.toSolar(LunarDate.of(year, 3, 10)),
            "Giỗ Tổ Hùng Vương (Hùng Kings' Commemoration Day)",
            true));
    base.add(new Named(LocalDate.of(year, 4, 30), "Ngày Chiến thắng (Reunification Day)", true));
    base.add(
        new Named(
            LocalDate.of(year, 5, 1), "Ngày Quốc tế Lao động (International Labour Day)", true));
    LocalDate national = LocalDate.of(year, Month.SEPTEMBER, 2);
    base.add(new Named(national, "Quốc khánh (National Day)", true));
    LocalDate adjacent =
        national.getDayOfWeek() == DayOfWeek.THURSDAY
            ? national.plusDays(1)
            : national.minusDays(1);
    base.add(new Named(adjacent, "Quốc khánh (National Day holiday)", true));
    if (cultureDayFrom > 0 && year >= cultureDayFrom) {
      base.add(
          new Named(
              LocalDate.of(year, 11, 24),
              "Ngày Văn hóa Việt Nam (Vietnamese Culture Day)",
              compensateCultureDay,
              CULTURE_DAY));
    }
    base.sort(Comparator.comparing(Named::date));

    List<Holiday> result = new ArrayList<>();
    Set<LocalDate> taken = new HashSet<>();
    List<Named> toCompensate = new ArrayList<>();
    for (Named n : base) {
      result.add(Holiday.dayOff(n.date(), n.name(), n.source()));
      boolean free = !isWeekend(n.date()) && taken.add(n.date());
      if (!free && n.compensated()) {
        toCompensate.add(n);
      } else if (!free) {
        taken.add(n.date());
      }
    }
    for (Named n : toCompensate) {
      LocalDate d = n.date().plusDays(1);
      while (isWeekend(d) || taken.contains(d)) {
        d = d.plusDays(1);
      }
      taken.add(d);
      result.add(
          Holiday.dayOff(
              d,
              "Nghỉ bù " + n.name() + " (compensatory day off for " + n.date() + ")",
              COMPENSATION));
    }
    result.sort(Comparator.comparing(Holiday::date));
    return List.copyOf(result);
  }

  private static boolean isWeekend(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** Settings of the statutory schedule. Not thread-safe; build once and share the result. */
  public static final class Builder {
    private int tetDaysBefore = 1;
    private int cultureDayFrom = 2026;
    private boolean compensateCultureDay;

    private Builder() {}

    /**
     * Sets how many of the five Tết days come before the first day of the lunar year.
     *
     * @param days 0 to 4; default 1 (the last day of the old year and four days of the new)
     * @return this builder
     * @throws InvalidInputException with code {@code statutory-holidays.tet-days-before}
     */
    public Builder tetDaysBefore(int days) {
      if (days < 0 || days > 4) {
        throw new InvalidInputException(
            "statutory-holidays.tet-days-before",
            "Between 0 and 4 of the Tết days come before Tết.");
      }
      this.tetDaysBefore = days;
      return this;
    }

    /**
     * Sets the first year with Vietnamese Culture Day (24 November) as a holiday.
     *
     * @param year the first year, or 0 to leave the day out; default 2026
     * @return this builder
     */
    public Builder vietnameseCultureDayFrom(int year) {
      this.cultureDayFrom = Math.max(0, year);
      return this;
    }

    /**
     * Sets whether a Vietnamese Culture Day falling on a weekend is compensated on the next working
     * day. Not settled [U]; default false.
     *
     * @param compensate true to compensate it like the Labour Code holidays
     * @return this builder
     */
    public Builder compensateVietnameseCultureDay(boolean compensate) {
      this.compensateCultureDay = compensate;
      return this;
    }

    /**
     * Builds the schedule.
     *
     * @return the schedule
     */
    public StatutoryHolidays build() {
      return new StatutoryHolidays(this);
    }
  }
}
