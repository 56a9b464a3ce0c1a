package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes the due instant of a dossier (ngày hẹn trả kết quả) from the moment it was received and
 * its statutory {@link ProcessingTime}.
 *
 * <p>The rules:
 *
 * <ul>
 *   <li>the processing clock runs only inside the office sessions of working days of the {@link
 *       WorkingCalendar};
 *   <li>a dossier received outside a session starts at the next session opening; with a cut-off
 *       time set, a dossier received on a working day after the cut-off starts at the first session
 *       of the next working day (some sectors use 15:00; no general rule is known [U], so there is
 *       none by default);
 *   <li>N working days are N full office days of running clock (8 hours with the default sessions),
 *       N working hours are N hours of it;
 *   <li>the due instant is where the clock runs out; it never falls on a session opening, so a
 *       limit that ends exactly at a closing is reported at that closing: three working days from
 *       Monday 07:30 are due Wednesday 17:00;
 *   <li>a request for a supplement either restarts the full limit from the moment the complete
 *       dossier is received ({@link SupplementRule#RESTART}, the default) or pauses the clock
 *       ({@link SupplementRule#PAUSE}); the rule in force is not confirmed [U].
 * </ul>
 *
 * <p>Times are Vietnam local time ({@code Asia/Ho_Chi_Minh}, UTC+7) unless another zone is set; the
 * {@link Instant} methods convert through that zone. Immutable and thread-safe.
 */
public final class DeadlinePolicy {

  /** The zone of Vietnam. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final WorkingCalendar calendar;
  private final List<OfficeSession> sessions;
  private final LocalTime cutOff;
  private final SupplementRule supplementRule;
  private final ZoneId zone;
  private final Duration workingDay;

  private DeadlinePolicy(Builder b) {
    this.calendar = b.calendar == null ? WorkingCalendar.vietnam() : b.calendar;
    this.sessions = b.sessions == null ? calendar.officeSessions() : b.sessions;
    this.cutOff = b.cutOff;
    this.supplementRule = b.supplementRule;
    this.zone = b.zone;
    Duration day = Duration.ZERO;
    for (OfficeSession s : sessions) {
      day = day.plus(s.length());
    }
    this.workingDay = day;
  }

  /**
   * Returns the default policy: the {@link WorkingCalendar#vietnam()} calendar, sessions
   * 07:30-11:30 and 13:00-17:00, no cut-off, supplements restart the limit.
   *
   * @return the policy
   */
  public static DeadlinePolicy vietnam() {
    return builder().build();
  }

  /**
   * Starts a builder with the defaults of {@link #vietnam()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this policy's settings.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b =
        new Builder()
            .calendar(calendar)
            .officeSessions(sessions)
            .supplementRule(supplementRule)
            .zone(zone);
    b.cutOff = cutOff;
    return b;
  }

  /**
   * Returns the due instant of a dossier received at a given time.
   *
   * @param receivedAt when the dossier was received, Vietnam local time; not null
   * @param limit the processing time limit; not null
   * @return the due instant, Vietnam local time; always the end of running clock inside a session
   */
  public LocalDateTime dueAt(LocalDateTime receivedAt, ProcessingTime limit) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    return advance(clockStartsAt(receivedAt), duration(limit));
  }

  /**
   * Returns the due instant of a dossier received at a given instant, through this policy's zone.
   *
   * @param receivedAt when the dossier was received; not null
   * @param limit the processing time limit; not null
   * @return the due instant
   */
  public Instant dueAt(Instant receivedAt, ProcessingTime limit) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    return dueAt(LocalDateTime.ofInstant(receivedAt, zone), limit).atZone(zone).toInstant();
  }

  /**
   * Returns the due instant of a dossier whose applicant was asked for supplements, under this
   * policy's {@link SupplementRule}.
   *
   * @param receivedAt when the dossier was first received, Vietnam local time; not null
   * @param limit the processing time limit; not null
   * @param supplements the supplement requests in the order they were made; not null, may be empty
   * @return the due instant, or empty while a supplement is still awaited (the clock is stopped and
   *     the new date is not known yet)
   * @throws InvalidInputException with code {@code supplement-period.order} when the periods
   *     overlap or start before the dossier was received
   */
  public Optional<LocalDateTime> dueAt(
      LocalDateTime receivedAt, ProcessingTime limit, List<SupplementPeriod> supplements) {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Duration remaining = duration(limit);
    LocalDateTime previous = receivedAt;
    for (SupplementPeriod s : supplements) {
      if (s.requestedAt().isBefore(previous)) {
        throw new InvalidInputException(
            "supplement-period.order",
            "Supplement periods follow the receipt and each other in time.");
      }
      previous = s.completedAt() == null ? s.requestedAt() : s.completedAt();
    }
    if (supplements.isEmpty()) {
      return Optional.of(dueAt(receivedAt, limit));
    }
    if (supplementRule == SupplementRule.RESTART) {
      SupplementPeriod last = supplements.get(supplements.size() - 1);
      return last.completed().map(at -> dueAt(at, limit));
    }
    LocalDateTime start = clockStartsAt(receivedAt);
    for (SupplementPeriod s : supplements) {
      LocalDateTime due = advance(start, remaining);
      if (!due.isAfter(s.requestedAt())) {
        return Optional.of(due);
      }
      remaining = remaining.minus(runningTime(start, s.requestedAt()));
      if (s.completedAt() == null) {
        return Optional.empty();
      }
      start = clockStartsAt(s.completedAt());
    }
    return Optional.of(advance(start, remaining));
  }

  /**
   * Returns when the processing clock starts for a dossier received at a given time: the time
   * itself inside a session of a working day (before any cut-off), otherwise the next session
   * opening.
   *
   * @param receivedAt the receipt time, Vietnam local time; not null
   * @return the start of the clock
   */
  public LocalDateTime clockStartsAt(LocalDateTime receivedAt) {
    LocalDate day = receivedAt.toLocalDate();
    LocalTime time = receivedAt.toLocalTime();
    if (calendar.isWorkingDay(day) && (cutOff == null || !time.isAfter(cutOff))) {
      for (OfficeSession s : sessions) {
        if (time.isBefore(s.closes())) {
          return day.atTime(time.isBefore(s.opens()) ? s.opens() : time);
        }
      }
    }
    return calendar.nextWorkingDayFrom(day.plusDays(1)).atTime(sessions.get(0).opens());
  }

  /**
   * Returns how much processing clock runs between two times: the overlap of the office sessions of
   * working days with the interval.
   *
   * @param from the start, Vietnam local time; not null
   * @param to the end; not null
   * @return the running time, zero when {@code to} is not after {@code from}
   */
  public Duration runningTime(LocalDateTime from, LocalDateTime to) {
    Duration total = Duration.ZERO;
    for (LocalDate day = from.toLocalDate();
        !day.isAfter(to.toLocalDate());
        day = day.plusDays(1)) {
      if (!calendar.isWorkingDay(day)) {
        continue;
      }
      for (OfficeSession s : sessions) {
        LocalDateTime a = max(day.atTime(s.opens()), from);
        LocalDateTime b = min(day.atTime(s.closes()), to);
        if (b.isAfter(a)) {
          total = total.plus(Duration.between(a, b));
        }
      }
    }
    return total;
  }

  /**
   * Classifies a finish against a due instant in this policy's zone.
   *
   * @param finishedAt when handling finished; not null
   * @param dueAt the due instant; not null
   * @return the timeliness
   */
  public Timeliness timeliness(Instant finishedAt, Instant dueAt) {
    return Timeliness.of(finishedAt, dueAt, zone);
  }

  /**
   * Returns the running clock a limit stands for.
   *
   * @param limit the limit; not null
   * @return working days times the length of a day's sessions, or the hours
   */
  public Duration duration(ProcessingTime limit) {
    Objects.requireNonNull(limit, "limit");
    return limit.unit() == ProcessingTime.Unit.WORKING_DAYS
        ? workingDay.multipliedBy(limit.amount())
        : Duration.ofHours(limit.amount());
  }

  private LocalDateTime advance(LocalDateTime start, Duration amount) {
    Duration remaining = amount;
    LocalDate day = start.toLocalDate();
    LocalTime from = start.toLocalTime();
    while (true) {
      if (calendar.isWorkingDay(day)) {
        for (OfficeSession s : sessions) {
          if (!from.isBefore(s.closes())) {
            continue;
          }
          LocalDateTime open = day.atTime(from.isAfter(s.opens()) ? from : s.opens());
          Duration available = Duration.between(open, day.atTime(s.closes()));
          if (remaining.compareTo(available) <= 0) {
            return open.plus(remaining);
          }
          remaining = remaining.minus(available);
        }
      }
      day = calendar.nextWorkingDayFrom(day.plusDays(1));
      from = LocalTime.MIN;
    }
  }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDateTime min(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * Returns the working calendar.
   *
   * @return the calendar
   */
  public WorkingCalendar calendar() {
    return calendar;
  }

  /**
   * Returns the office sessions the clock runs in.
   *
   * @return the sessions, in order
   */
  public List<OfficeSession> officeSessions() {
    return sessions;
  }

  /**
   * Returns the cut-off time.
   *
   * @return the time after which a dossier counts from the next working day, or empty
   */
  public Optional<LocalTime> cutOff() {
    return Optional.ofNullable(cutOff);
  }

  /**
   * Returns the supplement rule.
   *
   * @return the rule
   */
  public SupplementRule supplementRule() {
    return supplementRule;
  }

  /**
   * Returns the zone of local times.
   *
   * @return the zone, {@code Asia/Ho_Chi_Minh} by default
   */
  public ZoneId zone() {
    return zone;
  }

  /** Settings of a deadline policy. Not thread-safe; build once and share the result. */
  public static final class Builder {
    private WorkingCalendar calendar;
    private List<OfficeSession> sessions;
    private LocalTime cutOff;
    private SupplementRule supplementRule = SupplementRule.RESTART;
    private ZoneId zone = VIETNAM;

    private Builder() {}

    /**
     * Sets the working calendar.
     *
     * @param calendar the calendar; default {@link WorkingCalendar#vietnam()}
     * @return this builder
     */
    public Builder calendar(WorkingCalendar calendar) {
      this.calendar = Objects.requireNonNull(calendar, "calendar");
      return this;
    }

    /**
     * Sets the office sessions in which the clock runs.
     *
     * @param sessions one or more sessions that do not overlap; default the calendar's sessions
     *     (07:30-11:30 and 13:00-17:00)
     * @return this builder
     * @throws InvalidInputException with code {@code deadline-policy.sessions}
     */
    public Builder officeSessions(List<OfficeSession> sessions) {
      this.sessions = WorkingCalendar.checkSessions(sessions, "deadline-policy.sessions");
      return this;
    }

    /**
     * Sets the cut-off time: a dossier received on a working day after it counts from the next
     * working day.
     *
     * @param cutOff the time, such as 15:00; not null (leave unset for no cut-off)
     * @return this builder
     */
    public Builder cutOff(LocalTime cutOff) {
      this.cutOff = Objects.requireNonNull(cutOff, "cutOff");
      return this;
    }

    /**
     * Sets what a supplement request does to the clock.
     *
     * @param rule the rule; default {@link SupplementRule#RESTART}
     * @return this builder
     */
    public Builder supplementRule(SupplementRule rule) {
      this.supplementRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Sets the zone of local times.
     *
     * @param zone the zone; default {@code Asia/Ho_Chi_Minh}
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public DeadlinePolicy build() {
      return new DeadlinePolicy(this);
    }
  }
}
