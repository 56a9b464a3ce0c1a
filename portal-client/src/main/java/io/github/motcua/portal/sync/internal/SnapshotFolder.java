package io.github.motcua.portal.sync.internal;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.portal.sync.ClaimedDelivery;
import io.github.motcua.portal.sync.SyncOutbox;
import io.github.motcua.portal.sync.SyncOutboxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the dossier snapshot that goes with a delivered event from the outbox's event log, keeping
 * recent snapshots so that consecutive events of a dossier (and the same event for several
 * destinations) cost one {@code apply} each instead of a replay. Thread-safe.
 */
public final class SnapshotFolder {

  private static final int CAPACITY = 4096;

  private final SyncOutbox outbox;
  private final DossierLifecycle lifecycle;
  private final Map<String, Dossier> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Dossier> eldest) {
          return size() > CAPACITY;
        }
      };

  /**
   * Creates a folder.
   *
   * @param outbox the event log
   * @param lifecycle the lifecycle to fold with
   */
  public SnapshotFolder(SyncOutbox outbox, DossierLifecycle lifecycle) {
    this.outbox = outbox;
    this.lifecycle = lifecycle;
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
      cached = recent.get(key(code, d.sequence()));
      previous = d.sequence() > 1 ? recent.get(key(code, d.sequence() - 1)) : null;
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
        throw new SyncOutboxException(
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
      recent.put(key(code, d.sequence()), snapshot);
    }
    return snapshot;
  }

  private static String key(String code, long sequence) {
    return code + '#' + sequence;
  }
}
