package io.github.motcua.portal.sync.internal;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.portal.sync.ClaimedDelivery;
import io.github.motcua.portal.sync.SyncOutbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private final SyncOutbox outbox;
  private final DossierLifecycle lifecycle;
  private final Map<String, Recent> recent;

  /** The latest snapshots of one dossier, by position in its log. Guarded by the map's lock. */
  private static final class Recent {
    final long[] sequences = new long[PER_DOSSIER];
    final Dossier[] snapshots = new Dossier[PER_DOSSIER];

    Dossier get(long sequence) {
      for (int i = 0; i < PER_DOSSIER; i++) {
        if (snapshots[i] != null && sequences[i] == sequence) {
          return snapshots[i];
        }
      }
      return null;
    }

    void put(long sequence, Dossier snapshot) {
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
    }
  }

  /**
   * Creates a folder.
   *
   * @param outbox the event log
   * @param lifecycle the lifecycle to fold with
   * @param capacity how many dossiers to keep snapshots of, at least 1
   */
  public SnapshotFolder(SyncOutbox outbox, DossierLifecycle lifecycle, int capacity) {
    this.outbox = outbox;
    this.lifecycle = lifecycle;
    int cap = Math.max(1, capacity);
    this.recent =
        new LinkedHashMap<>(Math.min(cap, 1 << 16), 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Recent> eldest) {
            return size() > cap;
          }
        };
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
    Dossier cached;
    Dossier previous;
    synchronized (recent) {
      Recent r = recent.get(code);
      cached = r == null ? null : r.get(d.sequence());
      previous = r == null || d.sequence() < 2 ? null : r.get(d.sequence() - 1);
    }
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
    synchronized (recent) {
      recent.computeIfAbsent(code, k -> new Recent()).put(d.sequence(), snapshot);
    }
    return snapshot;
  }
}
