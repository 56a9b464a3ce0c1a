package io.github.motcua.portal.sync;

import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrator's {@link SyncListener} with its exceptions caught and logged: a failing listener
 * never stops a delivery nor the recording of its outcome.
 */
final class GuardedListener implements SyncListener {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final SyncListener listener;

  GuardedListener(SyncListener listener) {
    this.listener = listener;
  }

  private static void guarded(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("A sync listener failed; ignored", e);
    }
  }

  @Override
  public void delivered(ClaimedDelivery delivery, Duration sinceRecorded) {
    guarded(() -> listener.delivered(delivery, sinceRecorded));
  }

  @Override
  public void retryScheduled(
      ClaimedDelivery delivery, Exception failure, int attempts, Instant nextAttemptAt) {
    guarded(() -> listener.retryScheduled(delivery, failure, attempts, nextAttemptAt));
  }

  @Override
  public void deadLettered(ClaimedDelivery delivery, String reason) {
    guarded(() -> listener.deadLettered(delivery, reason));
  }

  @Override
  public void destinationDown(String destination, Exception failure, Instant probeAt) {
    guarded(() -> listener.destinationDown(destination, failure, probeAt));
  }

  @Override
  public void destinationUp(String destination, Duration downFor) {
    guarded(() -> listener.destinationUp(destination, downFor));
  }

  @Override
  public void leaseLost(ClaimedDelivery delivery) {
    guarded(() -> listener.leaseLost(delivery));
  }
}
