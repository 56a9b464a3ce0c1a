package io.github.motcua.core.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlinePolicyTest {

  private final DeadlinePolicy policy = DeadlinePolicy.vietnam();

  private static ProcessingTime limit(String text) {
    return ProcessingTime.parse(text);
  }

  @Test
  void threeWorkingDaysFromMondayOpeningAreDueWednesdayClosing() {
    assertThat(policy.dueAt(LocalDateTime.of(2025, 10, 6, 7, 30), ProcessingTime.ofWorkingDays(3)))
        .isEqualTo(LocalDateTime.of(2025, 10, 8, 17, 0));
  }

  @ParameterizedTest(name = "{0} + {1} = {2} ({3})")
  @CsvSource({
    // Monday 6/10/2025, an ordinary week.
    "2025-10-06T07:00, 3 working days, 2025-10-08T17:00, before the first session",
    "2025-10-06T10:00, 1 working day, 2025-10-07T10:00, inside the morning session",
    "2025-10-06T11:30, 1 working day, 2025-10-07T11:30, at the morning closing",
    "2025-10-06T12:00, 1 working day, 2025-10-07T11:30, between sessions",
    "2025-10-06T13:00, 1 working day, 2025-10-07T11:30, at the afternoon opening",
    "2025-10-06T16:59, 1 working day, 2025-10-07T16:59, just before closing",
    "2025-10-06T17:00, 1 working day, 2025-10-07T17:00, at the afternoon closing",
    "2025-10-06T18:00, 1 working day, 2025-10-07T17:00, after the sessions",
    "2025-10-10T16:00, 1 working day, 2025-10-13T16:00, over a weekend",
    "2025-10-11T10:00, 1 working day, 2025-10-13T17:00, on a Saturday",
    "2025-10-06T10:00, 4 working hours, 2025-10-06T15:30, hours across the lunch break",
    "2025-10-06T07:30, 4 working hours, 2025-10-06T11:30, hours ending at a closing",
    "2025-10-06T16:30, 1 working hour, 2025-10-07T08:00, hours across the night",
    // Holidays and make-up days of the official schedule.
    "2026-02-12T14:00, 2 working days, 2026-02-23T14:00, across Tết 2026",
    "2025-01-24T08:00, 1 working day, 2025-02-03T08:00, across Tết 2025",
    "2025-04-29T09:00, 1 working day, 2025-05-05T09:00, across 30/4-2/5/2025",
    "2025-04-25T17:30, 1 working day, 2025-04-26T17:00, the make-up Saturday counts",
    "2025-04-26T10:00, 1 working day, 2025-04-28T10:00, received on the make-up Saturday",
    "2025-05-03T10:00, 1 working day, 2025-05-05T17:00, received on an ordinary Saturday",
    "2025-08-29T15:00, 3 working days, 2025-09-05T15:00, across 1-2/9/2025",
    "2026-08-21T13:00, 1 working day, 2026-08-22T11:30, onto the make-up Saturday of 2026",
    "2026-08-28T07:30, 2 working days, 2026-09-03T17:00, across 31/8-2/9/2026",
    "2025-01-01T09:00, 1 working day, 2025-01-02T17:00, received on a holiday"
  })
  void dueAtRunsTheClockOnlyInsideSessionsOfWorkingDays(
      LocalDateTime receivedAt, String limit, LocalDateTime due, String why) {
    assertThat(policy.dueAt(receivedAt, limit(limit))).as(why).isEqualTo(due);
  }

  @ParameterizedTest(name = "cut-off 15:00: {0} + 1 day = {1}")
  @CsvSource({
    "2025-10-06T14:59, 2025-10-07T14:59",
    "2025-10-06T15:00, 2025-10-07T15:00",
    "2025-10-06T15:01, 2025-10-07T17:00",
    "2025-10-10T15:30, 2025-10-13T17:00",
    "2025-10-11T16:00, 2025-10-13T17:00",
    "2025-04-25T15:30, 2025-04-26T17:00"
  })
  void cutOffCountsLateReceiptsFromTheNextWorkingDay(LocalDateTime receivedAt, LocalDateTime due) {
    DeadlinePolicy withCutOff = DeadlinePolicy.builder().cutOff(LocalTime.of(15, 0)).build();
    assertThat(withCutOff.dueAt(receivedAt, ProcessingTime.ofWorkingDays(1))).isEqualTo(due);
  }

  @Test
  void customSessionsChangeTheLengthOfAWorkingDay() {
    DeadlinePolicy morningsOnly =
        DeadlinePolicy.builder()
            .officeSessions(List.of(OfficeSession.parse("08:00-12:00")))
            .build();
    assertThat(morningsOnly.duration(ProcessingTime.ofWorkingDays(2)))
        .isEqualTo(Duration.ofHours(8));
    assertThat(
            morningsOnly.dueAt(
                LocalDateTime.of(2025, 10, 6, 14, 0), ProcessingTime.ofWorkingDays(1)))
        .isEqualTo(LocalDateTime.of(2025, 10, 7, 12, 0));
  }

  @Test
  void instantVariantConvertsThroughVietnamTime() {
    Instant received =
        LocalDateTime.of(2025, 10, 6, 7, 30).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    assertThat(policy.dueAt(received, ProcessingTime.ofWorkingDays(3)))
        .isEqualTo(Instant.parse("2025-10-08T10:00:00Z"));
  }

  @Test
  void restartRuleRestartsTheFullLimitWhenTheSupplementArrives() {
    List<SupplementPeriod> supplements =
        List.of(
            new SupplementPeriod(
                LocalDateTime.of(2025, 10, 7, 10, 0), LocalDateTime.of(2025, 10, 9, 14, 0)));
    assertThat(
            policy.dueAt(
                LocalDateTime.of(2025, 10, 6, 7, 30), ProcessingTime.ofWorkingDays(3), supplements))
        .contains(LocalDateTime.of(2025, 10, 14, 14, 0));
  }

  @Test
  void pauseRuleResumesWithTheTimeLeft() {
    DeadlinePolicy pause = DeadlinePolicy.builder().supplementRule(SupplementRule.PAUSE).build();
    List<SupplementPeriod> supplements =
        List.of(
            new SupplementPeriod(
                LocalDateTime.of(2025, 10, 7, 10, 0), LocalDateTime.of(2025, 10, 9, 14, 0)));
    // 10.5 hours used before the request, 13.5 left from Thursday 14:00.
    assertThat(
            pause.dueAt(
                LocalDateTime.of(2025, 10, 6, 7, 30), ProcessingTime.ofWorkingDays(3), supplements))
        .contains(LocalDateTime.of(2025, 10, 13, 10, 0));
  }

  @Test
  void pauseRuleKeepsADueInstantThatPassedBeforeTheRequest() {
    DeadlinePolicy pause = DeadlinePolicy.builder().supplementRule(SupplementRule.PAUSE).build();
    List<SupplementPeriod> supplements =
        List.of(
            new SupplementPeriod(
                LocalDateTime.of(2025, 10, 8, 10, 0), LocalDateTime.of(2025, 10, 9, 8, 0)));
    assertThat(
            pause.dueAt(
                LocalDateTime.of(2025, 10, 6, 7, 30), ProcessingTime.ofWorkingDays(1), supplements))
        .contains(LocalDateTime.of(2025, 10, 6, 17, 0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"RESTART", "PAUSE"})
  void awaitedSupplementLeavesNoDueInstant(SupplementRule rule) {
    DeadlinePolicy p = DeadlinePolicy.builder().supplementRule(rule).build();
    assertThat(
            p.dueAt(
                LocalDateTime.of(2025, 10, 6, 7, 30),
                ProcessingTime.ofWorkingDays(3),
                List.of(new SupplementPeriod(LocalDateTime.of(2025, 10, 7, 10, 0), null))))
        .isEmpty();
  }

  @Test
  void supplementPeriodsMustFollowTheReceipt() {
    assertThatThrownBy(
            () ->
                policy.dueAt(
                    LocalDateTime.of(2025, 10, 6, 7, 30),
                    ProcessingTime.ofWorkingDays(3),
                    List.of(new SupplementPeriod(LocalDateTime.of(2025, 10, 5, 10, 0), null))))
        .hasFieldOrPropertyWithValue("code", "supplement-period.order");
    assertThatThrownBy(
            () ->
                new SupplementPeriod(
                    LocalDateTime.of(2025, 10, 7, 10, 0), LocalDateTime.of(2025, 10, 6, 10, 0)))
        .hasFieldOrPropertyWithValue("code", "supplement-period.order");
  }

  @Test
  void runningTimeCountsOnlyOfficeHoursOfWorkingDays() {
    assertThat(
            policy.runningTime(
                LocalDateTime.of(2025, 10, 10, 16, 0), LocalDateTime.of(2025, 10, 13, 9, 0)))
        .isEqualTo(Duration.ofMinutes(60 + 90));
    assertThat(
            policy.runningTime(
                LocalDateTime.of(2025, 10, 13, 9, 0), LocalDateTime.of(2025, 10, 10, 16, 0)))
        .isZero();
  }

  @Test
  void timelinessComparesCalendarDaysInVietnam() {
    Instant due = LocalDateTime.of(2025, 10, 8, 17, 0).atZone(DeadlinePolicy.VIETNAM).toInstant();
    Instant sameDayMorning = due.minus(Duration.ofHours(8));
    Instant dayBefore = due.minus(Duration.ofHours(24));
    assertThat(policy.timeliness(dayBefore, due)).isEqualTo(Timeliness.EARLY);
    assertThat(policy.timeliness(sameDayMorning, due)).isEqualTo(Timeliness.ON_TIME);
    assertThat(policy.timeliness(due, due)).isEqualTo(Timeliness.ON_TIME);
    assertThat(policy.timeliness(due.plusSeconds(1), due)).isEqualTo(Timeliness.LATE);
    // 00:30 in Vietnam on the due day is still 17:30 UTC the day before: same Vietnamese day.
    Instant earlyMorning =
        LocalDateTime.of(2025, 10, 8, 0, 30).atZone(DeadlinePolicy.VIETNAM).toInstant();
    assertThat(policy.timeliness(earlyMorning, due)).isEqualTo(Timeliness.ON_TIME);
  }

  static Stream<Arguments> randomReceipts() {
    Random random = new Random(7_2025L);
    LocalDateTime base = LocalDateTime.of(2023, 12, 1, 0, 0);
    return IntStream.range(0, 400)
        .mapToObj(
            i ->
                Arguments.of(
                    base.plusMinutes(random.nextInt(3 * 365 * 24 * 60)),
                    1 + random.nextInt(30),
                    1 + random.nextInt(3 * 24 * 60)));
  }

  @ParameterizedTest
  @MethodSource("randomReceipts")
  void dueAtIsMonotoneInTheReceivedTimeAndInTheLimit(
      LocalDateTime receivedAt, int days, int laterByMinutes) {
    ProcessingTime limit = ProcessingTime.ofWorkingDays(days);
    LocalDateTime due = policy.dueAt(receivedAt, limit);
    assertThat(due).isAfter(receivedAt);
    assertThat(policy.dueAt(receivedAt.plusMinutes(laterByMinutes), limit)).isAfterOrEqualTo(due);
    assertThat(policy.dueAt(receivedAt, ProcessingTime.ofWorkingDays(days + 1))).isAfter(due);
    assertThat(policy.dueAt(receivedAt, ProcessingTime.ofWorkingHours(days + 1)))
        .isAfter(policy.dueAt(receivedAt, ProcessingTime.ofWorkingHours(days)));
    // The due instant lies inside a session of a working day, never at an opening.
    assertThat(policy.calendar().isWorkingDay(due.toLocalDate())).isTrue();
    assertThat(policy.officeSessions())
        .anySatisfy(
            s -> {
              assertThat(due.toLocalTime()).isAfter(s.opens());
              assertThat(due.toLocalTime()).isBeforeOrEqualTo(s.closes());
            });
    // Exactly the limit of running clock lies between the clock start and the due instant.
    assertThat(policy.runningTime(policy.clockStartsAt(receivedAt), due))
        .isEqualTo(policy.duration(limit));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "3",
        "3 days",
        "three working days",
        "0 working days",
        "-1 working days",
        "3 working weeks",
        "3  working days",
        "9999999 working days",
        "3 working days extra"
      })
  void processingTimeRejectsHostileText(String text) {
    assertThatThrownBy(() -> ProcessingTime.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).code()).startsWith("processing-time."));
  }

  @Test
  void processingTimeTextRoundTrips() {
    assertThat(ProcessingTime.parse("1 working day")).isEqualTo(ProcessingTime.ofWorkingDays(1));
    assertThat(ProcessingTime.ofWorkingHours(4).toString()).isEqualTo("4 working hours");
    assertThat(ProcessingTime.parse(ProcessingTime.ofWorkingDays(15).toString()))
        .isEqualTo(ProcessingTime.ofWorkingDays(15));
  }
}
