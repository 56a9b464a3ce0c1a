package io.github.motcua.benchmarks;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.Holiday;
import io.github.motcua.core.calendar.LunarDate;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.calendar.VietnameseLunarCalendar;
import io.github.motcua.core.calendar.WorkingCalendar;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The calendar: solar to lunar conversion (absolute: no library to compare with), {@code
 * plusWorkingDays} against a plain loop over the same days off held in a {@code HashSet}, and a
 * dossier's {@code dueAt} under Vietnam's deadline policy (absolute: office sessions, cut-off and
 * working days have no raw equivalent). Each call takes the next of 1,024 seeded inputs, 2020-2030.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalendarBenchmark {

  private static final int INPUTS = 1024;

  private final LocalDate[] dates = new LocalDate[INPUTS];
  private final Instant[] instants = new Instant[INPUTS];
  private final int[] days = new int[INPUTS];
  private WorkingCalendar calendar;
  private DeadlinePolicy policy;
  private Set<LocalDate> daysOff;
  private Set<LocalDate> makeUpDays;
  private int next;

  /** Seeded inputs; warms the calendar's year tables for both sides. */
  @Setup
  public void setUp() {
    Random random = new Random(11);
    LocalDate first = LocalDate.of(2020, 1, 1);
    for (int i = 0; i < INPUTS; i++) {
      dates[i] = first.plusDays(random.nextInt(11 * 365));
      instants[i] =
          Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(11 * 365 * 86_400));
      days[i] = 1 + random.nextInt(30);
    }
    calendar = WorkingCalendar.vietnam();
    policy = DeadlinePolicy.vietnam();
    daysOff = new HashSet<>();
    makeUpDays = new HashSet<>();
    for (int year = 2019; year <= 2032; year++) {
      for (Holiday h : calendar.holidays(year)) {
        (h.kind() == Holiday.Kind.MAKE_UP_WORKING_DAY ? makeUpDays : daysOff).add(h.date());
      }
    }
    daysOff.removeAll(makeUpDays);
  }

  private int index() {
    next = (next + 1) & (INPUTS - 1);
    return next;
  }

  /** Solar date to Vietnamese lunar date. */
  @Benchmark
  public LunarDate toLunar() {
    return VietnameseLunarCalendar.toLunar(dates[index()]);
  }

  /** motcua: the n-th working day after a date. */
  @Benchmark
  public LocalDate plusWorkingDaysMotcua() {
    int i = index();
    return calendar.plusWorkingDays(dates[i], days[i]);
  }

  /** Plain loop: skip Saturdays, Sundays and a set of days off, count make-up days. */
  @Benchmark
  public LocalDate plusWorkingDaysRaw() {
    int i = index();
    LocalDate d = dates[i];
    for (int left = days[i]; left > 0; ) {
      d = d.plusDays(1);
      DayOfWeek w = d.getDayOfWeek();
      boolean working =
          makeUpDays.contains(d)
              || (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !daysOff.contains(d));
      if (working) {
        left--;
      }
    }
    return d;
  }

  /** A dossier's due instant: received at an instant, 1 to 30 working days. */
  @Benchmark
  public Instant dueAt() {
    int i = index();
    return policy.dueAt(instants[i], ProcessingTime.ofWorkingDays(days[i]));
  }
}
