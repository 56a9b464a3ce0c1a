package io.github.motcua.portal.internal;

import io.github.motcua.core.dossier.AppliedEvent;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.internal.LruCache;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What a client last stored of each dossier's record, and for which event, so that it can leave out
 * a record the portal already holds.
 *
 * <p>A record is left out only when this client stored exactly the same record while publishing the
 * event that comes just before this one in the snapshot's history. A sync outbox publishes the
 * events of a dossier in order, each after the one before it was delivered, so no other publish can
 * have replaced the record in between: an earlier event is never published again once a later one
 * was, and a later event's record is the one being compared. After a restart, an eviction, a
 * skipped event or a failure the memory has nothing to match and the record is sent.
 *
 * <p>Thread-safe; bounded to the most recently used dossiers.
 */
public final class RecordMemory {

  private record Stored(UUID eventId, byte[] digest) {}

  private final LruCache<DossierCode, Stored> stored;

  /**
   * Creates a memory.
   *
   * @param capacity how many dossiers to remember; 0 remembers none, so every record is sent
   */
  public RecordMemory(int capacity) {
    this.stored = new LruCache<>(capacity);
  }

  /**
   * Returns the digest a record is remembered by.
   *
   * @param json the record as sent
   * @return its SHA-256, or null when this memory remembers nothing
   */
  public byte[] digest(String json) {
    if (stored.capacity() == 0) {
      return null;
    }
    try {
      return MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /**
   * Tells whether the portal holds this record already: this client stored the same record when it
   * published the event just before this one.
   *
   * @param event the event being published
   * @param snapshot its snapshot
   * @param digest the {@link #digest} of the record it gives (null: not remembered, so false)
   * @return true when the record may be left out
   */
  public boolean holds(DossierEvent event, Dossier snapshot, byte[] digest) {
    if (digest == null) {
      return false;
    }
    List<AppliedEvent> history = snapshot.history();
    int last = history.size() - 1;
    if (last < 1 || !history.get(last).eventId().equals(event.eventId())) {
      return false;
    }
    UUID previous = history.get(last - 1).eventId();
    Stored s = stored.get(snapshot.code());
    return s != null && s.eventId().equals(previous) && Arrays.equals(s.digest(), digest);
  }

  /**
   * Remembers that the portal holds this record, stored while publishing this event (or held
   * already).
   *
   * @param event the event just published
   * @param code its dossier
   * @param digest the record's digest (null: nothing is remembered)
   */
  public void stored(DossierEvent event, DossierCode code, byte[] digest) {
    if (digest == null) {
      return;
    }
    stored.put(code, new Stored(event.eventId(), digest));
  }

  /**
   * Forgets a dossier, after a publish whose outcome is unknown.
   *
   * @param code the dossier
   */
  public void forget(DossierCode code) {
    stored.remove(code);
  }
}
