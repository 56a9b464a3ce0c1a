package io.github.motcua.portal.sync;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.portal.PublishFence;
import io.github.motcua.portal.internal.Failures;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fence of one publish (of one delivery, or of the deliveries of one shared call): held while
 * this worker holds every lease, long enough for one more portal call. Each question renews the
 * leases when less than half of the lease time (or less than the call margin) is left; the renewal
 * succeeds only while the claim generation ({@link ClaimedDelivery#claims()}) is unchanged, so a
 * lease that ran out unnoticed but was not taken over is kept, and one that was taken over is lost
 * for good. Thread-safe.
 */
final class LeaseFence implements PublishFence {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final WorkerSettings s;
  private final Duration margin;
  private final Duration renewBelow;
  private final ClaimedDelivery[] leases;
  private final boolean[] lost;
  private boolean anyLost;
  private volatile boolean revoked;

  LeaseFence(WorkerSettings settings, String destination, List<ClaimedDelivery> deliveries) {
    this.s = settings;
    this.margin = s.callMargins().getOrDefault(destination, Duration.ZERO);
    Duration half = s.leaseTime().dividedBy(2);
    this.renewBelow = margin.compareTo(half) > 0 ? margin : half;
    this.leases = deliveries.toArray(new ClaimedDelivery[0]);
    this.lost = new boolean[leases.length];
  }

  @Override
  public synchronized boolean held() {
    if (revoked && !anyLost) {
      Arrays.fill(lost, true);
      anyLost = true;
    }
    if (anyLost) {
      return false;
    }
    Instant now = s.clock().instant();
    if (Duration.between(now, earliestEnd()).compareTo(renewBelow) < 0) {
      Instant until = now.plus(s.leaseTime());
      try {
        for (int i = 0; i < leases.length; i++) {
          if (s.outbox().renew(leases[i], until)) {
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
        LOG.warn("Sync worker {} cannot renew a lease: {}", s.workerId(), e.toString());
      }
      if (anyLost) {
        return false;
      }
    }
    if (Duration.between(now, earliestEnd()).compareTo(margin) <= 0) {
      // Too little lease left for one more call (the outbox failed to renew it): stop here.
      Arrays.fill(lost, true);
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

  /** Says no from now on: the worker is stopping and gives the leases up. */
  void revoke() {
    revoked = true;
  }

  synchronized boolean lost(int i) {
    return lost[i] || revoked;
  }

  synchronized boolean anyLost() {
    return anyLost || revoked;
  }

  /** The i-th delivery with its lease as last renewed. */
  synchronized ClaimedDelivery delivery(int i) {
    return leases[i];
  }
}
