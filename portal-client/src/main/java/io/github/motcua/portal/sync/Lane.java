package io.github.motcua.portal.sync;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.BatchPublisher;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.internal.Breaker;
import io.github.motcua.portal.internal.Failures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One destination of a worker's run: its client, its health, its delivery threads and the
 * deliveries it holds (claimed and not yet settled in the outbox). Claims admitted by the health,
 * hands them to the threads in groups, and records the finished outcomes in batches. Thread-safe.
 */
final class Lane {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  final String destination;
  final PortalClient client;
  final Breaker health;
  final ExecutorService pool;

  private final WorkerSettings s;
  private final Courier courier;
  private final Outcomes outcomes;
  private final Semaphore wakeUps;

  /** Deliveries claimed and not yet settled in the outbox (in flight or finished). */
  private final AtomicInteger held = new AtomicInteger();

  /** Outcomes the delivery threads finished, recorded together at the next {@link #flush}. */
  private final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();

  private final Object flushLock = new Object();

  /** An outcome waiting to be recorded, and what to tell the listener once it is. */
  private record Finished(DeliveryOutcome outcome, Runnable onRecorded) {}

  Lane(
      WorkerSettings settings,
      String destination,
      PortalClient client,
      Breaker health,
      Courier courier,
      Outcomes outcomes,
      Semaphore wakeUps) {
    this.s = settings;
    this.destination = destination;
    this.client = client;
    this.health = health;
    this.courier = courier;
    this.outcomes = outcomes;
    this.wakeUps = wakeUps;
    AtomicInteger n = new AtomicInteger();
    this.pool =
        Executors.newFixedThreadPool(
            s.workerThreads(),
            r -> {
              Thread t = new Thread(r, "motcua-sync-" + destination + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Whether this lane holds deliveries claimed and not yet settled. */
  boolean holds() {
    return held.get() > 0;
  }

  private int room() {
    return Math.max(0, s.batchSize() - held.get());
  }

  /**
   * Tells whether to claim now: when nothing is held, or when at least a quarter of the batch is
   * free, so that claims (and the settling before them) come in batches, not one by one.
   */
  boolean worthClaiming() {
    int room = room();
    int batch = s.batchSize();
    return room > 0 && (room == batch || room >= Math.max(1, batch / 4));
  }

  /** Queues an outcome; the delivery stays held until it is recorded. */
  void finish(DeliveryOutcome outcome, Runnable onRecorded) {
    finished.add(new Finished(outcome, onRecorded));
  }

  /**
   * Records every finished outcome in one transaction, then tells the listener.
   *
   * @throws MotcuaException when the outbox fails (the leases then run out)
   */
  void flush() {
    synchronized (flushLock) {
      List<Finished> batch = new ArrayList<>();
      for (Finished f = finished.poll(); f != null; f = finished.poll()) {
        batch.add(f);
      }
      if (batch.isEmpty()) {
        return;
      }
      List<Boolean> recorded;
      try {
        List<DeliveryOutcome> list = new ArrayList<>(batch.size());
        batch.forEach(f -> list.add(f.outcome()));
        recorded = s.outbox().settle(list);
      } finally {
        held.addAndGet(-batch.size());
      }
      for (int i = 0; i < batch.size(); i++) {
        Finished f = batch.get(i);
        if (recorded.get(i)) {
          f.onRecorded().run(); // calls the guarded listener only
        } else {
          outcomes.lost(f.outcome().delivery());
        }
      }
    }
  }

  /** {@link #flush()}, logging an outbox failure instead of throwing it. */
  void flushQuietly() {
    try {
      flush();
    } catch (MotcuaException e) {
      if (!Failures.isOutbox(e)) {
        throw e;
      }
      LOG.error("Sync worker {} cannot record outcomes: {}", s.workerId(), e.toString());
    }
  }

  /**
   * Claims what the destination's health admits and hands it to the delivery threads.
   *
   * @return one future per group handed over; empty when nothing was claimed
   */
  List<Future<?>> claimAndSubmit() {
    return submit(claim(room()));
  }

  private List<ClaimedDelivery> claim(int room) {
    int admitted = health.admit(s.clock().instant(), room);
    if (admitted == 0) {
      return List.of();
    }
    List<ClaimedDelivery> got;
    try {
      got =
          s.outbox().claim(destination, s.workerId(), admitted, s.clock().instant(), s.leaseTime());
    } catch (RuntimeException e) {
      if (health.isDown()) {
        health.unusedProbe();
      }
      throw e;
    }
    if (got.isEmpty() && health.isDown()) {
      health.unusedProbe();
    }
    return got;
  }

  private List<Future<?>> submit(List<ClaimedDelivery> got) {
    List<Future<?>> out = new ArrayList<>(got.size());
    for (List<ClaimedDelivery> group : groups(got)) {
      held.addAndGet(group.size());
      out.add(
          pool.submit(
              () -> {
                int queued = 0;
                try {
                  queued =
                      group.size() == 1
                          ? (courier.deliver(this, group.get(0)) ? 1 : 0)
                          : courier.deliverAll(this, group);
                } finally {
                  held.addAndGet(queued - group.size());
                  wakeUps.release();
                }
              }));
    }
    return out;
  }

  /**
   * Splits claimed deliveries into what one thread publishes at once: events the client takes
   * several at a time ({@link BatchPublisher#batchLimit}) in groups of one {@link
   * BatchPublisher#batchKind kind}, up to that many, each of a different dossier; every other event
   * alone.
   */
  private List<List<ClaimedDelivery>> groups(List<ClaimedDelivery> got) {
    List<List<ClaimedDelivery>> groups = new ArrayList<>();
    Map<String, Group> open = new LinkedHashMap<>();
    for (ClaimedDelivery d : got) {
      int max = batchLimit(d);
      if (max <= 1) {
        groups.add(List.of(d));
        continue;
      }
      String kind = batchKind(d);
      Group g = open.get(kind);
      if (g != null && !g.takes(d, max)) {
        groups.add(g.members);
        g = null;
      }
      if (g == null) {
        g = new Group();
        open.put(kind, g);
      }
      g.add(d, max);
    }
    open.values().forEach(g -> groups.add(g.members));
    return groups;
  }

  /** The client's kind for this delivery's event; its own kind when the client fails to tell. */
  private String batchKind(ClaimedDelivery d) {
    try {
      return String.valueOf(((BatchPublisher) client).batchKind(d.event()));
    } catch (RuntimeException e) {
      LOG.warn("The {} client's batchKind failed; publishing {} alone", destination, d, e);
      return "\0" + d.event().eventId();
    }
  }

  /** The client's limit for this delivery's event; 1 when the client fails to tell. */
  private int batchLimit(ClaimedDelivery d) {
    if (!(client instanceof BatchPublisher batching)) {
      return 1;
    }
    try {
      return batching.batchLimit(d.event());
    } catch (RuntimeException e) {
      LOG.warn("The {} client's batchLimit failed; publishing {} alone", destination, d, e);
      return 1;
    }
  }

  /** When the next delivery becomes claimable here: the outbox's time, or the end of a pause. */
  Optional<Instant> nextClaimableAt() {
    Optional<Instant> next = s.outbox().nextClaimableAt(destination);
    Instant paused = health.pausedUntil();
    return next.map(n -> n.isBefore(paused) ? paused : n);
  }

  /** Deliveries of different dossiers that go to the client together. */
  private static final class Group {
    final List<ClaimedDelivery> members = new ArrayList<>();
    private final Set<DossierCode> dossiers = new HashSet<>();
    private int limit = Integer.MAX_VALUE;

    /** Whether the group has room for this delivery (whose limit is {@code max}). */
    boolean takes(ClaimedDelivery d, int max) {
      return members.size() < Math.min(limit, max) && !dossiers.contains(d.event().dossierCode());
    }

    void add(ClaimedDelivery d, int max) {
      members.add(d);
      dossiers.add(d.event().dossierCode());
      limit = Math.min(limit, max);
    }
  }
}
