package io.github.motcua.portal.sync;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishFence;
import io.github.motcua.portal.PublishOutcome;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.Sleeper;
import io.github.motcua.portal.internal.Failures;
import io.github.motcua.portal.sync.internal.DestinationHealth;
import io.github.motcua.portal.sync.internal.SnapshotFolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the events of a {@link SyncOutbox} to named destinations through {@link PortalClient}s
 * (bộ đồng bộ): the national portal, a provincial portal, any other.
 *
 * <p><b>Guarantees.</b> Per destination and dossier, an event is published only after every earlier
 * event of that dossier reached that destination (or was skipped by an operator), each with the
 * dossier snapshot folded from the outbox's log up to it. Delivery is at least once; the portal
 * clients make a repeated publish harmless, so the effect is exactly once. A dossier whose delivery
 * is slow or failing holds back only its own later events, and a destination that is down holds
 * back only itself: each destination has its own delivery threads and its own health.
 *
 * <p><b>Failures.</b> {@link RetryLaterException}, {@link
 * io.github.motcua.core.RetryLaterException}, {@link MotcuaException} and unexpected runtime
 * failures are retried: the delivery goes back to the queue until {@code now +
 * RetryPolicy.backoff(attempts)} (or the portal's {@code Retry-After}, when longer). A failure
 * counts against the event's {@link Builder#deadLetterThreshold(int) dead-letter threshold} only
 * while the destination is otherwise up: after {@link Builder#outageThreshold(int)} consecutive
 * failures the destination is considered down, paused (the pause grows as the retry policy's
 * backoff ceiling), then probed with one delivery at a time, and failures during such an outage
 * count against no event, so an outage of hours parks nothing. {@link InvalidInputException}, other
 * non-retryable portal failures and a dossier log that cannot be folded park the event as a {@link
 * DeadLetter} at once.
 *
 * <p><b>Several workers.</b> Workers in one or several processes may share an outbox: each claims
 * deliveries under a lease of {@link Builder#leaseTime(Duration)} on its clock and records an
 * outcome only while it still holds the lease (same worker id and claim generation, {@link
 * ClaimedDelivery#claims()}). A crashed worker's claims are taken over when their lease ends.
 *
 * <p><b>Fenced publishing.</b> Each publication carries a {@link PublishFence} that the clients ask
 * before every request: it renews the lease when less than half of it (or less than twice the
 * client's read timeout) is left, and says no once the lease was taken over or cannot be renewed;
 * the publish then stops before its next request and its outcome is discarded. So the lease need
 * not cover a whole publish, only one call with its retries (a client's {@link
 * RetryPolicy#totalTimeout()} plus its {@link RetryPolicy#readTimeout()}, and twice its read
 * timeout; checked by {@link Builder#destination(String, PortalClient, RetryPolicy)}); clocks of
 * processes sharing an outbox must agree to well within it. A publish is a first attempt ({@link
 * Publication#firstAttempt()}) only on a delivery's first claim of an event recorded since the
 * worker was built. Outcomes are recorded in batches ({@link SyncOutbox#settle(List)}) before each
 * claim.
 *
 * <p><b>Shared calls.</b> Events a client takes several at a time ({@link
 * PortalClient#batchLimit(io.github.motcua.core.dossier.DossierEvent)} above 1, such as the
 * national portal's dossier records and ratings) are handed to {@link
 * PortalClient#publishAll(List)} in groups of different dossiers and one {@link
 * PortalClient#batchKind kind}, at most that many, from the deliveries claimed together; each
 * outcome is the outcome of its own delivery, as above. The groups come from one claim, so a {@link
 * Builder#batchSize(int) batch size} of several times the client's limit keeps several groups in
 * flight.
 *
 * <p><b>Running.</b> {@link #start()} runs it in the background until {@link #stop(Duration)};
 * {@link #drain(Duration)} delivers everything deliverable in the calling thread's control (for
 * tests and batch jobs), waiting for backoffs through the {@link Sleeper}, so a test with a test
 * clock and a sleeper that advances it never really waits.
 *
 * <p>Thread-safe. No static state.
 */
public final class SyncWorker implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final SyncOutbox outbox;
  private final Map<String, PortalClient> clients;
  private final int workerThreads;
  private final int batchSize;
  private final RetryPolicy retryPolicy;
  private final int deadLetterThreshold;
  private final int outageThreshold;
  private final Duration leaseTime;
  private final Duration pollInterval;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String workerId;
  private final SyncListener listener;
  private final SnapshotFolder folder;
  private final Map<String, DestinationHealth> health = new LinkedHashMap<>();

  /** Per destination, the least lease a portal call may start with (its client's write + read). */
  private final Map<String, Duration> callMargins = new LinkedHashMap<>();

  /**
   * The fences of the publishes running now; {@link #stop} revokes them before giving leases up.
   */
  private final Set<LeaseFence> publishing = ConcurrentHashMap.newKeySet();

  /**
   * When this worker was built, on its clock: only events recorded since are trusted on a first
   * claim (see {@link #firstAttempt}).
   */
  private final Instant builtAt;

  private final Object runLock = new Object();
  private final Semaphore wakeUps = new Semaphore(0);
  private volatile boolean running;

  /** Drains running on the background's lanes; the dispatcher leaves the claiming to them. */
  private final java.util.concurrent.atomic.AtomicInteger draining =
      new java.util.concurrent.atomic.AtomicInteger();

  private final Object drainEnded = new Object();
  private Thread dispatcher;
  private Map<String, Lane> lanes;

  private SyncWorker(Builder b) {
    this.outbox = b.outbox;
    this.clients = new LinkedHashMap<>(b.clients);
    this.workerThreads = b.workerThreads;
    this.batchSize = b.batchSize;
    this.retryPolicy = b.retryPolicy;
    this.deadLetterThreshold = b.deadLetterThreshold;
    this.outageThreshold = b.outageThreshold;
    this.leaseTime = b.leaseTime;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
    this.sleeper = b.sleeper == null ? b.retryPolicy.sleeper() : b.sleeper;
    this.workerId = b.workerId == null ? defaultWorkerId() : b.workerId;
    this.listener = b.listener;
    this.folder = new SnapshotFolder(outbox, b.lifecycle, b.snapshotCacheSize);
    this.builtAt = clock.instant();
    for (String destination : clients.keySet()) {
      RetryPolicy p = b.clientPolicies.get(destination);
      callMargins.put(destination, p == null ? Duration.ZERO : p.readTimeout().multipliedBy(2));
    }
    for (String destination : clients.keySet()) {
      health.put(
          destination,
          new DestinationHealth(
              outageThreshold,
              n -> {
                Duration ceiling = retryPolicy.backoffCeiling(n);
                return ceiling.compareTo(pollInterval) < 0 ? pollInterval : ceiling;
              }));
    }
  }

  private static String defaultWorkerId() {
    return "worker-"
        + ProcessHandle.current().pid()
        + "-"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns this worker's id, the owner name of its leases.
   *
   * @return the id
   */
  public String workerId() {
    return workerId;
  }

  /**
   * Returns the destinations this worker delivers to.
   *
   * @return the names, in configuration order
   */
  public List<String> destinations() {
    return List.copyOf(clients.keySet());
  }

  /**
   * Returns the delivery state of every destination this worker serves.
   *
   * @return the status by destination, in configuration order
   */
  public Map<String, SyncStatus> status() {
    Map<String, SyncStatus> out = new LinkedHashMap<>();
    clients.keySet().forEach(d -> out.put(d, outbox.status(d)));
    return out;
  }

  /**
   * Tells whether this worker currently considers a destination down.
   *
   * @param destination a destination of this worker
   * @return true while it is paused or probed after repeated failures
   */
  public boolean isDestinationDown(String destination) {
    DestinationHealth h = health.get(destination);
    return h != null && h.isDown();
  }

  // ------------------------------------------------------------------------------- background

  /**
   * Starts delivering in the background: one dispatcher thread claims due deliveries and each
   * destination's {@link Builder#workerThreads(int) delivery threads} publish them. First ends the
   * leases a previous run under the same {@link #workerId()} left behind. Does nothing when already
   * started.
   *
   * @return this worker
   */
  public SyncWorker start() {
    synchronized (runLock) {
      if (running) {
        return this;
      }
      int released = outbox.release(workerId);
      if (released > 0) {
        LOG.info("Worker {} took back {} deliveries it held before a restart", workerId, released);
      }
      lanes = newLanes();
      running = true;
      dispatcher = new Thread(this::dispatch, "motcua-sync-dispatcher-" + workerId);
      dispatcher.setDaemon(true);
      dispatcher.start();
      LOG.info("Sync worker {} started for {}", workerId, clients.keySet());
      return this;
    }
  }

  /**
   * Stops the background delivery gracefully: no new claims; deliveries in flight get up to {@code
   * timeout} to finish; those still running are then interrupted and every lease this worker holds
   * is ended, so the deliveries return to the queue at once.
   *
   * @param timeout how long to wait for deliveries in flight (real time); not null
   * @return true when everything in flight finished in time
   */
  public boolean stop(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    Thread d;
    Map<String, Lane> ls;
    synchronized (runLock) {
      if (!running) {
        return true;
      }
      running = false;
      d = dispatcher;
      ls = lanes;
      dispatcher = null;
      lanes = null;
    }
    d.interrupt();
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean clean = true;
    try {
      d.join(Math.max(1, timeout.toMillis()));
      for (Lane lane : ls.values()) {
        lane.pool.shutdown();
      }
      for (Lane lane : ls.values()) {
        long left = Math.max(0, deadline - System.nanoTime());
        clean &= lane.pool.awaitTermination(left, TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      clean = false;
    }
    // Record what the finished deliveries achieved before giving the rest back. Deliveries still
    // running are interrupted only after that: what they report then is not recorded (whether the
    // interrupt made them fail or not), their leases are given back, and they are delivered again.
    ls.values().forEach(Lane::flushQuietly);
    if (!clean) {
      // Publishes still running make no further portal call: their leases are given up below.
      publishing.forEach(LeaseFence::revoke);
      ls.values().forEach(lane -> lane.pool.shutdownNow());
    }
    int released = outbox.release(workerId);
    LOG.info(
        "Sync worker {} stopped ({}; {} deliveries returned to the queue)",
        workerId,
        clean ? "clean" : "timed out",
        released);
    return clean;
  }

  /** Stops the worker, giving deliveries in flight up to 30 seconds. */
  @Override
  public void close() {
    stop(Duration.ofSeconds(30));
  }

  private void dispatch() {
    while (running) {
      if (draining.get() > 0) {
        // One claimer per lane: while a drain runs on these lanes, it claims and settles.
        try {
          synchronized (drainEnded) {
            if (draining.get() > 0) {
              drainEnded.wait(pollInterval.toMillis());
            }
          }
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      boolean claimed = false;
      try {
        List<Lane> current = lanes();
        for (Lane lane : current) {
          lane.flush();
        }
        for (Lane lane : current) {
          if (lane.worthClaiming()) {
            claimed |= lane.fill(lane.room()) > 0;
          }
        }
      } catch (MotcuaException e) {
        LOG.warn("Sync worker {} cannot claim deliveries: {}", workerId, e.toString());
      }
      if (!claimed) {
        try {
          // Woken early when a delivery settles: its dossier's next event may now be due.
          wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  private List<Lane> lanes() {
    synchronized (runLock) {
      return lanes == null ? List.of() : List.copyOf(lanes.values());
    }
  }

  // ------------------------------------------------------------------------------------ drain

  /**
   * Delivers everything deliverable, then returns: every pending event of every destination is
   * delivered or parked, except events waiting behind a dead letter. Waits for backoffs, outage
   * pauses and other workers' leases through the {@link Sleeper}, measuring time on the worker's
   * clock, so with a test clock and a sleeper that advances it nothing really waits. Uses the
   * running background threads when started (the background stops claiming until the drain returns,
   * and what it had claimed counts as in flight), temporary ones otherwise.
   *
   * @param timeout the most time to spend, on the worker's clock; not null
   * @return true when nothing deliverable is left, false when the time ran out first
   * @throws InterruptedException when the calling thread is interrupted
   * @throws MotcuaException when the outbox fails
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    Objects.requireNonNull(timeout, "timeout");
    Instant deadline = clock.instant().plus(timeout);
    Map<String, Lane> own = null;
    Map<String, Lane> use;
    boolean onBackground = false;
    synchronized (runLock) {
      if (running) {
        use = lanes;
        draining.incrementAndGet();
        onBackground = true;
      } else {
        own = newLanes();
        use = own;
        int released = outbox.release(workerId);
        if (released > 0) {
          LOG.info("Worker {} took back {} deliveries it held before", workerId, released);
        }
      }
    }
    List<Future<?>> inFlight = new ArrayList<>();
    boolean lookedAgain = false;
    try {
      while (true) {
        for (java.util.Iterator<Future<?>> it = inFlight.iterator(); it.hasNext(); ) {
          Future<?> f = it.next();
          if (f.isDone()) {
            it.remove();
            rethrow(f);
          }
        }
        for (Lane lane : use.values()) {
          lane.flush();
        }
        int claimed = 0;
        for (Lane lane : use.values()) {
          if (lane.worthClaiming()) {
            List<Future<?>> started = lane.submit(lane.claim(lane.room()));
            inFlight.addAll(started);
            claimed += started.size();
          }
        }
        if (claimed > 0) {
          lookedAgain = false;
          continue;
        }
        if (!inFlight.isEmpty() || held(use)) {
          // A slow delivery holds only its own dossier: wait for any delivery to settle, then
          // claim what became due (the next event of that dossier, for one). On a started worker
          // this includes what the background claimed before the drain began: its leases end
          // when it settles, not when they run out. One look serves every delivery that settled
          // meanwhile: without draining the permits, each of them cost a claim that found
          // nothing (about one empty claim per delivery).
          if (wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
          }
          continue;
        }
        Optional<Instant> next = nextClaimableAt(use);
        if (next.isEmpty()) {
          return true;
        }
        Instant now = clock.instant();
        Duration wait = Duration.between(now, next.get());
        if (wait.compareTo(pollInterval) > 0) {
          if (othersHoldLeases(use)) {
            // Another worker's lease may be settled long before it ends: look again soon.
            wait = pollInterval;
          } else if (!next.equals(nextClaimableAt(use))) {
            // Another worker settled or claimed between the two looks: the time read first may be
            // the end of a lease that no longer exists. Look again instead of sleeping until it.
            continue;
          }
        }
        if (wait.compareTo(Duration.ofMillis(1)) < 0) {
          wait = Duration.ofMillis(1);
        }
        if (now.plus(wait).isAfter(deadline)) {
          if (!lookedAgain) {
            // Another worker may have settled its last lease just now: look once more.
            lookedAgain = true;
            continue;
          }
          return false;
        }
        lookedAgain = false;
        sleeper.sleep(wait);
      }
    } finally {
      if (own != null) {
        own.values().forEach(lane -> lane.pool.shutdownNow());
        own.values().forEach(Lane::flushQuietly);
      }
      if (onBackground) {
        synchronized (drainEnded) {
          draining.decrementAndGet();
          drainEnded.notifyAll();
        }
      }
    }
  }

  private static boolean held(Map<String, Lane> use) {
    for (Lane lane : use.values()) {
      if (lane.held.get() > 0) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Instant> nextClaimableAt(Map<String, Lane> use) {
    Optional<Instant> next = Optional.empty();
    for (Lane lane : use.values()) {
      Optional<Instant> n = lane.nextClaimableAt();
      if (n.isPresent() && (next.isEmpty() || n.get().isBefore(next.get()))) {
        next = n;
      }
    }
    return next;
  }

  private boolean othersHoldLeases(Map<String, Lane> use) {
    for (Lane lane : use.values()) {
      if (lane.held.get() == 0 && outbox.status(lane.destination).inFlight() > 0) {
        return true;
      }
    }
    return false;
  }

  private static void rethrow(Future<?> f) throws InterruptedException {
    try {
      f.get();
    } catch (ExecutionException e) {
      throw new RetryLaterException(
          "sync.worker.delivery", "A delivery failed unexpectedly.", e.getCause());
    }
  }

  // --------------------------------------------------------------------------------- delivery

  private Map<String, Lane> newLanes() {
    Map<String, Lane> out = new LinkedHashMap<>();
    clients.forEach((name, client) -> out.put(name, new Lane(name, client)));
    return out;
  }

  /** One destination: its client, its threads and the deliveries it holds. */
  private final class Lane {
    final String destination;
    final PortalClient client;
    final DestinationHealth h;
    final ExecutorService pool;

    /** Deliveries claimed and not yet settled in the outbox (in flight or finished). */
    final AtomicInteger held = new AtomicInteger();

    /** Outcomes the delivery threads finished, recorded together at the next {@link #flush}. */
    final ConcurrentLinkedQueue<Finished> finished = new ConcurrentLinkedQueue<>();

    final Object flushLock = new Object();

    Lane(String destination, PortalClient client) {
      this.destination = destination;
      this.client = client;
      this.h = health.get(destination);
      AtomicInteger n = new AtomicInteger();
      this.pool =
          Executors.newFixedThreadPool(
              workerThreads,
              r -> {
                Thread t = new Thread(r, "motcua-sync-" + destination + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
              });
    }

    int room() {
      return Math.max(0, batchSize - held.get());
    }

    /**
     * Tells whether to claim now: when nothing is held, or when at least a quarter of the batch is
     * free, so that claims (and the settling before them) come in batches, not one by one.
     */
    boolean worthClaiming() {
      int room = room();
      return room > 0 && (room == batchSize || room >= Math.max(1, batchSize / 4));
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
          List<DeliveryOutcome> outcomes = new ArrayList<>(batch.size());
          batch.forEach(f -> outcomes.add(f.outcome()));
          recorded = outbox.settle(outcomes);
        } finally {
          held.addAndGet(-batch.size());
        }
        for (int i = 0; i < batch.size(); i++) {
          Finished f = batch.get(i);
          if (recorded.get(i)) {
            SyncWorker.this.notify(f.onRecorded());
          } else {
            lost(f.outcome().delivery());
          }
        }
      }
    }

    void flushQuietly() {
      try {
        flush();
      } catch (MotcuaException e) {
        if (!Failures.isOutbox(e)) {
          throw e;
        }
        LOG.error("Sync worker {} cannot record outcomes: {}", workerId, e.toString());
      }
    }

    List<ClaimedDelivery> claim(int room) {
      int admitted = h.admit(clock.instant(), room);
      if (admitted == 0) {
        return List.of();
      }
      List<ClaimedDelivery> got;
      try {
        got = outbox.claim(destination, workerId, admitted, clock.instant(), leaseTime);
      } catch (RuntimeException e) {
        if (h.isDown()) {
          h.unusedProbe();
        }
        throw e;
      }
      if (got.isEmpty() && h.isDown()) {
        h.unusedProbe();
      }
      return got;
    }

    int fill(int room) {
      List<ClaimedDelivery> got = claim(room);
      submit(got);
      return got.size();
    }

    List<Future<?>> submit(List<ClaimedDelivery> got) {
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
                            ? (deliver(this, group.get(0)) ? 1 : 0)
                            : deliverAll(this, group);
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
     * several at a time ({@link PortalClient#batchLimit}) in groups of one {@link
     * PortalClient#batchKind kind}, up to that many, each of a different dossier; every other event
     * alone.
     */
    List<List<ClaimedDelivery>> groups(List<ClaimedDelivery> got) {
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
    String batchKind(ClaimedDelivery d) {
      try {
        return String.valueOf(client.batchKind(d.event()));
      } catch (RuntimeException e) {
        LOG.warn("The {} client's batchKind failed; publishing {} alone", destination, d, e);
        return "\0" + d.event().eventId();
      }
    }

    /** The client's limit for this delivery's event; 1 when the client fails to tell. */
    int batchLimit(ClaimedDelivery d) {
      try {
        return client.batchLimit(d.event());
      } catch (RuntimeException e) {
        LOG.warn("The {} client's batchLimit failed; publishing {} alone", destination, d, e);
        return 1;
      }
    }

    Optional<Instant> nextClaimableAt() {
      Optional<Instant> next = outbox.nextClaimableAt(destination);
      Instant paused = h.pausedUntil();
      return next.map(n -> n.isBefore(paused) ? paused : n);
    }
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

  /** An outcome waiting to be recorded, and what to tell the listener once it is. */
  private record Finished(DeliveryOutcome outcome, Runnable onRecorded) {}

  /**
   * Publishes one claimed delivery and queues its outcome on the lane.
   *
   * @return true when an outcome was queued (the delivery stays held until it is recorded), false
   *     when the lease was lost or the outbox failed (the lease then runs out)
   */
  private boolean deliver(Lane lane, ClaimedDelivery claimed) {
    try {
      Ready r = prepare(lane, claimed);
      if (r == null || r == PARKED) {
        return r == PARKED;
      }
      LeaseFence fence = new LeaseFence(lane.destination, List.of(r.delivery()));
      Instant started = clock.instant();
      PublishOutcome outcome;
      publishing.add(fence);
      try {
        Publication p =
            new Publication(r.delivery().event(), r.snapshot(), firstAttempt(r.delivery()), fence);
        outcome =
            fence.held()
                ? PublishOutcome.of(() -> lane.client.publish(p))
                : new PublishOutcome.Failed(Failures.fenced());
      } finally {
        publishing.remove(fence);
      }
      if (fence.lost(0)) {
        lost(r.delivery()); // whatever it achieved, another worker may be publishing it now
        return false;
      }
      record(lane, fence.delivery(0), outcome, null, started);
      return true;
    } catch (MotcuaException e) {
      if (!Failures.isOutbox(e)) {
        throw e;
      }
      // The outbox failed: the lease runs out and the delivery is tried again.
      LOG.error("Sync worker {} cannot deliver {}: {}", workerId, claimed, e.toString());
      return false;
    }
  }

  /**
   * Whether a delivery may be published as a first attempt ({@link Publication#firstAttempt()}):
   * its first claim, of an event recorded since this worker was built. A database that loses its
   * last commits when its process is killed (H2 with a write delay, embedded in a worker's JVM) can
   * forget that an earlier run claimed, and even delivered, an event recorded before the restart;
   * such events are published with the client's look-up, so that the portal's copy, not a counter
   * that may have been rolled back, decides what is sent.
   */
  private boolean firstAttempt(ClaimedDelivery d) {
    return d.firstClaim() && !d.recordedAt().isBefore(builtAt);
  }

  /**
   * Publishes claimed deliveries of different dossiers with one {@link PortalClient#publishAll}
   * call and queues each outcome on the lane.
   *
   * @return how many outcomes were queued (see {@link #deliver})
   */
  private int deliverAll(Lane lane, List<ClaimedDelivery> group) {
    int queued = 0;
    List<ClaimedDelivery> ready = new ArrayList<>(group.size());
    List<Dossier> snapshots = new ArrayList<>(group.size());
    for (ClaimedDelivery claimed : group) {
      try {
        Ready r = prepare(lane, claimed);
        if (r == PARKED) {
          queued++;
        } else if (r != null) {
          ready.add(r.delivery());
          snapshots.add(r.snapshot());
        }
      } catch (MotcuaException e) {
        if (!Failures.isOutbox(e)) {
          throw e;
        }
        LOG.error("Sync worker {} cannot deliver {}: {}", workerId, claimed, e.toString());
      }
    }
    if (ready.isEmpty()) {
      return queued;
    }
    LeaseFence fence = new LeaseFence(lane.destination, ready);
    List<Publication> publications = new ArrayList<>(ready.size());
    for (int i = 0; i < ready.size(); i++) {
      ClaimedDelivery d = ready.get(i);
      publications.add(new Publication(d.event(), snapshots.get(i), firstAttempt(d), fence));
    }
    Instant started = clock.instant();
    List<PublishOutcome> outcomes;
    publishing.add(fence);
    try {
      if (!fence.held()) {
        throw Failures.fenced();
      }
      outcomes = lane.client.publishAll(List.copyOf(publications));
      if (outcomes == null || outcomes.size() != ready.size()) {
        throw new IllegalStateException(
            "publishAll returned "
                + (outcomes == null ? "null" : outcomes.size() + " outcomes")
                + " for "
                + ready.size()
                + " publications");
      }
    } catch (RuntimeException e) {
      PublishOutcome failed = new PublishOutcome.Failed(e);
      outcomes = Collections.nCopies(ready.size(), failed);
    } finally {
      publishing.remove(fence);
    }
    if (fence.anyLost()) {
      // The call stopped: no outcome of it stands. A delivery whose own lease is still held goes
      // back to the queue at once, its attempts unchanged (its next claim is not a first one).
      Instant now = clock.instant();
      for (int i = 0; i < ready.size(); i++) {
        if (fence.lost(i)) {
          lost(ready.get(i));
        } else {
          ClaimedDelivery d = fence.delivery(i);
          lane.finish(
              DeliveryOutcome.failed(d, d.attempts(), now, "a shared call lost a lease"), () -> {});
          queued++;
        }
      }
      return queued;
    }
    // One failure shared by the events of a call is logged with its stack trace once.
    Set<Throwable> logged = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < ready.size(); i++) {
      record(lane, fence.delivery(i), outcomes.get(i), logged, started);
      queued++;
    }
    return queued;
  }

  /**
   * The fence of one publish (of one delivery, or of the deliveries of one shared call): held while
   * this worker holds every lease, long enough for one more portal call. Each question renews the
   * leases when less than half of the lease time (or less than the call margin) is left; the
   * renewal succeeds only while the claim generation ({@link ClaimedDelivery#claims()}) is
   * unchanged, so a lease that ran out unnoticed but was not taken over is kept, and one that was
   * taken over is lost for good.
   */
  private final class LeaseFence implements PublishFence {
    private final Duration margin;
    private final Duration renewBelow;
    private final ClaimedDelivery[] leases;
    private final boolean[] lost;
    private boolean anyLost;
    private volatile boolean revoked;

    LeaseFence(String destination, List<ClaimedDelivery> deliveries) {
      this.margin = callMargins.getOrDefault(destination, Duration.ZERO);
      Duration half = leaseTime.dividedBy(2);
      this.renewBelow = margin.compareTo(half) > 0 ? margin : half;
      this.leases = deliveries.toArray(new ClaimedDelivery[0]);
      this.lost = new boolean[leases.length];
    }

    @Override
    public synchronized boolean held() {
      if (revoked && !anyLost) {
        java.util.Arrays.fill(lost, true);
        anyLost = true;
      }
      if (anyLost) {
        return false;
      }
      Instant now = clock.instant();
      if (Duration.between(now, earliestEnd()).compareTo(renewBelow) < 0) {
        Instant until = now.plus(leaseTime);
        try {
          for (int i = 0; i < leases.length; i++) {
            if (outbox.renew(leases[i], until)) {
              leases[i] = leases[i].withLeaseUntil(until);
            } else {
              lost[i] = true;
              anyLost = true;
            }
          }
        } catch (MotcuaException e) {
          if (!Failures.isOutbox(e)) {
            throw e;
          }
          LOG.warn("Sync worker {} cannot renew a lease: {}", workerId, e.toString());
        }
        if (anyLost) {
          return false;
        }
      }
      if (Duration.between(now, earliestEnd()).compareTo(margin) <= 0) {
        // Too little lease left for one more call (the outbox failed to renew it): stop here.
        java.util.Arrays.fill(lost, true);
        anyLost = true;
        return false;
      }
      return true;
    }

    private Instant earliestEnd() {
      Instant end = leases[0].leaseUntil();
      for (ClaimedDelivery d : leases) {
        if (d.leaseUntil().isBefore(end)) {
          end = d.leaseUntil();
        }
      }
      return end;
    }

    void revoke() {
      revoked = true;
    }

    synchronized boolean lost(int i) {
      return lost[i] || revoked;
    }

    synchronized boolean anyLost() {
      return anyLost || revoked;
    }

    synchronized ClaimedDelivery delivery(int i) {
      return leases[i];
    }
  }

  /** A claimed delivery with its lease long enough and its snapshot folded: ready to publish. */
  private record Ready(ClaimedDelivery delivery, Dossier snapshot) {}

  /** What {@link #prepare} returns for a delivery it parked (its outcome is queued). */
  private static final Ready PARKED = new Ready(null, null);

  /**
   * Renews the lease of a claimed delivery when half of it is gone, and folds its snapshot.
   *
   * @return the delivery ready to publish; {@link #PARKED} when its log cannot be folded (a dead
   *     letter is queued); null when the lease was lost
   * @throws MotcuaException when the outbox fails
   */
  private Ready prepare(Lane lane, ClaimedDelivery claimed) {
    ClaimedDelivery d = claimed;
    Instant now = clock.instant();
    if (Duration.between(now, d.leaseUntil()).compareTo(leaseTime.dividedBy(2)) < 0) {
      Instant until = now.plus(leaseTime);
      if (!outbox.renew(d, until)) {
        lost(d);
        return null;
      }
      d = d.withLeaseUntil(until);
    }
    try {
      return new Ready(d, folder.snapshot(d));
    } catch (MotcuaException e) {
      if (Failures.isOutbox(e)) {
        throw e;
      }
      park(lane, d, d.attempts() + 1, "The dossier log cannot be folded: " + reason(e));
      return PARKED;
    }
  }

  /**
   * Queues the outcome of a publication on the lane, as delivered, to retry, or parked.
   *
   * @param logged the unexpected failures of this call already logged with their stack trace, or
   *     null for a call of one event
   */
  private void record(
      Lane lane,
      ClaimedDelivery d,
      PublishOutcome outcome,
      Set<Throwable> logged,
      Instant started) {
    if (outcome instanceof PublishOutcome.Failed f) {
      RuntimeException e = f.failure();
      // Classified by reaction type and code (see Failures): a rejection or a portal setting parks
      // and proves the portal up; a fence holds; an outage or an authentication failure is
      // retried under DestinationHealth; the module's other failures park; anything else is
      // unexpected and retried.
      if (Failures.isRejection(e)
          || (e instanceof ConfigurationException c && c.code().startsWith("portal.config."))) {
        lane.h.succeeded(started, clock.instant()); // the portal answered: it is up
        park(lane, d, d.attempts() + 1, reason(e));
      } else if (Failures.isFenced(e)) {
        // Held at the end after all (a client's own fence said no): nothing said about the portal.
        lane.finish(DeliveryOutcome.failed(d, d.attempts(), clock.instant(), reason(e)), () -> {});
      } else if (Failures.isPortal(e)) {
        if (!Failures.isRetryable(e) && !Failures.isAuthentication(e)) {
          park(lane, d, d.attempts() + 1, reason(e));
        } else {
          failed(lane, d, e, started);
        }
      } else {
        if (logged == null || logged.add(e)) {
          LOG.warn("Publishing {} failed unexpectedly", d, e);
        } else {
          LOG.warn(
              "Publishing {} failed unexpectedly: the same {} as above",
              d,
              e.getClass().getSimpleName());
        }
        failed(lane, d, e, started);
      }
      return;
    }
    Instant done = clock.instant();
    Duration downFor = lane.h.succeeded(started, done);
    if (downFor != null) {
      LOG.info("Destination {} is back after {}", lane.destination, downFor);
      notify(() -> listener.destinationUp(lane.destination, downFor));
    }
    Duration since = Duration.between(d.recordedAt(), done);
    lane.finish(
        DeliveryOutcome.delivered(d, done),
        () -> listener.delivered(d, since.isNegative() ? Duration.ZERO : since));
  }

  private void failed(Lane lane, ClaimedDelivery d, Exception e, Instant started) {
    Instant now = clock.instant();
    DestinationHealth.Failure how = lane.h.failed(started, now);
    String reason = reason(e);
    if (how == DestinationHealth.Failure.WENT_DOWN) {
      Instant probeAt = lane.h.pausedUntil();
      LOG.warn(
          "Destination {} looks down after {} consecutive failures ({}); next probe at {}",
          lane.destination,
          outageThreshold,
          reason,
          probeAt);
      notify(() -> listener.destinationDown(lane.destination, e, probeAt));
    }
    boolean counts = how != DestinationHealth.Failure.WHILE_DOWN;
    int attempts = d.attempts() + (counts ? 1 : 0);
    if (counts && attempts >= deadLetterThreshold) {
      park(lane, d, attempts, "Failed " + attempts + " times; last: " + reason);
      return;
    }
    Instant next;
    if (lane.h.isDown()) {
      next = lane.h.pausedUntil();
    } else {
      Duration wait = retryPolicy.backoff(attempts);
      if (e instanceof RetryLaterException u
          && u.retryAfter().isPresent()
          && u.retryAfter().get().compareTo(wait) > 0) {
        wait = u.retryAfter().get();
      }
      next = now.plus(wait);
    }
    lane.finish(
        DeliveryOutcome.failed(d, attempts, next, reason),
        () -> {
          LOG.debug("Delivery {} failed ({}); next attempt at {}", d, reason, next);
          listener.retryScheduled(d, e, attempts, next);
        });
  }

  private void park(Lane lane, ClaimedDelivery d, int attempts, String reason) {
    lane.finish(
        DeliveryOutcome.dead(d, attempts, clock.instant(), reason),
        () -> {
          LOG.warn("Delivery {} parked as a dead letter: {}", d, reason);
          listener.deadLettered(d, reason);
        });
  }

  private void lost(ClaimedDelivery d) {
    LOG.warn("Worker {} lost its lease on {}; its outcome is not recorded", workerId, d);
    notify(() -> listener.leaseLost(d));
  }

  private static String reason(Exception e) {
    if (e instanceof MotcuaException m) {
      return m.toString().replaceFirst("^[\\w.$]+ ", "");
    }
    return e.getClass().getSimpleName();
  }

  private void notify(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("A sync listener failed; ignored", e);
    }
  }

  @Override
  public String toString() {
    return "SyncWorker[" + workerId + " -> " + clients.keySet() + "]";
  }

  /** Configures a {@link SyncWorker}. Not thread-safe. */
  public static final class Builder {
    private SyncOutbox outbox;
    private final Map<String, PortalClient> clients = new LinkedHashMap<>();
    private int workerThreads = 2;
    private int batchSize = 32;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private int deadLetterThreshold = 10;
    private int outageThreshold = 5;
    private Duration leaseTime = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper;
    private String workerId;
    private SyncListener listener = SyncListener.NONE;
    private DossierLifecycle lifecycle = DossierLifecycle.create();
    private int snapshotCacheSize = 16_384;
    private final Map<String, RetryPolicy> clientPolicies = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Sets the outbox to deliver from (required).
     *
     * @param outbox not null
     * @return this builder
     */
    public Builder outbox(SyncOutbox outbox) {
      this.outbox = Objects.requireNonNull(outbox, "outbox");
      return this;
    }

    /**
     * Adds a destination (at least one is required): the outbox's name for it and the client that
     * publishes to it, such as {@code destination("national", nationalClient)}. When the client
     * tells its {@link PortalClient#retryPolicy() retry policy} (motcua's national and provincial
     * clients do), {@link #build()} checks the {@link #leaseTime(Duration) lease} against it.
     *
     * @param name one of the outbox's {@link SyncOutbox#destinations()}; not null
     * @param client the client; not null, thread-safe
     * @return this builder
     */
    public Builder destination(String name, PortalClient client) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(client, "client");
      clients.put(name, client);
      clientPolicies.remove(name);
      client.retryPolicy().ifPresent(policy -> clientPolicies.put(name, policy));
      return this;
    }

    /**
     * Adds a destination together with the {@link RetryPolicy} its client was built with, so that
     * {@link #build()} can check the {@link #leaseTime(Duration) lease} against the client's
     * timeouts: a lease that ends while a publish call is still running lets another worker send
     * the same event at the same time, and the portal may then store it twice.
     *
     * @param name one of the outbox's {@link SyncOutbox#destinations()}; not null
     * @param client the client; not null, thread-safe
     * @param clientPolicy the retry policy given to the client's builder; not null
     * @return this builder
     */
    public Builder destination(String name, PortalClient client, RetryPolicy clientPolicy) {
      destination(name, client);
      clientPolicies.put(name, Objects.requireNonNull(clientPolicy, "clientPolicy"));
      return this;
    }

    /**
     * Sets the number of delivery threads of each destination (default 2). Each thread publishes
     * one event at a time; more threads deliver more dossiers at once. Each thread holds an HTTP
     * connection while it publishes: with more than OkHttp's default of 5 idle connections, build
     * the destinations' clients from an {@code OkHttpClient} whose connection pool keeps as many as
     * the threads of every destination sharing it, or calls keep opening new connections.
     *
     * @param threads 1 or more
     * @return this builder
     */
    public Builder workerThreads(int threads) {
      this.workerThreads = atLeastOne(threads, "sync.worker-threads");
      return this;
    }

    /**
     * Sets how many deliveries of one destination this worker holds at most, claimed at once
     * (default 32). Shared calls ({@link PortalClient#publishAll(List)}) group deliveries of one
     * claim, so with a client that takes ten events a call, 32 make at most three or four groups.
     *
     * @param size 1 or more
     * @return this builder
     */
    public Builder batchSize(int size) {
      this.batchSize = atLeastOne(size, "sync.batch-size");
      return this;
    }

    /**
     * Sets the backoff between attempts of a delivery (its {@link RetryPolicy#backoff(int)}, from
     * the first failure on) and the growth of outage pauses (its {@link
     * RetryPolicy#backoffCeiling(int)}); its sleeper is the default {@link #sleeper(Sleeper)}.
     * Default {@link RetryPolicy#defaults()}. The clients keep their own policy for the retries
     * within one publish.
     *
     * @param policy not null
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how many counted failed attempts park an event as a dead letter (default 10). Failures
     * while the destination is considered down do not count.
     *
     * @param threshold 1 or more
     * @return this builder
     */
    public Builder deadLetterThreshold(int threshold) {
      this.deadLetterThreshold = atLeastOne(threshold, "sync.dead-letter-threshold");
      return this;
    }

    /**
     * Sets how many consecutive failed deliveries to one destination make this worker consider it
     * down (default 5).
     *
     * @param threshold 1 or more
     * @return this builder
     */
    public Builder outageThreshold(int threshold) {
      this.outageThreshold = atLeastOne(threshold, "sync.outage-threshold");
      return this;
    }

    /**
     * Sets how long a claim is held (default 5 minutes): longer than the longest publish call (a
     * client's {@link RetryPolicy#totalTimeout()} plus its {@link RetryPolicy#readTimeout()}), so
     * that no other worker takes over a delivery still in progress and sends it a second time.
     *
     * @param lease positive
     * @return this builder
     */
    public Builder leaseTime(Duration lease) {
      this.leaseTime = positive(lease, "sync.lease-time");
      return this;
    }

    /**
     * Sets how often the background dispatcher looks for due deliveries when it found none (default
     * 1 second, real time). {@link #drain(Duration)} does not use it.
     *
     * @param interval positive
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "sync.poll-interval");
      return this;
    }

    /**
     * Sets the clock of leases, backoffs and outage pauses (default UTC system clock).
     *
     * @param clock not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets what {@link #drain(Duration)} waits with (default the retry policy's sleeper). Tests
     * pass one that advances their clock.
     *
     * @param sleeper not null
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the worker's id, the owner name of its leases (default {@code worker-<pid>-<random>}).
     * Ids must be unique among the live workers of one outbox; a worker restarting under its old id
     * takes back its own leases at once instead of waiting for them to end.
     *
     * @param id 1 to 128 characters
     * @return this builder
     */
    public Builder workerId(String id) {
      if (id == null || id.isBlank() || id.length() > 128) {
        throw new ConfigurationException(
            "portal.config.sync.worker-id", "A worker id has 1 to 128 characters.");
      }
      this.workerId = id;
      return this;
    }

    /**
     * Sets the listener for metrics and alerts (default none).
     *
     * @param listener not null, thread-safe
     * @return this builder
     */
    public Builder listener(SyncListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the lifecycle that folds snapshots from the log (default {@link
     * DossierLifecycle#create()}, no due dates); pass the one the integrator records events with,
     * so that due dates reach the portals.
     *
     * @param lifecycle not null
     * @return this builder
     */
    public Builder lifecycle(DossierLifecycle lifecycle) {
      this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
      return this;
    }

    /**
     * Sets how many dossiers the worker keeps folded snapshots of (default 16,384). A delivery of a
     * dossier in the cache costs one {@code apply}; one outside it reads and replays the dossier's
     * log. Size it to the number of dossiers with events in flight at once; each entry holds up to
     * four snapshots (one per destination position).
     *
     * @param dossiers 1 or more
     * @return this builder
     */
    public Builder snapshotCacheSize(int dossiers) {
      this.snapshotCacheSize = atLeastOne(dossiers, "sync.snapshot-cache-size");
      return this;
    }

    /**
     * Builds the worker; it does nothing until {@link #start()} or {@link #drain(Duration)}.
     *
     * @return the worker
     * @throws ConfigurationException when the outbox or destinations are missing, or a destination
     *     is not one of the outbox's; with code {@code portal.config.sync.lease-time} when the
     *     lease is not longer than the total timeout plus the read timeout of a client policy given
     *     with {@link #destination(String, PortalClient, RetryPolicy)}
     */
    public SyncWorker build() {
      if (outbox == null) {
        throw new ConfigurationException(
            "portal.config.sync.outbox", "SyncWorker needs an outbox.");
      }
      if (clients.isEmpty()) {
        throw new ConfigurationException(
            "portal.config.sync.destinations", "SyncWorker needs at least one destination.");
      }
      for (String name : clients.keySet()) {
        if (!outbox.destinations().contains(name)) {
          throw new ConfigurationException(
              "portal.config.sync.destinations",
              "Destination " + name + " is not one of the outbox's " + outbox.destinations());
        }
      }
      clientPolicies.forEach(this::checkLease);
      return new SyncWorker(this);
    }

    /**
     * A publish is as long as its operations together, and a shared call of ten events makes up to
     * forty of them; no lease is meant to cover that at once. The lease is renewed instead before
     * every operation of a publish when less than half of it is left (its fence), so it must
     * outlast what runs between two renewals: one operation with its retries, that is the client's
     * total timeout plus one read timeout (the last attempt may start just before the total timeout
     * runs out). Each request is sent only with more than its write and read timeouts of lease left
     * (twice the read timeout), which a renewed lease must leave too. With both, a publish of any
     * number of operations is covered from its first request to its last.
     */
    private void checkLease(String destination, RetryPolicy policy) {
      Duration longestCall = policy.totalTimeout().plus(policy.readTimeout());
      Duration oneRequest = policy.readTimeout().multipliedBy(2);
      if (longestCall.compareTo(oneRequest) < 0) {
        longestCall = oneRequest;
      }
      if (leaseTime.compareTo(longestCall) <= 0) {
        throw new ConfigurationException(
            "portal.config.sync.lease-time",
            "sync.lease-time ("
                + leaseTime
                + ") must be longer than the longest publish call of destination "
                + destination
                + ": its client's RetryPolicy totalTimeout ("
                + policy.totalTimeout()
                + ") plus readTimeout ("
                + policy.readTimeout()
                + "), and than twice the readTimeout. A lease that ends during a call lets"
                + " another worker send the same event at once, and the portal may store it"
                + " twice.");
      }
    }

    private static int atLeastOne(int value, String setting) {
      if (value < 1) {
        throw new ConfigurationException(
            "portal.config." + setting, setting + " must be at least 1.");
      }
      return value;
    }

    private static Duration positive(Duration d, String setting) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new ConfigurationException(
            "portal.config." + setting, setting + " must be positive.");
      }
      return d;
    }
  }
}
