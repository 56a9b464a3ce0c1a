package io.github.motcua.portal.sync;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.portal.BatchPublisher;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishOutcome;
import io.github.motcua.portal.RetryOwner;
import io.github.motcua.portal.internal.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes claimed deliveries through their destination's client, one at a time or several in a
 * shared call, each under a {@link LeaseFence}, and hands what each achieved to {@link Outcomes}.
 * Every publication says {@link RetryOwner#CALLER}: the client sends each request once (repeating
 * only after a renewed credential or a short {@code Retry-After}), and the worker owns backoff,
 * outage detection and parking. Thread-safe.
 */
final class Courier {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final WorkerSettings s;
  private final Outcomes outcomes;

  /** The fences of the publishes running now; {@link #revokeAll} revokes them. */
  private final Set<LeaseFence> publishing = ConcurrentHashMap.newKeySet();

  Courier(WorkerSettings settings, Outcomes outcomes) {
    this.s = settings;
    this.outcomes = outcomes;
  }

  /** What {@link #prepare} made of a claimed delivery. */
  private sealed interface Prepared {
    /** Its lease is long enough and its snapshot folded: ready to publish. */
    record Ready(ClaimedDelivery delivery, Dossier snapshot) implements Prepared {}

    /** Its log cannot be folded: a dead letter is queued. */
    record Parked() implements Prepared {}

    /** Its lease was lost: nothing is recorded. */
    record Lost() implements Prepared {}
  }

  /** Makes every running publish stop before its next request (the worker is stopping). */
  void revokeAll() {
    publishing.forEach(LeaseFence::revoke);
  }

  /**
   * Publishes one claimed delivery and queues its outcome on the lane.
   *
   * @return true when an outcome was queued (the delivery stays held until it is recorded), false
   *     when the lease was lost or the outbox failed (the lease then runs out)
   */
  boolean deliver(Lane lane, ClaimedDelivery claimed) {
    try {
      Prepared prepared = prepare(lane, claimed);
      if (!(prepared instanceof Prepared.Ready r)) {
        return prepared instanceof Prepared.Parked;
      }
      LeaseFence fence = new LeaseFence(s, lane.destination, List.of(r.delivery()));
      Instant started = s.clock().instant();
      PublishOutcome outcome;
      publishing.add(fence);
      try {
        Publication p = publication(r.delivery(), r.snapshot(), fence);
        outcome =
            fence.held()
                ? PublishOutcome.of(() -> lane.client.publish(p))
                : new PublishOutcome.Failed(Failures.fenced());
      } finally {
        publishing.remove(fence);
      }
      if (fence.lost(0)) {
        outcomes.lost(r.delivery()); // whatever it achieved, another worker may be publishing it
        return false;
      }
      outcomes.record(lane, fence.delivery(0), outcome, null, started);
      return true;
    } catch (MotcuaException e) {
      if (!Failures.isOutbox(e)) {
        throw e;
      }
      // The outbox failed: the lease runs out and the delivery is tried again.
      LOG.error("Sync worker {} cannot deliver {}: {}", s.workerId(), claimed, e.toString());
      return false;
    }
  }

  /**
   * Publishes claimed deliveries of different dossiers with one {@link BatchPublisher#publishAll}
   * call and queues each outcome on the lane.
   *
   * @return how many outcomes were queued (see {@link #deliver})
   */
  int deliverAll(Lane lane, List<ClaimedDelivery> group) {
    int queued = 0;
    List<Prepared.Ready> ready = new ArrayList<>(group.size());
    for (ClaimedDelivery claimed : group) {
      try {
        Prepared prepared = prepare(lane, claimed);
        if (prepared instanceof Prepared.Ready r) {
          ready.add(r);
        } else if (prepared instanceof Prepared.Parked) {
          queued++;
        }
      } catch (MotcuaException e) {
        if (!Failures.isOutbox(e)) {
          throw e;
        }
        LOG.error("Sync worker {} cannot deliver {}: {}", s.workerId(), claimed, e.toString());
      }
    }
    if (ready.isEmpty()) {
      return queued;
    }
    List<ClaimedDelivery> deliveries = new ArrayList<>(ready.size());
    ready.forEach(r -> deliveries.add(r.delivery()));
    LeaseFence fence = new LeaseFence(s, lane.destination, deliveries);
    List<Publication> publications = new ArrayList<>(ready.size());
    ready.forEach(r -> publications.add(publication(r.delivery(), r.snapshot(), fence)));
    Instant started = s.clock().instant();
    List<PublishOutcome> results = publishAll(lane.client, publications, fence);
    if (fence.anyLost()) {
      // The call stopped: no outcome of it stands. A delivery whose own lease is still held goes
      // back to the queue at once, its attempts unchanged (its next claim is not a first one).
      for (int i = 0; i < ready.size(); i++) {
        if (fence.lost(i)) {
          outcomes.lost(deliveries.get(i));
        } else {
          outcomes.requeue(lane, fence.delivery(i), "a shared call lost a lease");
          queued++;
        }
      }
      return queued;
    }
    // One failure shared by the events of a call is logged with its stack trace once.
    Set<Throwable> logged = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < ready.size(); i++) {
      outcomes.record(lane, fence.delivery(i), results.get(i), logged, started);
      queued++;
    }
    return queued;
  }

  /** Runs one shared call; a call that fails as a whole fails each of its publications alike. */
  private List<PublishOutcome> publishAll(
      PortalClient client, List<Publication> publications, LeaseFence fence) {
    publishing.add(fence);
    try {
      if (!fence.held()) {
        throw Failures.fenced();
      }
      // Only a BatchPublisher's events come in groups (see Lane.groups).
      List<PublishOutcome> results =
          ((BatchPublisher) client).publishAll(List.copyOf(publications));
      if (results == null || results.size() != publications.size()) {
        throw new IllegalStateException(
            "publishAll returned "
                + (results == null ? "null" : results.size() + " outcomes")
                + " for "
                + publications.size()
                + " publications");
      }
      return results;
    } catch (RuntimeException e) {
      return Collections.nCopies(publications.size(), new PublishOutcome.Failed(e));
    } finally {
      publishing.remove(fence);
    }
  }

  private Publication publication(ClaimedDelivery d, Dossier snapshot, LeaseFence fence) {
    return new Publication(d.event(), snapshot, firstAttempt(d), fence, RetryOwner.CALLER);
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
    return d.firstClaim() && !d.recordedAt().isBefore(s.builtAt());
  }

  /**
   * Renews the lease of a claimed delivery when half of it is gone, and folds its snapshot.
   *
   * @throws MotcuaException when the outbox fails
   */
  private Prepared prepare(Lane lane, ClaimedDelivery claimed) {
    ClaimedDelivery d = claimed;
    Instant now = s.clock().instant();
    if (Duration.between(now, d.leaseUntil()).compareTo(s.leaseTime().dividedBy(2)) < 0) {
      Instant until = now.plus(s.leaseTime());
      if (!s.outbox().renew(d, until)) {
        outcomes.lost(d);
        return new Prepared.Lost();
      }
      d = d.withLeaseUntil(until);
    }
    try {
      return new Prepared.Ready(d, s.folder().snapshot(d));
    } catch (MotcuaException e) {
      if (Failures.isOutbox(e)) {
        throw e;
      }
      outcomes.park(
          lane, d, d.attempts() + 1, "The dossier log cannot be folded: " + Reasons.of(e));
      return new Prepared.Parked();
    }
  }
}
