package io.github.motcua.core.dossier;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.calendar.SupplementPeriod;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The due-date rule of a {@link DeadlinePolicy}: acceptance instant, the procedure's limit and the
 * supplement requests of the snapshot. It lives here, not in the calendar package, so that the
 * calendar does not depend on the dossier model.
 */
final class DeadlineDueDateRule implements DueDateRule {

  private final DeadlinePolicy policy;

  DeadlineDueDateRule(DeadlinePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  @Override
  public Optional<Instant> dueAt(Dossier snapshot) {
    Optional<ProcessingTime> limit = snapshot.procedure().processingTime();
    if (limit.isEmpty() || snapshot.acceptedAt().isEmpty()) {
      return Optional.empty();
    }
    ZoneId zone = policy.zone();
    List<SupplementPeriod> periods = new ArrayList<>();
    for (SupplementRequest s : snapshot.supplements()) {
      periods.add(
          new SupplementPeriod(
              local(s.requestedAt(), zone),
              s.receivedAt().map(at -> local(at, zone)).orElse(null)));
    }
    return policy
        .dueAt(local(snapshot.acceptedAt().get(), zone), limit.get(), periods)
        .map(due -> due.atZone(zone).toInstant());
  }

  /**
   * Tells whether two snapshots of a dossier have the same inputs to this rule (the procedure's
   * limit, the acceptance instant and the supplement requests), so that the later one keeps the
   * earlier one's due date.
   *
   * @param before the earlier snapshot
   * @param after the later snapshot
   * @return true when {@link #dueAt} gives the same for both
   */
  static boolean sameInputs(Dossier before, Dossier after) {
    return before.procedure().processingTime().equals(after.procedure().processingTime())
        && before.acceptedAt().equals(after.acceptedAt())
        && before.supplements().equals(after.supplements());
  }

  private static LocalDateTime local(Instant instant, ZoneId zone) {
    return LocalDateTime.ofInstant(instant, zone);
  }
}
