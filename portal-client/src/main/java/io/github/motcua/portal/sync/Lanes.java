package io.github.motcua.portal.sync;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lanes of one run of a worker (its background, or a drain on temporary threads) and the two
 * loops over them: the background's {@link #dispatch} and the {@link #drain}. Both run the same
 * {@link #claimRound() claim round}. Only one thread claims on a set of lanes at a time.
 */
final class Lanes {

  private static final Logger LOG = LoggerFactory.getLogger(SyncWorker.class);

  private final WorkerSettings s;
  private final List<Lane> lanes;
  private final Semaphore wakeUps;

  Lanes(WorkerSettings settings, List<Lane> lanes, Semaphore wakeUps) {
    this.s = settings;
    this.lanes = List.copyOf(lanes);
    this.wakeUps = wakeUps;
  }

  Collection<Lane> all() {
    return lanes;
  }

  /**
   * One claim round: records every finished outcome, then claims for every lane with room and hands
   * what it got to its threads.
   *
   * @return one future per group handed over; empty when nothing was claimed
   * @throws MotcuaException when the outbox fails
   */
  List<Future<?>> claimRound() {
    for (Lane lane : lanes) {
      lane.flush();
    }
    List<Future<?>> started = new ArrayList<>();
    for (Lane lane : lanes) {
      if (lane.worthClaiming()) {
        started.addAll(lane.claimAndSubmit());
      }
    }
    return started;
  }

  /**
   * The background: claim rounds until {@code running} says no, waiting for a settled delivery or
   * the poll interval when a round found nothing, and leaving the claiming to a drain meanwhile.
   *
   * @param running whether to go on
   * @param drainRunning whether a drain claims on these lanes now
   * @param waitForDrain waits a while for the drain to end
   */
  void dispatch(BooleanSupplier running, BooleanSupplier drainRunning, Waiter waitForDrain) {
    while (running.getAsBoolean()) {
      if (drainRunning.getAsBoolean()) {
        try {
          waitForDrain.await();
        } catch (InterruptedException e) {
          return;
        }
        continue;
      }
      boolean claimed = false;
      try {
        claimed = !claimRound().isEmpty();
      } catch (MotcuaException e) {
        LOG.warn("Sync worker {} cannot claim deliveries: {}", s.workerId(), e.toString());
      }
      if (!claimed) {
        try {
          // Woken early when a delivery settles: its dossier's next event may now be due.
          wakeUps.tryAcquire(s.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
          wakeUps.drainPermits();
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Something to wait for, interruptibly. */
  @FunctionalInterface
  interface Waiter {
    void await() throws InterruptedException;
  }

  /**
   * Delivers everything deliverable on these lanes (see {@link SyncWorker#drain(Duration)}).
   *
   * @param deadline when to give up, on the worker's clock
   * @param sleeper what waits for backoffs and pauses
   * @return true when nothing deliverable is left, false when the deadline came first
   */
  boolean drain(Instant deadline, Sleeper sleeper) throws InterruptedException {
    List<Future<?>> inFlight = new ArrayList<>();
    boolean lookedAgain = false;
    while (true) {
      for (Iterator<Future<?>> it = inFlight.iterator(); it.hasNext(); ) {
        Future<?> f = it.next();
        if (f.isDone()) {
          it.remove();
          rethrow(f);
        }
      }
      List<Future<?>> started = claimRound();
      if (!started.isEmpty()) {
        inFlight.addAll(started);
        lookedAgain = false;
        continue;
      }
      if (!inFlight.isEmpty() || held()) {
        // A slow delivery holds only its own dossier: wait for any delivery to settle, then claim
        // what became due (the next event of that dossier, for one). On a started worker this
        // includes what the background claimed before the drain began: its leases end when it
        // settles, not when they run out. One look serves every delivery that settled meanwhile:
        // without draining the permits, each of them cost a claim that found nothing.
        if (wakeUps.tryAcquire(s.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
          wakeUps.drainPermits();
        }
        continue;
      }
      Optional<Instant> next = nextClaimableAt();
      if (next.isEmpty()) {
        return true;
      }
      Instant now = s.clock().instant();
      Duration wait = Duration.between(now, next.get());
      if (wait.compareTo(s.pollInterval()) > 0) {
        if (othersHoldLeases()) {
          // Another worker's lease may be settled long before it ends: look again soon.
          wait = s.pollInterval();
        } else if (!next.equals(nextClaimableAt())) {
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
  }

  private boolean held() {
    for (Lane lane : lanes) {
      if (lane.holds()) {
        return true;
      }
    }
    return false;
  }

  private Optional<Instant> nextClaimableAt() {
    Optional<Instant> next = Optional.empty();
    for (Lane lane : lanes) {
      Optional<Instant> n = lane.nextClaimableAt();
      if (n.isPresent() && (next.isEmpty() || n.get().isBefore(next.get()))) {
        next = n;
      }
    }
    return next;
  }

  private boolean othersHoldLeases() {
    for (Lane lane : lanes) {
      if (!lane.holds() && s.outbox().status(lane.destination).inFlight() > 0) {
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

  /** Stops the threads at once and records what finished (a drain's temporary lanes). */
  void close() {
    lanes.forEach(lane -> lane.pool.shutdownNow());
    lanes.forEach(Lane::flushQuietly);
  }
}
