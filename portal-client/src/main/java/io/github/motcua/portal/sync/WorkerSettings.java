package io.github.motcua.portal.sync;

import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.sync.internal.SnapshotFolder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What the parts of one {@link SyncWorker} share: its outbox, its id, its settings and its
 * listener. Immutable.
 *
 * @param outbox the outbox the worker claims from and settles in
 * @param workerId the owner name of its leases
 * @param workerThreads delivery threads per destination
 * @param batchSize the most deliveries one destination holds
 * @param retryPolicy the backoff between attempts and the growth of outage pauses
 * @param deadLetterThreshold counted failures that park an event
 * @param outageThreshold consecutive failures that make a destination down
 * @param leaseTime how long a claim is held
 * @param pollInterval how often the background looks for due deliveries
 * @param clock the clock of leases, backoffs and pauses
 * @param listener the integrator's listener, its exceptions caught
 * @param folder the snapshot folder
 * @param builtAt when the worker was built, on its clock
 * @param callMargins per destination, the least lease a portal call may start with
 */
record WorkerSettings(
    DeliveryQueue outbox,
    String workerId,
    int workerThreads,
    int batchSize,
    RetryPolicy retryPolicy,
    int deadLetterThreshold,
    int outageThreshold,
    Duration leaseTime,
    Duration pollInterval,
    Clock clock,
    GuardedListener listener,
    SnapshotFolder folder,
    Instant builtAt,
    Map<String, Duration> callMargins) {

  /** The pause of a destination after the n-th failure while it is down: the backoff ceiling. */
  Duration outagePause(int n) {
    Duration ceiling = retryPolicy.backoffCeiling(n);
    return ceiling.compareTo(pollInterval) < 0 ? pollInterval : ceiling;
  }
}
