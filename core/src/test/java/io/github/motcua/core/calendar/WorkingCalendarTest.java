package io.github.motcua.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WorkingCalendarTest {

  private final WorkingCalendar vietnam = WorkingCalendar.vietnam();

  @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
  @CsvSource({
    "2025-01-24, 1, 2025-02-03, across Tết 2025 (27-31/1 off)",
    "2026-02-13, 1, 2026-02-23, across Tết 2026 (16-20/2 off)",
    "2026-02-12, 2, 2026-02-23, into Tết 2026",
    "2024-02-07, 1, 2024-02-15, Tết 2024 (8-14/2 off)",
    "2025-04-25, 1, 2025-04-26, onto the make-up Saturday of 2025",
    "2025-04-25, 3, 2025-04-29, through the make-up Saturday",
    "2025-04-29, 1, 2025-05-05, across 30/4-2/5/2025",
    "2024-04-26, 1, 2024-05-02, across 29/4-1/5/2024",
    "2024-05-03, 1, 2024-05-04, onto the make-up Saturday of 2024",
    "2024-05-03, 2, 2024-05-06, through the make-up Saturday of 2024",
    "2025-08-29, 1, 2025-09-03, across 1-2/9/2025",
    "2024-08-30, 1, 2024-09-04, across 2-3/9/2024",
    "2026-08-21, 1, 2026-08-22, onto the make-up Saturday before 2/9/2026",
    "2026-08-28, 1, 2026-09-03, across 31/8-2/9/2026",
    "2025-12-31, 1, 2026-01-05, across 1-2/1/2026",
    "2026-01-09, 1, 2026-01-10, onto the make-up Saturday of January 2026",
    "2025-10-06, 0, 2025-10-06, zero days",
    "2025-02-03, -1, 2025-01-24, backwards across Tết 2025",
    "2025-10-10, 5, 2025-10-17, an ordinary week"
  })
  void plusWorkingDaysFollowsTheOfficialSchedule(
      LocalDate from, int n, LocalDate expected, String why) {
    assertThat(vietnam.plusWorkingDays(from, n)).as(why).isEqualTo(expected);
    assertThat(vietnam.workingDaysBetween(from, expected)).as(why).isEqualTo(n);
  }

  @ParameterizedTest(name = "{0} working: {1}")
  @CsvSource({
    "2025-04-26, true",
    "2025-05-03, false",
    "2026-01-10, true",
    "2026-01-17, false",
    "2025-09-02, false",
    "2025-09-03, true",
    "2026-11-24, false",
    "2025-10-12, false"
  })
  void isWorkingDayHonoursMakeUpSaturdaysAndDaysOff(LocalDate date, boolean working) {
    assertThat(vietnam.isWorkingDay(date)).isEqualTo(working);
  }

  @Test
  void workingDaysBetweenCountsAfterFromUpToAndIncludingTo() {
    assertThat(vietnam.workingDaysBetween(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 6)))
        .isZero();
    assertThat(vietnam.workingDaysBetween(LocalDate.of(2025, 10, 6), LocalDate.of(2025, 10, 10)))
        .isEqualTo(4);
    assertThat(vietnam.workingDaysBetween(LocalDate.of(2025, 10, 10), LocalDate.of(2025, 10, 6)))
        .isEqualTo(-4);
    // The whole of 2025: 261 weekdays, 12 of them off, one make-up Saturday.
    assertThat(vietnam.workingDaysBetween(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 12, 31)))
        .isEqualTo(261 - 12 + 1);
  }

  static Stream<Arguments> randomDates() {
    Random random = new Random(20251006L);
    return IntStream.range(0, 300)
        .mapToObj(
            i ->
                Arguments.of(
                    LocalDate.of(2023, 1, 1).plusDays(random.nextInt(4 * 365)),
                    random.nextInt(60)));
  }

  @ParameterizedTest
  @MethodSource("randomDates")
  void plusWorkingDaysAndWorkingDaysBetweenAreInverse(LocalDate date, int n) {
    LocalDate later = vietnam.plusWorkingDays(date, n);
    assertThat(vietnam.workingDaysBetween(date, later)).isEqualTo(n);
    if (n > 0) {
      assertThat(vietnam.isWorkingDay(later)).isTrue();
      assertThat(vietnam.plusWorkingDays(date, n + 1)).isAfter(later);
    }
  }

  @Test
  void holidaysListsTheScheduleOfTheYear() {
    List<Holiday> holidays = vietnam.holidays(2025);
    assertThat(holidays).extracting(Holiday::date).contains(LocalDate.of(2025, 4, 30));
    assertThat(holidays).isEqualTo(HolidaySchedule.official().holidays(2025));
  }

  @Test
  void builderSetsASixDayWeek() {
    WorkingCalendar sixDays =
        WorkingCalendar.builder()
            .workingWeek(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY))
            .build();
    assertThat(sixDays.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    assertThat(sixDays.isWorkingDay(LocalDate.of(2025, 10, 12))).isFalse();
    assertThat(sixDays.newBuilder().build().workingWeek()).isEqualTo(sixDays.workingWeek());
  }

  @Test
  void builderRejectsEmptyWeekAndOverlappingSessions() {
    assertThatThrownBy(() -> WorkingCalendar.builder().workingWeek(EnumSet.noneOf(DayOfWeek.class)))
        .hasFieldOrPropertyWithValue("code", "working-calendar.week");
    assertThatThrownBy(
            () ->
                WorkingCalendar.builder()
                    .officeSessions(
                        List.of(
                            OfficeSession.parse("07:30-12:00"),
                            OfficeSession.parse("11:00-17:00"))))
        .hasFieldOrPropertyWithValue("code", "working-calendar.sessions");
    assertThatThrownBy(() -> WorkingCalendar.builder().officeSessions(List.of()))
        .hasFieldOrPropertyWithValue("code", "working-calendar.sessions");
  }

  @Test
  void scheduleWithoutWorkingDaysFailsInsteadOfLooping() {
    WorkingCalendar never =
        WorkingCalendar.builder()
            .workingWeek(EnumSet.of(DayOfWeek.SUNDAY))
            .schedule(
                year ->
                    LocalDate.of(year, 1, 1)
                        .datesUntil(LocalDate.of(year + 1, 1, 1))
                        .filter(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY)
                        .map(d -> Holiday.dayOff(d, "closed", "test"))
                        .toList())
            .build();
    assertThatThrownBy(() -> never.plusWorkingDays(LocalDate.of(2025, 1, 1), 1))
        .hasFieldOrPropertyWithValue("code", "working-calendar.no-working-day");
  }

  @Test
  void officeSessionParsesAndRejectsHostileText() {
    assertThat(OfficeSession.parse("07:30-11:30").length().toMinutes()).isEqualTo(240);
    for (String bad :
        new String[] {"", "07:30", "11:30-07:30", "7h30-11h30", "07:30-25:00", null}) {
      assertThatThrownBy(() -> OfficeSession.parse(bad)).isInstanceOf(InvalidInputException.class);
    }
  }
}
