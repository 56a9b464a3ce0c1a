package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.internal.Astronomy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Converts between Gregorian dates and the Vietnamese lunar calendar (âm lịch) for every day from
 * 1900-01-01 to 2199-12-31.
 *
 * <p>The calendar is computed astronomically for the meridian of Vietnam, UTC+7:
 *
 * <ul>
 *   <li>a month starts on the local day that holds the new moon (instants after Meeus,
 *       <i>Astronomical Algorithms</i>, ch. 49, converted from dynamical to universal time);
 *   <li>a month contains a major solar term (trung khí) when the sun's apparent longitude crosses a
 *       multiple of 30° between the local midnight that starts the month and the one that starts
 *       the next month (Meeus ch. 25);
 *   <li>month 11 is the month containing the winter solstice (longitude 270°);
 *   <li>a year from one month 11 to the next holding 13 months is a leap year, and its leap month
 *       is the first month after month 11 without a major solar term; it repeats the number of the
 *       month before it;
 *   <li>month 1 starts the lunar year (Tết Nguyên Đán is its first day).
 * </ul>
 *
 * <p>The Chinese calendar follows the same rules on UTC+8 and differs in some years: Tết 1985 fell
 * on 21 January in Vietnam and 20 February in China, Tết 2007 on 17 February in Vietnam and 18
 * February in China. North Vietnam used UTC+8 for its calendar before 1968, so almanacs printed
 * there for earlier years can differ from this computation by a day or a month.
 *
 * <p>The month table is computed once, when the class is first used (a few milliseconds), and is
 * immutable; every method is thread-safe.
 */
public final class VietnameseLunarCalendar {

