package io.github.motcua.core.calendar;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Whether a dossier was handled before, on or after its due instant (đúng hạn, trước hạn, quá hạn),
 * as the quality report counts it.
 */
public enum Timeliness {
  /** Finished on a calendar day before the day of the due instant (trước hạn). */
  EARLY,
  /** Finished on the day of the due instant, not after it (đúng hạn). */
  ON_TIME,
  /** Finished after the due instant (quá hạn, trễ hạn). */
  LATE;

  /**
   * Classifies a finish.
   *
   * @param finishedAt when handling finished; not null
   * @param dueAt the due instant; not null
   * @param zone the zone whose calendar days count, normally {@code Asia/Ho_Chi_Minh}; not null
   * @return the timeliness
   */
  public static Timeliness of(Instant finishedAt, Instant dueAt, ZoneId zone) {
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(dueAt, "dueAt");
    Objects.requireNonNull(zone, "zone");
    if (finishedAt.isAfter(dueAt)) {
      return LATE;
    }
    return finishedAt.atZone(zone).toLocalDate().isBefore(dueAt.atZone(zone).toLocalDate())
        ? EARLY
        : ON_TIME;
  }
}
