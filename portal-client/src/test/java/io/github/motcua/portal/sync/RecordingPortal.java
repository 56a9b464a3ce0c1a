package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.PublishResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

/**
 * A destination that records what it receives, as a portal would keep it: the events of each
 * dossier in arrival order, each with the snapshot version sent. A hook runs before each publish to
 * inject failures or delays. It notices two publishes of the same event at the same time.
 */
final class RecordingPortal implements PortalClient {

  private final String name;
  private final Map<DossierCode, List<DossierEvent>> received = new LinkedHashMap<>();
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile BiConsumer<DossierEvent, Integer> before = (e, n) -> {};

  RecordingPortal(String name) {
    this.name = name;
  }

  /** Runs before every publish with the event and the call number (from 1); may throw. */
  RecordingPortal before(BiConsumer<DossierEvent, Integer> hook) {
    this.before = hook;
    return this;
  }

  @Override
  public PublishResult publish(DossierEvent event, Dossier snapshot) {
    int n = calls.incrementAndGet();
    if (!inFlight.add(event.eventId())) {
      overlaps.incrementAndGet();
    }
    try {
      assertThat(snapshot.history().get(snapshot.history().size() - 1).eventId())
          .isEqualTo(event.eventId());
      before.accept(event, n);
      synchronized (this) {
        List<DossierEvent> list =
            received.computeIfAbsent(event.dossierCode(), k -> new ArrayList<>());
        // Idempotent like a real client: an event published again changes nothing.
        if (list.stream().noneMatch(e -> e.eventId().equals(event.eventId()))) {
          list.add(event);
        }
      }
      return new PublishResult(name, event.dossierCode(), event.eventId(), List.of("record"), null);
    } finally {
      inFlight.remove(event.eventId());
    }
  }

  synchronized List<DossierEvent> received(DossierCode code) {
    return List.copyOf(received.getOrDefault(code, List.of()));
  }

  synchronized int receivedCount() {
    return received.values().stream().mapToInt(List::size).sum();
  }

  synchronized List<DossierEvent> all() {
    List<DossierEvent> out = new ArrayList<>();
    received.values().forEach(out::addAll);
    return Collections.unmodifiableList(out);
  }

  int overlaps() {
    return overlaps.get();
  }

  int calls() {
    return calls.get();
  }
}
