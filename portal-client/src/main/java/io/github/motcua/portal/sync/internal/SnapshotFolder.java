package io.github.motcua.portal.sync.internal;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.internal.LruCache;
import io.github.motcua.portal.sync.ClaimedDelivery;
import io.github.motcua.portal.sync.DeliveryQueue;
import java.util.Arrays;
import java.util.List;

/**
 * Folds the dossier snapshot that goes with a delivered event from the outbox's event log. It keeps
 * the latest snapshots of recently delivered dossiers (a few per dossier: one per destination,
 * which move at their own pace), so that the next event of a dossier costs one {@code apply} and
 * the same event for another destination costs nothing; the log is read and replayed only for a
 * dossier not seen recently (after a restart, or beyond the cache's {@code capacity} dossiers).
 * Thread-safe.
 */
public final class SnapshotFolder {

  /** Snapshots kept per dossier: the positions of up to this many destinations. */
  private static final int PER_DOSSIER = 4;

  private final DeliveryQueue outbox;
  private final DossierLifecycle lifecycle;
  private final LruCache<String, Recent> recent;

  /** The latest snapshots of one dossier, by position in its log. Immutable: put makes a copy. */
  private static final class Recent {
    private final long[] sequences;
    private final Dossier[] snapshots;

    Recent() {
      this(new long[PER_DOSSIER], new Dossier[PER_DOSSIER]);
    }

    private Recent(long[] sequences, Dossier[] snapshots) {
      this.sequences = sequences;
      this.snapshots = snapshots;
    }

    Dossier get(long sequence) {
      for (int i = 0; i < PER_DOSSIER; i++) {
        if (snapshots[i] != null && sequences[i] == sequence) {
          return snapshots[i];
        }
      }
      return null;
    }

    Recent with(long sequence, Dossier snapshot) {
      long[] sequences = Arrays.copyOf(this.sequences, PER_DOSSIER);
      Dossier[] snapshots = Arrays.copyOf(this.snapshots, PER_DOSSIER);
      int slot = 0;
      for (int i = 0; i < PER_DOSSIER; i++) {
        if (snapshots[i] == null || sequences[i] == sequence) {
          slot = i;
          break;
        }
        if (sequences[i] < sequences[slot]) {
          slot = i; // replace the oldest position: the destination that passed it is ahead
        }
      }
      sequences[slot] = sequence;
      snapshots[slot] = snapshot;
      return new Recent(sequences, snapshots);
    }
  }

  /**
   * Creates a folder.
   *
   * @param outbox the event log
   * @param lifecycle the lifecycle to fold with
   * @param capacity how many dossiers to keep snapshots of, at least 1
   */
  public SnapshotFolder(DeliveryQueue outbox, DossierLifecycle lifecycle, int capacity) {
    this.outbox = outbox;
    this.lifecycle = lifecycle;
    this.recent = new LruCache<>(Math.max(1, capacity));
  }

  /**
   * Returns the dossier right after the delivery's event.
   *
   * @param d the delivery
   * @return the snapshot
   * @throws io.github.motcua.core.MotcuaException when the log cannot be folded
   */
  public Dossier snapshot(ClaimedDelivery d) {
    DossierEvent event = d.event();
    String code = event.dossierCode().toString();
    Recent r = recent.get(code);
    Dossier cached = r == null ? null : r.get(d.sequence());
    Dossier previous = r == null || d.sequence() < 2 ? null : r.get(d.sequence() - 1);
    if (cached != null && cached.hasApplied(event.eventId())) {
      return cached;
    }
    Dossier snapshot;
    if (d.sequence() == 1) {
      snapshot = lifecycle.start(event);
    } else if (previous != null) {
      snapshot = lifecycle.apply(previous, event);
    } else {
      List<DossierEvent> events = outbox.events(event.dossierCode(), d.sequence());
      if (events.size() != d.sequence()
          || !events.get(events.size() - 1).eventId().equals(event.eventId())) {
        throw new InvalidInputException(
            "sync.outbox.log",
            "The log of dossier "
                + code
                + " does not hold event "
                + event.eventId()
                + " at position "
                + d.sequence()
                + ".",
            null);
      }
      snapshot = lifecycle.replay(events);
    }
    recent.compute(
        code, (k, old) -> (old == null ? new Recent() : old).with(d.sequence(), snapshot));
    return snapshot;
  }
}
