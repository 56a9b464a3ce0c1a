package io.github.motcua.core.calendar;

import io.github.motcua.core.InvalidInputException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * One request for a supplement: when the applicant was asked to complete the dossier and, once
 * known, when the complete dossier was received. Times are Vietnam local time.
 *
 * <p>Immutable and thread-safe.
 *
 * @param requestedAt when the supplement was requested; not null
 * @param completedAt when the complete dossier was received; null while still awaited
 */
public record SupplementPeriod(LocalDateTime requestedAt, LocalDateTime completedAt) {

  /**
   * Checks the period.
   *
   * @throws InvalidInputException with code {@code supplement-period.order} when the dossier is
   *     completed before it was asked for, or {@code supplement-period.required}
   */
  public SupplementPeriod {
    if (requestedAt == null) {
      throw new InvalidInputException(
          "supplement-period.required", "A supplement period needs its request time.");
    }
    if (completedAt != null && completedAt.isBefore(requestedAt)) {
      throw new InvalidInputException(
          "supplement-period.order", "A supplement is received after it is requested.");
    }
  }

  /**
   * Returns when the complete dossier was received.
   *
   * @return the time, or empty while the supplement is awaited
   */
  public Optional<LocalDateTime> completed() {
    return Optional.ofNullable(completedAt);
  }
}
