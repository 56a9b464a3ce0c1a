package io.github.motcua.portal.sync;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.internal.LruCache;
import io.github.motcua.core.internal.jdbc.JdbcStore;
import io.github.motcua.portal.sync.internal.EventCodec;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * What the parts of a {@link JdbcSyncOutbox} share: its database, destinations, event codec and
 * clock, and the events recent claims decoded.
 */
final class OutboxContext {

  private static final int REASON_LIMIT = 1000;
  private static final int DECODED_CACHE = 8192;

  final JdbcStore db;
  final List<String> destinations;
  final EventCodec codec;
  final Clock clock;

  /**
   * Events decoded by recent claims, by position: each event is claimed once per destination, and
   * decoding its JSON is the largest cost of a claim. Events are immutable, so sharing is safe.
   */
  private final LruCache<Long, DossierEvent> decoded = new LruCache<>(DECODED_CACHE);

  OutboxContext(JdbcStore db, List<String> destinations, EventCodec codec, Clock clock) {
    this.db = db;
    this.destinations = List.copyOf(destinations);
    this.codec = codec;
    this.clock = clock;
  }

  /** Decodes a stored event, or takes it from the events recently decoded. */
  DossierEvent event(long position, String json) {
    DossierEvent event = decoded.get(position);
    if (event == null) {
      event = codec.read(json, position);
      decoded.put(position, event);
    }
    return event;
  }

  void checkDestination(String destination) {
    Objects.requireNonNull(destination, "destination");
    if (!destinations.contains(destination)) {
      throw new InvalidInputException(
          "sync.outbox.destination",
          "Destination "
              + destination
              + " is not one of this outbox's destinations "
              + destinations
              + ".",
          null);
    }
  }

  /** Cuts a text to what its column holds. */
  static String clip(String text) {
    return text.length() <= REASON_LIMIT ? text : text.substring(0, REASON_LIMIT - 1) + "…";
  }
}
