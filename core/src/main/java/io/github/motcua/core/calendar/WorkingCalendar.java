package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Working days (ngày làm việc) for counting statutory time limits: the days of the working week,
 * minus the days off of a {@link HolidaySchedule}, plus the weekend days it declares make-up
 * working days; and the office sessions of a working day.
 *
 * <p>{@link #vietnam()} is the civil-service calendar: Monday to Friday, the {@link
 * HolidaySchedule#official() official schedule}, sessions 07:30-11:30 and 13:00-17:00 (common
 * practice [I]; set your own with the builder).
 *
 * <p>Immutable and thread-safe; the days of a year are memoised inside the instance.
 */
public final class WorkingCalendar {

  /** The default office sessions: 07:30-11:30 and 13:00-17:00. */
  public static final List<OfficeSession> DEFAULT_SESSIONS =
      List.of(
          OfficeSession.of(LocalTime.of(7, 30), LocalTime.of(11, 30)),
          OfficeSession.of(LocalTime.of(13, 0), LocalTime.of(17, 0)));

  private static final int MAX_SEARCH_DAYS = 366 * 2;

  private final HolidaySchedule schedule;
  private final Set<DayOfWeek> workingWeek;
  private final List<OfficeSession> sessions;
  // The working days of a year as a table by day of year: a deadline walks day by day, and a
  // table lookup costs a fraction of a map lookup (measured in benchmarks/CalendarBenchmark).
  private static final int FIRST_TABLED_YEAR = 1900;
  private static final int TABLED_YEARS = 300;
  private final AtomicReferenceArray<boolean[]> tabled = new AtomicReferenceArray<>(TABLED_YEARS);
  private final ConcurrentMap<Integer, boolean[]> otherYears = new ConcurrentHashMap<>();

  private WorkingCalendar(Builder b) {
    this.schedule = b.schedule;
    this.workingWeek = Set.copyOf(b.workingWeek);
    this.sessions = b.sessions;
  }

  /**
   * Returns the calendar of Vietnamese state agencies: Monday to Friday, the official holiday
   * schedule, office sessions 07:30-11:30 and 13:00-17:00.
   *
   * @return the calendar
   */
  public static WorkingCalendar vietnam() {
    return builder().build();
  }

