package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.BatchPublisher;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishOutcome;
import io.github.motcua.portal.PublishResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A destination that records what it receives, as a portal would keep it: the events of each
 * dossier in arrival order, each with the snapshot version sent. A hook runs before each publish to
 * inject failures or delays. It notices two publishes of the same event at the same time.
 */
final class RecordingPortal implements BatchPublisher {

  private final String name;
  private final Map<DossierCode, List<DossierEvent>> received = new LinkedHashMap<>();
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicInteger overlaps = new AtomicInteger();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile BiConsumer<DossierEvent, Integer> before = (e, n) -> {};
  private volatile int batchLimit = 1;
  private volatile Function<DossierEvent, String> batchKind = e -> "";
  private volatile Function<List<Publication>, List<PublishOutcome>> shared = null;
  private final List<List<DossierCode>> batches = Collections.synchronizedList(new ArrayList<>());
  private final Map<UUID, List<Boolean>> firstAttempts = new ConcurrentHashMap<>();
  private final List<List<String>> kindsOfBatches = Collections.synchronizedList(new ArrayList<>());

  RecordingPortal(String name) {
    this.name = name;
  }

  /** Runs before every publish with the event and the call number (from 1); may throw. */
  RecordingPortal before(BiConsumer<DossierEvent, Integer> hook) {
    this.before = hook;
    return this;
  }

  /**
   * Takes every event {@code limit} at a time through {@link #publishAll}; {@code shared}, when not
   * null, answers a shared call instead of publishing each event (it may throw, or miscount).
   */
  RecordingPortal batching(
      int limit, Function<List<Publication>, List<PublishOutcome>> sharedCall) {
    this.batchLimit = limit;
    this.shared = sharedCall;
    return this;
  }

  /** Tells the kind of shared call each event goes in (it may throw). */
  RecordingPortal kinds(Function<DossierEvent, String> kind) {
    this.batchKind = kind;
    return this;
  }

  @Override
  public int batchLimit(DossierEvent event) {
    return batchLimit;
  }

  @Override
  public String batchKind(DossierEvent event) {
    return batchKind.apply(event);
  }

  @Override
  public List<PublishOutcome> publishAll(List<Publication> publications) {
    batches.add(publications.stream().map(p -> p.event().dossierCode()).toList());
    kindsOfBatches.add(publications.stream().map(p -> batchKind(p.event())).distinct().toList());
    Function<List<Publication>, List<PublishOutcome>> call = shared;
    if (call != null) {
      List<PublishOutcome> answer = call.apply(publications);
      if (answer != null) {
        return answer;
      }
    }
    return BatchPublisher.super.publishAll(publications);
  }

  /** The distinct kinds of the events of each {@link #publishAll} call, in call order. */
  List<List<String>> kindsOfBatches() {
    synchronized (kindsOfBatches) {
      return List.copyOf(kindsOfBatches);
    }
  }

  /** The dossiers of each {@link #publishAll} call, in call order. */
  List<List<DossierCode>> batches() {
    synchronized (batches) {
      return List.copyOf(batches);
    }
  }

  /** Notes whether the worker called it a first attempt, then publishes as a client would. */
  @Override
  public PublishResult publish(Publication publication) {
    firstAttempts
        .computeIfAbsent(
            publication.event().eventId(), k -> Collections.synchronizedList(new ArrayList<>()))
        .add(publication.firstAttempt());
    return publish(publication.event(), publication.snapshot());
  }

  /**
   * What the worker said of each publish of each event, in call order: true for a first attempt.
   */
  Map<UUID, List<Boolean>> firstAttempts() {
    Map<UUID, List<Boolean>> out = new HashMap<>();
    firstAttempts.forEach((id, flags) -> out.put(id, List.copyOf(flags)));
    return out;
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