  /** The first Gregorian date supported. */
  public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);

  /** The last Gregorian date supported. */
  public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

  private static final double TIME_ZONE_DAYS = 7.0 / 24;

  /** Month starts as epoch days; one more entry than months, closing the last month. */
  private static final int[] START;

  /** Ordering keys year * 32 + month * 2 + (leap ? 1 : 0), increasing along the table. */
  private static final int[] KEY;

  static {
    // Winter solstice months of 1898 to 2200 bracket every day of 1900-2199.
    List<int[]> months = buildMonths(1898, 2200);
    START = new int[months.size()];
    KEY = new int[months.size()];
    for (int i = 0; i < months.size(); i++) {
      START[i] = months.get(i)[0];
      KEY[i] = months.get(i)[1];
    }
  }

  private VietnameseLunarCalendar() {}

  /**
   * Returns the lunar date of a Gregorian date.
   *
   * @param date the date, from 1900-01-01 to 2199-12-31; not null
   * @return the lunar date
   * @throws InvalidInputException with code {@code lunar-date.range} outside the supported range
   */
  public static LunarDate toLunar(LocalDate date) {
    if (date == null || date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
      throw new InvalidInputException(
          "lunar-date.range", "The lunar calendar covers 1900-01-01 to 2199-12-31.");
    }
    int day = (int) date.toEpochDay();
    int i = Arrays.binarySearch(START, 0, START.length - 1, day);
    if (i < 0) {
      i = -i - 2;
    }
    int key = KEY[i];
    return new LunarDate(key / 32, (key % 32) / 2, day - START[i] + 1, key % 2 == 1);
  }

  /**
   * Returns the Gregorian date of a lunar date.
   *
   * @param date the lunar date; not null
   * @return the Gregorian date, from 1900-01-01 to 2199-12-31
   * @throws InvalidInputException with code {@code lunar-date.leap-month} when the year has no such
   *     leap month, {@code lunar-date.day} when the month has only 29 days, {@code
   *     lunar-date.range} when the date falls outside the supported range
   */
  public static LocalDate toSolar(LunarDate date) {
    if (date == null) {
      throw new InvalidInputException("lunar-date.required", "A lunar date is required.");
    }
    int key = date.year() * 32 + date.month() * 2 + (date.leapMonth() ? 1 : 0);
    int i = Arrays.binarySearch(KEY, 0, KEY.length - 1, key);
    if (i < 0) {
      if (date.leapMonth()) {
        throw new InvalidInputException(
            "lunar-date.leap-month",
            "Lunar year " + date.year() + " has no leap month " + date.month() + ".");
      }
      throw new InvalidInputException(
          "lunar-date.range", "The lunar calendar covers 1900-01-01 to 2199-12-31.");
    }
    int length = START[i + 1] - START[i];
    if (date.day() > length) {
      throw new InvalidInputException(
          "lunar-date.day",
          "Lunar month " + date.month() + " of that year has " + length + " days.");
    }
    LocalDate solar = LocalDate.ofEpochDay(START[i] + date.day() - 1L);
    if (solar.isBefore(MIN_DATE) || solar.isAfter(MAX_DATE)) {
      throw new InvalidInputException(
          "lunar-date.range", "The lunar calendar covers 1900-01-01 to 2199-12-31.");
    }
    return solar;
  }

  /**
   * Returns the leap month of a lunar year, if it has one.
   *
   * @param lunarYear the lunar year, 1900-2199
   * @return the number of the month that is repeated, or empty in a common year
   * @throws InvalidInputException with code {@code lunar-date.range} outside 1900-2199
   */
  public static Optional<Integer> leapMonth(int lunarYear) {
    if (lunarYear < 1900 || lunarYear > 2199) {
      throw new InvalidInputException(
          "lunar-date.range", "The lunar calendar covers years 1900-2199.");
    }
    for (int key : KEY) {
      if (key / 32 == lunarYear && key % 2 == 1) {
        return Optional.of((key % 32) / 2);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the number of days, 29 or 30, of a lunar month.
   *
   * @param lunarYear the lunar year
   * @param month the month, 1-12
   * @param leapMonth whether the leap month is meant
   * @return 29 or 30
   * @throws InvalidInputException if the month does not exist in the supported range
   */
  public static int lengthOfMonth(int lunarYear, int month, boolean leapMonth) {
    LocalDate first = toSolar(new LunarDate(lunarYear, month, 1, leapMonth));
    int i = Arrays.binarySearch(START, (int) first.toEpochDay());
    return START[i + 1] - START[i];
  }

  /** Returns [start epoch day, key] for every month of the winter-solstice years first..last. */
  private static List<int[]> buildMonths(int firstSolsticeYear, int lastSolsticeYear) {
    // All new moons from before the first solstice to after the one following the last.
    double fromJd = julianDay(LocalDate.of(firstSolsticeYear, 10, 1));
    double toJd = julianDay(LocalDate.of(lastSolsticeYear + 1, 3, 1));
    long k0 = Astronomy.lunationNear(fromJd);
    long k1 = Astronomy.lunationNear(toJd) + 1;
    int n = (int) (k1 - k0 + 1);
    int[] start = new int[n];
    double[] longitude = new double[n];
    for (int j = 0; j < n; j++) {
      start[j] = newMoonDay(k0 + j);
      longitude[j] = sunLongitudeAtLocalMidnight(start[j]);
    }
    // Months holding a winter solstice: the sun passes 270° inside them.
    List<Integer> elevens = new ArrayList<>();
    for (int j = 0; j + 1 < n; j++) {
      if (longitude[j] < 270 && longitude[j + 1] >= 270) {
        elevens.add(j);
      }
    }
    List<int[]> months = new ArrayList<>();
    for (int s = 0; s + 1 < elevens.size(); s++) {
      int a = elevens.get(s);
      int b = elevens.get(s + 1);
      int year = firstSolsticeYear + s;
      boolean leapYear = b - a == 13;
      boolean leapTaken = false;
      int number = 11;
      int lunarYear = year;
      months.add(new int[] {start[a], key(lunarYear, number, false)});
      for (int j = a + 1; j < b; j++) {
        boolean noMajorTerm = Math.floor(longitude[j] / 30) == Math.floor(longitude[j + 1] / 30);
        if (leapYear && !leapTaken && noMajorTerm) {
          leapTaken = true;
          months.add(new int[] {start[j], key(lunarYear, number, true)});
          continue;
        }
        number = number == 12 ? 1 : number + 1;
        if (number == 1) {
          lunarYear = year + 1;
        }
        months.add(new int[] {start[j], key(lunarYear, number, false)});
      }
    }
    // Closing entry: the start of the month 11 after the last year.
    months.add(new int[] {start[elevens.get(elevens.size() - 1)], Integer.MAX_VALUE});
    return months;
  }

  private static int key(int year, int month, boolean leap) {
    return year * 32 + month * 2 + (leap ? 1 : 0);
  }

  /** The local (UTC+7) epoch day holding the new moon of lunation k. */
  private static int newMoonDay(long k) {
    double jdLocal = Astronomy.toUniversal(Astronomy.newMoonJde(k)) + TIME_ZONE_DAYS;
    return (int) Math.floor(jdLocal - Astronomy.JD_EPOCH_MIDNIGHT);
  }

  /** The sun's apparent longitude at the local (UTC+7) midnight that starts an epoch day. */
  private static double sunLongitudeAtLocalMidnight(int epochDay) {
    double jd = Astronomy.JD_EPOCH_MIDNIGHT + epochDay - TIME_ZONE_DAYS;
    return Astronomy.sunApparentLongitude(Astronomy.toDynamical(jd));
  }

  private static double julianDay(LocalDate date) {
    return Astronomy.JD_EPOCH_MIDNIGHT + date.toEpochDay();
  }
}
