package io.github.motcua.core.dossier;

import java.time.Instant;
import java.util.Optional;

/**
 * Computes a dossier's due date (ngày hẹn trả kết quả) from its snapshot. This is the seam where
 * the working calendar plugs in: {@link DossierLifecycle} asks the rule after every applied event
 * and stores the answer in {@link Dossier#dueAt()}.
 *
 * <p>The snapshot passed in already reflects the event just applied (its status, instants,
 * supplements and {@link Dossier#dueAt() previous due date}); the rule must not assume anything
 * else. Implementations must be thread-safe and side-effect free: a lifecycle may call them from
 * many threads and more than once for the same snapshot (replays).
 */
@FunctionalInterface
public interface DueDateRule {

  /**
   * Returns the due date of the dossier.
   *
   * @param snapshot the dossier after the event just applied; not null
   * @return the instant the result is due, or empty when there is none (no deadline, or not yet
   *     known); never null
   */
  Optional<Instant> dueAt(Dossier snapshot);

  /**
   * Returns the rule that never sets a due date.
   *
   * @return a rule whose {@link #dueAt(Dossier)} is always empty
   */
  static DueDateRule none() {
    return snapshot -> Optional.empty();
  }
}
