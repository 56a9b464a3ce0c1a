package io.github.motcua.portal.sync;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishFence;
import io.github.motcua.portal.RetryOwner;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.Sleeper;
import io.github.motcua.portal.internal.Breaker;
import io.github.motcua.portal.sync.internal.SnapshotFolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
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
 * <p><b>One owner of retries.</b> The worker publishes with {@link RetryOwner#CALLER}: the clients
 * send each request once, repeating it at once only after renewing an expired session or token, or
 * after a {@code Retry-After} of at most {@link RetryPolicy#maxImmediateRetryAfter()} (once each),
 * and leave their circuit breakers out. Backoff, outage detection and parking are the worker's
 * alone, so a delivery attempt to a portal that is down costs one HTTP request (two when the portal
 * answers with a short {@code Retry-After}). See the module README for the count per event.
 *
 * <p><b>Failures.</b> A {@link RetryLaterException} (an outage, an expired session), refused
 * credentials ({@code portal.auth.*}) and unexpected runtime failures are retried: the delivery
 * goes back to the queue until {@code now + RetryPolicy.backoff(attempts)} (or the portal's {@code
 * Retry-After}, when longer). A failure counts against the event's {@link
 * Builder#deadLetterThreshold(int) dead-letter threshold} only while the destination is otherwise
 * up: after {@link Builder#outageThreshold(int)} consecutive failures the destination is considered
 * down, paused (the pause grows as the retry policy's backoff ceiling), then probed with one
 * delivery at a time, and failures during such an outage count against no event, so an outage of
 * hours parks nothing. {@link InvalidInputException}, other non-retryable portal failures and a
 * dossier log that cannot be folded park the event as a {@link DeadLetter} at once.
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
 * not cover a whole publish, only one call with its retries (at most a client's {@link
 * RetryPolicy#totalTimeout()} plus its {@link RetryPolicy#readTimeout()}, and twice its read
 * timeout; checked by {@link Builder#destination(String, PortalClient, RetryPolicy)}); clocks of
 * processes sharing an outbox must agree to well within it. A publish is a first attempt ({@link
 * Publication#firstAttempt()}) only on a delivery's first claim of an event recorded since the
 * worker was built. Outcomes are recorded in batches ({@link SyncOutbox#settle(List)}) before each
 * claim.
 *
 * <p><b>Shared calls.</b> Events the {@link io.github.motcua.portal.NationalPortalClient} takes
 * several at a time (its dossier records, ratings and first-attempt steps) are handed to its {@link
 * io.github.motcua.portal.NationalPortalClient#publishAll(List) publishAll} in groups of different
 * dossiers and one kind of call, at most its limit, from the deliveries claimed together; each
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

  private final WorkerSettings settings;
  private final DeliveryQueue outbox;
  private final Map<String, PortalClient> clients;
  private final String workerId;

  /** Per destination, whether it looks down; kept across runs. */
  private final Map<String, Breaker> health = new LinkedHashMap<>();

  private final Courier courier;
  private final Outcomes outcomes;
  private final Sleeper sleeper;

  private final Object runLock = new Object();

  /** Released when a delivery settles: its dossier's next event may now be due. */
  private final Semaphore wakeUps = new Semaphore(0);

  private volatile boolean running;

  /** Drains running on the background's lanes; the dispatcher leaves the claiming to them. */
  private final AtomicInteger draining = new AtomicInteger();

  private final Object drainEnded = new Object();
  private Thread dispatcher;
  private Lanes lanes;

  private SyncWorker(Builder b) {
    this.outbox = b.outbox;
    this.clients = new LinkedHashMap<>(b.clients);
    this.workerId = b.workerId == null ? defaultWorkerId() : b.workerId;
    this.sleeper = b.sleeper == null ? b.retryPolicy.sleeper() : b.sleeper;
    Map<String, Duration> callMargins = new LinkedHashMap<>();
    for (String destination : clients.keySet()) {
      RetryPolicy p = b.clientPolicies.get(destination);
      callMargins.put(destination, p == null ? Duration.ZERO : p.readTimeout().multipliedBy(2));
    }
    this.settings =
        new WorkerSettings(
            outbox,
            workerId,
            b.workerThreads,
            b.batchSize,
            b.retryPolicy,
            b.deadLetterThreshold,
            b.outageThreshold,
            b.leaseTime,
            b.pollInterval,
            b.clock,
            new GuardedListener(b.listener),
            new SnapshotFolder(outbox, b.lifecycle, b.snapshotCacheSize),
            b.clock.instant(),
            Map.copyOf(callMargins));
    for (String destination : clients.keySet()) {
      health.put(destination, new Breaker(b.outageThreshold, settings::outagePause));
    }
    this.outcomes = new Outcomes(settings);
    this.courier = new Courier(settings, outcomes);
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
    Breaker h = health.get(destination);
    return h != null && h.isDown();
  }

  private Lanes newLanes() {
    List<Lane> out = new ArrayList<>();
    clients.forEach(
        (name, client) ->
            out.add(
                new Lane(settings, name, client, health.get(name), courier, outcomes, wakeUps)));
    return new Lanes(settings, out, wakeUps);
  }

  /** Ends the leases a previous run under this worker's id left behind. */
  private void takeBackLeases() {
    int released = outbox.release(workerId);
    if (released > 0) {
      LOG.info("Worker {} took back {} deliveries it held before", workerId, released);
    }
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
      takeBackLeases();
      Lanes run = newLanes();
      lanes = run;
      running = true;
      dispatcher =
          new Thread(
              () -> run.dispatch(() -> running, () -> draining.get() > 0, this::awaitDrainEnd),
              "motcua-sync-dispatcher-" + workerId);
      dispatcher.setDaemon(true);
      dispatcher.start();
      LOG.info("Sync worker {} started for {}", workerId, clients.keySet());
      return this;
    }
  }

  /** Waits (up to the poll interval) for the drains on the background's lanes to end. */
  private void awaitDrainEnd() throws InterruptedException {
    synchronized (drainEnded) {
      if (draining.get() > 0) {
        drainEnded.wait(settings.pollInterval().toMillis());
      }
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
    Lanes ls;
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
      for (Lane lane : ls.all()) {
        lane.pool.shutdown();
      }
      for (Lane lane : ls.all()) {
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
    ls.all().forEach(Lane::flushQuietly);
    if (!clean) {
      // Publishes still running make no further portal call: their leases are given up below.
      courier.revokeAll();
      ls.all().forEach(lane -> lane.pool.shutdownNow());
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
    Instant deadline = settings.clock().instant().plus(timeout);
    Lanes use;
    boolean onBackground;
    synchronized (runLock) {
      onBackground = running;
      if (onBackground) {
        use = lanes;
        draining.incrementAndGet();
      } else {
        use = newLanes();
        takeBackLeases();
      }
    }
    try {
      return use.drain(deadline, sleeper);
    } finally {
      if (onBackground) {
        synchronized (drainEnded) {
          draining.decrementAndGet();
          drainEnded.notifyAll();
        }
      } else {
        use.close();
      }
    }
  }

  @Override
  public String toString() {
    return "SyncWorker[" + workerId + " -> " + clients.keySet() + "]";
  }

  /** Configures a {@link SyncWorker}. Not thread-safe. */
  public static final class Builder {
    private DeliveryQueue outbox;
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
     * Sets the outbox to deliver from (required): its worker side, which a {@link SyncOutbox} such
     * as {@link JdbcSyncOutbox} is.
     *
     * @param outbox not null
     * @return this builder
     */
    public Builder outbox(DeliveryQueue outbox) {
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
     * (default 32). The national client's shared calls group deliveries of one claim, so with a
     * client that takes ten events a call, 32 make at most three or four groups.
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
