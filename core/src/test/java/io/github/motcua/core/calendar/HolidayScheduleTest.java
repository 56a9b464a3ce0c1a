package io.github.motcua.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HolidayScheduleTest {

  private static Set<LocalDate> weekdaysOff(HolidaySchedule schedule, int year) {
    return schedule.holidays(year).stream()
        .filter(h -> h.kind() == Holiday.Kind.DAY_OFF)
        .map(Holiday::date)
        .filter(d -> d.getDayOfWeek().getValue() <= 5)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<LocalDate> dates(String... isoDates) {
    return java.util.Arrays.stream(isoDates)
        .map(LocalDate::parse)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void statutory2024CompensatesTetWeekendAndSundayNextToNationalDay() {
    // Tết on Saturday 10/2: Fri 9 to Tue 13 plus Wed 14 and Thu 15 for the weekend days;
    // 2/9 on Monday, 1/9 on Sunday compensated on Tuesday 3/9.
    assertThat(weekdaysOff(HolidaySchedule.statutory(), 2024))
        .isEqualTo(
            dates(
                "2024-01-01",
                "2024-02-09",
                "2024-02-12",
                "2024-02-13",
                "2024-02-14",
                "2024-02-15",
                "2024-04-18",
                "2024-04-30",
                "2024-05-01",
                "2024-09-02",
                "2024-09-03"));
  }

  @Test
  void statutory2023CompensatesHolidaysBunchedOnAWeekend() {
    // 1/1 on Sunday; Tết on Sunday 22/1; Hùng Kings on Saturday 29/4 and 30/4 on Sunday, both
    // compensated after Monday 1/5; 2/9 on Saturday.
    assertThat(weekdaysOff(HolidaySchedule.statutory(), 2023))
        .isEqualTo(
            dates(
                "2023-01-02",
                "2023-01-23",
                "2023-01-24",
                "2023-01-25",
                "2023-01-26",
                "2023-01-27",
                "2023-05-01",
                "2023-05-02",
                "2023-05-03",
                "2023-09-01",
                "2023-09-04"));
  }

  @Test
  void statutory2027TakesThirdSeptemberWhenNationalDayIsThursday() {
    assertThat(weekdaysOff(HolidaySchedule.statutory(), 2027))
        .isEqualTo(
            dates(
                "2027-01-01",
                "2027-02-05",
                "2027-02-08",
                "2027-02-09",
                "2027-02-10",
                "2027-02-11",
                "2027-04-16",
                "2027-04-30",
                "2027-05-03",
                "2027-09-02",
                "2027-09-03",
                "2027-11-24"));
  }

  @Test
  void statutoryNamesCompensatoryDaysAndTheirSource() {
    Holiday compensation = HolidaySchedule.statutory().on(LocalDate.of(2023, 1, 2)).get(0);
    assertThat(compensation.name()).startsWith("Nghỉ bù Tết Dương lịch");
    assertThat(compensation.source()).contains("Điều 111");
  }

  @Test
  void cultureDayIsOffFrom2026AndCanBeLeftOut() {
    assertThat(weekdaysOff(HolidaySchedule.statutory(), 2025))
        .doesNotContain(LocalDate.of(2025, 11, 24));
    assertThat(weekdaysOff(HolidaySchedule.statutory(), 2026)).contains(LocalDate.of(2026, 11, 24));
    HolidaySchedule without = StatutoryHolidays.builder().vietnameseCultureDayFrom(0).build();
    assertThat(without.on(LocalDate.of(2026, 11, 24))).isEmpty();
  }

  @Test
  void weekendCultureDayIsCompensatedOnlyWhenSet() {
    // 24/11/2029 is a Saturday.
    assertThat(LocalDate.of(2029, 11, 24).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
    assertThat(HolidaySchedule.statutory().on(LocalDate.of(2029, 11, 26))).isEmpty();
    HolidaySchedule compensating =
        StatutoryHolidays.builder().compensateVietnameseCultureDay(true).build();
    assertThat(compensating.on(LocalDate.of(2029, 11, 26))).hasSize(1);
  }

  @Test
  void tetDaysCanStartEarlier() {
    HolidaySchedule twoBefore = StatutoryHolidays.builder().tetDaysBefore(2).build();
    // Tết 2025 on Wednesday 29/1: Mon 27 to Fri 31, as the 2025 notice.
    assertThat(weekdaysOff(twoBefore, 2025))
        .containsAll(dates("2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"));
    assertThatThrownBy(() -> StatutoryHolidays.builder().tetDaysBefore(5))
        .hasFieldOrPropertyWithValue("code", "statutory-holidays.tet-days-before");
  }

  static List<Object[]> officialYears() {
    return List.of(
        new Object[] {
          2024,
          dates(
              "2024-01-01",
              "2024-02-08",
              "2024-02-09",
              "2024-02-12",
              "2024-02-13",
              "2024-02-14",
              "2024-04-18",
              "2024-04-29",
              "2024-04-30",
              "2024-05-01",
              "2024-09-02",
              "2024-09-03"),
          dates("2024-05-04")
        },
        new Object[] {
          2025,
          dates(
              "2025-01-01",
              "2025-01-27",
              "2025-01-28",
              "2025-01-29",
              "2025-01-30",
              "2025-01-31",
              "2025-04-07",
              "2025-04-30",
              "2025-05-01",
              "2025-05-02",
              "2025-09-01",
              "2025-09-02"),
          dates("2025-04-26")
        },
        new Object[] {
          2026,
          dates(
              "2026-01-01",
              "2026-01-02",
              "2026-02-16",
              "2026-02-17",
              "2026-02-18",
              "2026-02-19",
              "2026-02-20",
              "2026-04-27",
              "2026-04-30",
              "2026-05-01",
              "2026-08-31",
              "2026-09-01",
              "2026-09-02",
              "2026-11-24"),
          dates("2026-01-10", "2026-08-22")
        });
  }

  @ParameterizedTest(name = "official schedule {0}")
  @MethodSource("officialYears")
  void officialScheduleReproducesTheNoticeDayByDay(
      int year, Set<LocalDate> daysOff, Set<LocalDate> makeUpSaturdays) {
    WorkingCalendar calendar = WorkingCalendar.vietnam();
    for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
      boolean weekday = d.getDayOfWeek().getValue() <= 5;
      boolean expected = (weekday && !daysOff.contains(d)) || makeUpSaturdays.contains(d);
      assertThat(calendar.isWorkingDay(d)).as(d.toString()).isEqualTo(expected);
    }
    assertThat(weekdaysOff(HolidaySchedule.official(), year)).isEqualTo(daysOff);
  }

  @Test
  void officialEntriesCiteTheirNotices() {
    assertThat(HolidaySchedule.official().holidays(2024))
        .allSatisfy(h -> assertThat(h.source()).contains("5015/TB-LĐTBXH"));
    assertThat(HolidaySchedule.official().holidays(2025))
        .allSatisfy(h -> assertThat(h.source()).contains("6150/TB-BLĐTBXH"));
    assertThat(HolidaySchedule.official().on(LocalDate.of(2026, 2, 17)).get(0).source())
        .contains("9441/TB-BNV");
  }

  @Test
  void officialFallsBackToStatutoryForYearsTheFileDoesNotHold() {
    assertThat(HolidaySchedule.official().holidays(2027))
        .isEqualTo(HolidaySchedule.statutory().holidays(2027));
    assertThat(HolidaySchedule.official().holidays(2023))
        .isEqualTo(HolidaySchedule.statutory().holidays(2023));
  }

  @Test
  void overridesAddAProvinceDayOffAndCancelAnother() {
    HolidaySchedule province =
        HolidaySchedule.official()
            .withOverrides(
                List.of(
                    Holiday.dayOff(
                        LocalDate.of(2025, 10, 10), "Provincial day", "QĐ 1/2025/QĐ-UBND"),
                    Holiday.makeUpWorkingDay(
                        LocalDate.of(2025, 9, 1), "Working as decided", "QĐ 2/2025/QĐ-UBND")));
    WorkingCalendar calendar = WorkingCalendar.builder().schedule(province).build();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 10, 10))).isFalse();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 1))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2025, 9, 2))).isFalse();
    assertThat(province.on(LocalDate.of(2025, 9, 1)))
        .singleElement()
        .extracting(Holiday::kind)
        .isEqualTo(Holiday.Kind.MAKE_UP_WORKING_DAY);
  }

  @Test
  void jsonLayerReplacesAWholeYear() {
    String json =
        """
        {"years": [{"year": 2027, "entries": [
          {"date": "2027-02-04", "kind": "DAY_OFF", "name": "Tết", "source": "TB 1/2026"},
          {"date": "2027-02-20", "kind": "MAKE_UP_WORKING_DAY", "name": "Làm bù", "source": "TB 1/2026",
           "note": "unknown fields are ignored"}
        ]}]}
        """;
    HolidaySchedule schedule = HolidaySchedule.fromJson(stream(json), HolidaySchedule.official());
    assertThat(schedule.holidays(2027))
        .extracting(Holiday::date)
        .containsExactly(LocalDate.of(2027, 2, 4), LocalDate.of(2027, 2, 20));
    assertThat(schedule.holidays(2025)).isEqualTo(HolidaySchedule.official().holidays(2025));
  }

  @Test
  void ofYearsRejectsAnEntryOfAnotherYear() {
    Map<Integer, List<Holiday>> years =
        Map.of(2027, List.of(Holiday.dayOff(LocalDate.of(2028, 1, 1), "x", "y")));
    assertThatThrownBy(() -> HolidaySchedule.ofYears(years, HolidaySchedule.statutory()))
        .hasFieldOrPropertyWithValue("code", "holiday-file.format");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[]",
        "{}",
        "{\"years\": {}}",
        "{\"years\": [1]}",
        "{\"years\": [{\"entries\": []}]}",
        "{\"years\": [{\"year\": \"2027\", \"entries\": []}]}",
        "{\"years\": [{\"year\": 1800, \"entries\": []}]}",
        "{\"years\": [{\"year\": 2027.5, \"entries\": []}]}",
        "{\"years\": [{\"year\": 2027}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": [{}]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": [{\"date\": \"2027-13-01\", \"kind\":"
            + " \"DAY_OFF\", \"name\": \"x\", \"source\": \"y\"}]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": [{\"date\": \"2027-01-01\", \"kind\":"
            + " \"HOLIDAY\", \"name\": \"x\", \"source\": \"y\"}]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": [{\"date\": \"2027-01-01\", \"kind\":"
            + " \"DAY_OFF\", \"name\": \"\", \"source\": \"y\"}]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": [{\"date\": 20270101, \"kind\":"
            + " \"DAY_OFF\", \"name\": \"x\", \"source\": \"y\"}]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": [{\"date\": \"2028-01-01\", \"kind\":"
            + " \"DAY_OFF\", \"name\": \"x\", \"source\": \"y\"}]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": ["
            + "{\"date\": \"2027-01-01\", \"kind\": \"DAY_OFF\", \"name\": \"x\", \"source\": \"y\"},"
            + "{\"date\": \"2027-01-01\", \"kind\": \"DAY_OFF\", \"name\": \"x\", \"source\": \"y\"}"
            + "]}]}",
        "{\"years\": [{\"year\": 2027, \"entries\": []}, {\"year\": 2027, \"entries\": []}]}"
      })
  void jsonRejectsHostileDocumentsWithAPath(String json) {
    assertThatThrownBy(() -> HolidaySchedule.fromJson(stream(json), HolidaySchedule.statutory()))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "holiday-file.format");
  }

  @Test
  void jsonRejectsOversizedTextAndDeepNesting() {
    String longName = "x".repeat(10_000);
    String json =
        "{\"years\": [{\"year\": 2027, \"entries\": [{\"date\": \"2027-01-01\", \"kind\":"
            + " \"DAY_OFF\", \"name\": \""
            + longName
            + "\", \"source\": \"y\"}]}]}";
    assertThatThrownBy(() -> HolidaySchedule.fromJson(stream(json), HolidaySchedule.statutory()))
        .hasFieldOrPropertyWithValue("code", "holiday-file.format");
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> HolidaySchedule.fromJson(stream(deep), HolidaySchedule.statutory()))
        .hasFieldOrPropertyWithValue("code", "holiday-file.format");
  }

  @Test
  void holidayRequiresEveryField() {
    assertThatThrownBy(() -> Holiday.dayOff(null, "x", "y"))
        .hasFieldOrPropertyWithValue("code", "holiday.required");
    assertThatThrownBy(() -> Holiday.dayOff(LocalDate.of(2025, 1, 1), " ", "y"))
        .hasFieldOrPropertyWithValue("code", "holiday.required");
    assertThatThrownBy(() -> Holiday.dayOff(LocalDate.of(2025, 1, 1), "x", null))
        .hasFieldOrPropertyWithValue("code", "holiday.required");
  }

  private static InputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
