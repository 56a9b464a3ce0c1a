package io.github.motcua.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class VietnameseLunarCalendarTest {

  @ParameterizedTest(name = "Tết {0} is {1}")
  @CsvSource({"1985, 1985-01-21", "2007, 2007-02-17", "2026, 2026-02-17"})
  void tetFallsOnTheDocumentedVietnameseDate(int year, LocalDate tet) {
    assertThat(VietnameseLunarCalendar.toSolar(LunarDate.of(year, 1, 1))).isEqualTo(tet);
    assertThat(VietnameseLunarCalendar.toLunar(tet)).isEqualTo(LunarDate.of(year, 1, 1));
  }

  static Stream<Arguments> independentTable() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                Objects.requireNonNull(
                    VietnameseLunarCalendarTest.class.getResourceAsStream(
                        "tet-hung-1968-2050.csv")),
                StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.startsWith("#") || line.startsWith("lunar_year")) {
          continue;
        }
        String[] f = line.split(",");
        rows.add(
            Arguments.of(
                Integer.parseInt(f[0]),
                LocalDate.parse(f[1]),
                LocalDate.parse(f[2]),
                Integer.parseInt(f[3])));
      }
    }
    assertThat(rows).hasSize(2050 - 1968 + 1);
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: Tết {1}, Hùng Kings {2}, leap month {3}")
  @MethodSource("independentTable")
  void matchesTheIndependentlyDerivedTable(
      int year, LocalDate tet, LocalDate hungKings, int leapMonth) {
    assertThat(VietnameseLunarCalendar.toSolar(LunarDate.of(year, 1, 1))).isEqualTo(tet);
    assertThat(VietnameseLunarCalendar.toSolar(LunarDate.of(year, 3, 10))).isEqualTo(hungKings);
    assertThat(VietnameseLunarCalendar.leapMonth(year).orElse(0)).isEqualTo(leapMonth);
  }

  @Test
  void roundTripsEveryDayOfTheRange() {
    int checked = 0;
    LunarDate previous = null;
    for (LocalDate d = VietnameseLunarCalendar.MIN_DATE;
        !d.isAfter(VietnameseLunarCalendar.MAX_DATE);
        d = d.plusDays(1)) {
      LunarDate lunar = VietnameseLunarCalendar.toLunar(d);
      assertThat(VietnameseLunarCalendar.toSolar(lunar)).isEqualTo(d);
      if (previous != null && lunar.day() != 1) {
        // Inside a month the days follow one another.
        assertThat(lunar.day()).isEqualTo(previous.day() + 1);
        assertThat(lunar.month()).isEqualTo(previous.month());
      } else if (previous != null) {
        assertThat(previous.day()).isBetween(29, 30);
      }
      previous = lunar;
      checked++;
    }
    assertThat(checked).isEqualTo(109_573);
  }

  @Test
  void year2020HasLeapMonthFour() {
    assertThat(VietnameseLunarCalendar.leapMonth(2020)).contains(4);
    assertThat(VietnameseLunarCalendar.toSolar(new LunarDate(2020, 4, 1, true)))
        .isEqualTo(LocalDate.of(2020, 5, 23));
    assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2020, 6, 1)))
        .isEqualTo(new LunarDate(2020, 4, 10, true));
  }

  @Test
  void year2023HasLeapMonthTwo() {
    assertThat(VietnameseLunarCalendar.leapMonth(2023)).contains(2);
    assertThat(VietnameseLunarCalendar.toSolar(new LunarDate(2023, 2, 1, true)))
        .isEqualTo(LocalDate.of(2023, 3, 22));
    // The regular month 2 comes first.
    assertThat(VietnameseLunarCalendar.toSolar(LunarDate.of(2023, 2, 1)))
        .isEqualTo(LocalDate.of(2023, 2, 20));
  }

  @Test
  void commonYearHasNoLeapMonth() {
    assertThat(VietnameseLunarCalendar.leapMonth(2024)).isEmpty();
  }

  @Test
  void daysAtTheEndsOfTheRangeConvert() {
    assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(1900, 1, 1)))
        .isEqualTo(LunarDate.of(1899, 12, 1));
    assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2199, 12, 31)).year()).isEqualTo(2199);
  }

  @Test
  void rejectsLeapMonthTheYearDoesNotHave() {
    assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(new LunarDate(2023, 3, 1, true)))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "lunar-date.leap-month");
  }

  @Test
  void rejectsThirtiethDayOfShortMonth() {
    int year = 2025;
    int shortMonth = 0;
    for (int m = 1; m <= 12 && shortMonth == 0; m++) {
      if (VietnameseLunarCalendar.lengthOfMonth(year, m, false) == 29) {
        shortMonth = m;
      }
    }
    int month = shortMonth;
    assertThat(month).isPositive();
    assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(LunarDate.of(year, month, 30)))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "lunar-date.day");
  }

  @Test
  void rejectsDatesOutsideTheRange() {
    assertThatThrownBy(() -> VietnameseLunarCalendar.toLunar(LocalDate.of(1899, 12, 31)))
        .hasFieldOrPropertyWithValue("code", "lunar-date.range");
    assertThatThrownBy(() -> VietnameseLunarCalendar.toLunar(LocalDate.of(2200, 1, 1)))
        .hasFieldOrPropertyWithValue("code", "lunar-date.range");
    assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(LunarDate.of(2250, 1, 1)))
        .hasFieldOrPropertyWithValue("code", "lunar-date.range");
    assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(LunarDate.of(1899, 11, 1)))
        .hasFieldOrPropertyWithValue("code", "lunar-date.range");
    assertThatThrownBy(() -> VietnameseLunarCalendar.leapMonth(1899))
        .hasFieldOrPropertyWithValue("code", "lunar-date.range");
  }

  @Test
  void lunarDateRejectsFieldsOutOfRange() {
    assertThatThrownBy(() -> LunarDate.of(2025, 13, 1))
        .hasFieldOrPropertyWithValue("code", "lunar-date.month");
    assertThatThrownBy(() -> LunarDate.of(2025, 0, 1))
        .hasFieldOrPropertyWithValue("code", "lunar-date.month");
    assertThatThrownBy(() -> LunarDate.of(2025, 1, 31))
        .hasFieldOrPropertyWithValue("code", "lunar-date.day");
    assertThatThrownBy(() -> LunarDate.of(2025, 1, 0))
        .hasFieldOrPropertyWithValue("code", "lunar-date.day");
  }

  @Test
  void lunarDateTextRoundTrips() {
    assertThat(LunarDate.parse("2023-02L-15")).isEqualTo(new LunarDate(2023, 2, 15, true));
    assertThat(new LunarDate(2023, 2, 15, true).toString()).isEqualTo("2023-02L-15");
    assertThat(LunarDate.parse(" 2026-01-01 ")).isEqualTo(LunarDate.of(2026, 1, 1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2023",
        "2023-02",
        "2023-02-15-01",
        "23-02-15",
        "2023-2X-15",
        "2023-02LL-15",
        "2023--15",
        "２０２３-02-15",
        "2023-02-15\u0000",
        "99999999999999999999-01-01",
        "2023-13-01",
        "2023-01-31"
      })
  void lunarDateParseRejectsHostileText(String text) {
    assertThatThrownBy(() -> LunarDate.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).code()).startsWith("lunar-date."));
  }

  @Test
  void lunarDateParseRejectsNull() {
    assertThatThrownBy(() -> LunarDate.parse(null))
        .hasFieldOrPropertyWithValue("code", "lunar-date.format");
  }
}
