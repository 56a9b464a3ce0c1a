package io.github.motcua.portal.sync;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.PublishOutcome;
import io.github.motcua.portal.internal.Breaker;
import io.github.motcua.portal.internal.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a publish achieved into the delivery's outcome (delivered, to retry at a time, or
 * parked), feeding the destination's {@link Breaker} on the way: the worker's one owner of backoff,
 * outage detection and parking. Thread-safe (stateless besides the lanes' breakers).
 */
final class Outcomes {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final WorkerSettings s;

  Outcomes(WorkerSettings settings) {
    this.s = settings;
  }

  /**
   * Queues the outcome of a publication on the lane, as delivered, to retry, or parked.
   *
   * @param logged the unexpected failures of this call already logged with their stack trace, or
   *     null for a call of one event
   * @param started when the publish started, on the worker's clock
   */
  void record(
      Lane lane,
      ClaimedDelivery d,
      PublishOutcome outcome,
      Set<Throwable> logged,
      Instant started) {
    if (outcome instanceof PublishOutcome.Failed f) {
      failed(lane, d, f.failure(), logged, started);
      return;
    }
    Instant done = s.clock().instant();
    Optional<Duration> downFor = lane.health.succeeded(started, done);
    downFor.ifPresent(
        down -> {
          LOG.info("Destination {} is back after {}", lane.destination, down);
          s.listener().destinationUp(lane.destination, down);
        });
    Duration since = Duration.between(d.recordedAt(), done);
    lane.finish(
        DeliveryOutcome.delivered(d, done),
        () -> s.listener().delivered(d, since.isNegative() ? Duration.ZERO : since));
  }

  private void failed(
      Lane lane, ClaimedDelivery d, RuntimeException e, Set<Throwable> logged, Instant started) {
    // Classified by reaction type and code (see Failures): a rejection or a portal setting parks
    // and proves the portal up; a fence holds; an outage or an authentication failure is retried
    // under the destination's Breaker; the module's other failures park; anything else is
    // unexpected and retried.
    if (Failures.isRejection(e)
        || (e instanceof ConfigurationException c && c.code().startsWith("portal.config."))) {
      lane.health.succeeded(started, s.clock().instant()); // the portal answered: it is up
      park(lane, d, d.attempts() + 1, Reasons.of(e));
    } else if (Failures.isFenced(e)) {
      // Held at the end after all (a client's own fence said no): nothing said about the portal.
      lane.finish(
          DeliveryOutcome.failed(d, d.attempts(), s.clock().instant(), Reasons.of(e)), () -> {});
    } else if (Failures.isPortal(e) && !Failures.isRetryable(e) && !Failures.isAuthentication(e)) {
      park(lane, d, d.attempts() + 1, Reasons.of(e));
    } else {
      if (!Failures.isPortal(e)) {
        logUnexpected(d, e, logged);
      }
      retryLater(lane, d, e, started);
    }
  }

  private static void logUnexpected(ClaimedDelivery d, RuntimeException e, Set<Throwable> logged) {
    if (logged == null || logged.add(e)) {
      LOG.warn("Publishing {} failed unexpectedly", d, e);
    } else {
      LOG.warn(
          "Publishing {} failed unexpectedly: the same {} as above",
          d,
          e.getClass().getSimpleName());
    }
  }

  /**
   * A failure worth another attempt: counted against the event while the destination is otherwise
   * up (parking it at the dead-letter threshold), charged to the outage while it is down.
   */
  private void retryLater(Lane lane, ClaimedDelivery d, RuntimeException e, Instant started) {
    Instant now = s.clock().instant();
    Breaker.Failure how = lane.health.failed(started, now);
    String reason = Reasons.of(e);
    if (how == Breaker.Failure.WENT_DOWN) {
      Instant probeAt = lane.health.pausedUntil();
      LOG.warn(
          "Destination {} looks down after {} consecutive failures ({}); next probe at {}",
          lane.destination,
          s.outageThreshold(),
          reason,
          probeAt);
      s.listener().destinationDown(lane.destination, e, probeAt);
    }
    boolean counts = how != Breaker.Failure.WHILE_DOWN;
    int attempts = d.attempts() + (counts ? 1 : 0);
    if (counts && attempts >= s.deadLetterThreshold()) {
      park(lane, d, attempts, "Failed " + attempts + " times; last: " + reason);
      return;
    }
    Instant next;
    if (lane.health.isDown()) {
      next = lane.health.pausedUntil();
    } else {
      Duration wait = s.retryPolicy().backoff(attempts);
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
          s.listener().retryScheduled(d, e, attempts, next);
        });
  }

  /** Parks a delivery as a dead letter, telling the listener once that is recorded. */
  void park(Lane lane, ClaimedDelivery d, int attempts, String reason) {
    lane.finish(
        DeliveryOutcome.dead(d, attempts, s.clock().instant(), reason),
        () -> {
          LOG.warn("Delivery {} parked as a dead letter: {}", d, reason);
          s.listener().deadLettered(d, reason);
        });
  }

  /** Sends a delivery whose shared call lost a lease back to the queue, its attempts unchanged. */
  void requeue(Lane lane, ClaimedDelivery d, String reason) {
    lane.finish(DeliveryOutcome.failed(d, d.attempts(), s.clock().instant(), reason), () -> {});
  }

  /** Reports a delivery whose lease this worker lost: its outcome is not recorded. */
  void lost(ClaimedDelivery d) {
    LOG.warn("Worker {} lost its lease on {}; its outcome is not recorded", s.workerId(), d);
    s.listener().leaseLost(d);
  }
}