  /**
   * Starts a builder with the settings of {@link #vietnam()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this calendar's settings, to derive a variant.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return new Builder().schedule(schedule).workingWeek(workingWeek).officeSessions(sessions);
  }

  /**
   * Tells whether a date is a working day.
   *
   * @param date the date; not null
   * @return true for a day of the working week that is not a day off, or a make-up working day
   * @throws InvalidInputException with code {@code lunar-date.range} outside 1900-2199 with the
   *     default schedules
   */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    return workingDays(date.getYear())[date.getDayOfYear() - 1];
  }

  /**
   * Returns the n-th working day after a date; the date itself does not count. With a negative
   * {@code n}, the n-th working day before it. With zero, the date itself.
   *
   * @param date the starting date; not null
   * @param n the number of working days
   * @return the date
   * @throws InvalidInputException with code {@code working-calendar.no-working-day} when the
   *     schedule leaves no working day for two years
   */
  public LocalDate plusWorkingDays(LocalDate date, int n) {
    Objects.requireNonNull(date, "date");
    int step = n >= 0 ? 1 : -1;
    LocalDate d = date;
    int idle = 0;
    for (int left = Math.abs(n); left > 0; ) {
      d = d.plusDays(step);
      if (isWorkingDay(d)) {
        left--;
        idle = 0;
      } else if (++idle > MAX_SEARCH_DAYS) {
        throw new InvalidInputException(
            "working-calendar.no-working-day", "No working day within two years of " + d + ".");
      }
    }
    return d;
  }

  /**
   * Counts the working days after {@code from} up to and including {@code to}; negative when {@code
   * to} is before {@code from}. {@code workingDaysBetween(d, plusWorkingDays(d, n)) == n}.
   *
   * @param from the first date, not counted; not null
   * @param to the last date, counted; not null
   * @return the number of working days
   */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      return -workingDaysBetween(to, from);
    }
    int count = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return count;
  }

  /**
   * Returns the first working day on or after a date.
   *
   * @param date the date; not null
   * @return the date itself when it is a working day, otherwise the next working day
   * @throws InvalidInputException with code {@code working-calendar.no-working-day} when none comes
   *     within two years (a schedule that takes every day off)
   */
  public LocalDate nextWorkingDayFrom(LocalDate date) {
    LocalDate d = Objects.requireNonNull(date, "date");
    for (int i = 0; i < MAX_SEARCH_DAYS; i++, d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        return d;
      }
    }
    throw new InvalidInputException(
        "working-calendar.no-working-day", "No working day within two years of " + date + ".");
  }

  /**
   * Returns the days off and make-up working days of a year, as the schedule lists them.
   *
   * @param year the Gregorian year
   * @return the entries sorted by date, unmodifiable
   */
  public List<Holiday> holidays(int year) {
    return schedule.holidays(year);
  }

  /**
   * Returns the holiday schedule.
   *
   * @return the schedule
   */
  public HolidaySchedule schedule() {
    return schedule;
  }

  /**
   * Returns the days of the working week.
   *
   * @return the days, unmodifiable
   */
  public Set<DayOfWeek> workingWeek() {
    return workingWeek;
  }

  /**
   * Returns the office sessions of a working day, in order.
   *
   * @return the sessions, unmodifiable
   */
  public List<OfficeSession> officeSessions() {
    return sessions;
  }

  /** Whether each day of a year is a working day, index 0 being 1 January; memoised. */
  private boolean[] workingDays(int year) {
    int slot = year - FIRST_TABLED_YEAR;
    if (slot < 0 || slot >= TABLED_YEARS) {
      return otherYears.computeIfAbsent(year, this::computeWorkingDays);
    }
    boolean[] days = tabled.get(slot);
    if (days == null) {
      // Two threads may both compute a year; they compute the same table.
      days = computeWorkingDays(year);
      tabled.set(slot, days);
    }
    return days;
  }

  private boolean[] computeWorkingDays(int year) {
    Map<LocalDate, Holiday.Kind> kinds = new HashMap<>();
    for (Holiday h : schedule.holidays(year)) {
      // A make-up working day wins over a day off listed on the same date.
      kinds.merge(h.date(), h.kind(), (a, b) -> a == Holiday.Kind.MAKE_UP_WORKING_DAY ? a : b);
    }
    boolean[] days = new boolean[Year.of(year).length()];
    LocalDate d = LocalDate.ofYearDay(year, 1);
    for (int i = 0; i < days.length; i++, d = d.plusDays(1)) {
      Holiday.Kind kind = kinds.get(d);
      days[i] =
          kind == Holiday.Kind.MAKE_UP_WORKING_DAY
              || (kind == null && workingWeek.contains(d.getDayOfWeek()));
    }
    return days;
  }

  /** Settings of a working calendar. Not thread-safe; build once and share the result. */
  public static final class Builder {
    private HolidaySchedule schedule;
    private Set<DayOfWeek> workingWeek = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
    private List<OfficeSession> sessions = DEFAULT_SESSIONS;

    private Builder() {}

    /**
     * Sets the holiday schedule.
     *
     * @param schedule the schedule; default {@link HolidaySchedule#official()}
     * @return this builder
     */
    public Builder schedule(HolidaySchedule schedule) {
      this.schedule = Objects.requireNonNull(schedule, "schedule");
      return this;
    }

    /**
     * Sets the days of the working week.
     *
     * @param days at least one day; default Monday to Friday
     * @return this builder
     * @throws InvalidInputException with code {@code working-calendar.week} when empty
     */
    public Builder workingWeek(Set<DayOfWeek> days) {
      if (days == null || days.isEmpty()) {
        throw new InvalidInputException(
            "working-calendar.week", "The working week needs at least one day.");
      }
      this.workingWeek = EnumSet.copyOf(days);
      return this;
    }

    /**
     * Sets the office sessions of a working day.
     *
     * @param sessions one or more sessions that do not overlap; default 07:30-11:30, 13:00-17:00
     * @return this builder
     * @throws InvalidInputException with code {@code working-calendar.sessions} when empty or
     *     overlapping
     */
    public Builder officeSessions(List<OfficeSession> sessions) {
      this.sessions = checkSessions(sessions, "working-calendar.sessions");
      return this;
    }

    /**
     * Builds the calendar.
     *
     * @return the calendar
     */
    public WorkingCalendar build() {
      if (schedule == null) {
        schedule = HolidaySchedule.official();
      }
      return new WorkingCalendar(this);
    }
  }

  static List<OfficeSession> checkSessions(List<OfficeSession> sessions, String code) {
    if (sessions == null || sessions.isEmpty() || sessions.stream().anyMatch(s -> s == null)) {
      throw new InvalidInputException(code, "At least one office session is required.");
    }
    List<OfficeSession> sorted = new ArrayList<>(sessions);
    sorted.sort(Comparator.comparing(OfficeSession::opens));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).opens().isBefore(sorted.get(i - 1).closes())) {
        throw new InvalidInputException(code, "Office sessions must not overlap.");
      }
    }
    return List.copyOf(sorted);
  }
}
