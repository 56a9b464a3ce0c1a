package io.github.motcua.examples.commune;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * A clock that reads the simulated instant of the calling thread, and the system clock in threads
 * that set none. The simulation replays a quarter in seconds: while a thread records what happened
 * to one dossier at 09:12 on 15 August, the parts it calls (payment platform, receipt issuer,
 * signer) date their work at that instant, while the fakes' own threads (sessions, tokens) and the
 * outbox keep real time.
 */
final class SimulatedClock extends Clock {

  private final ThreadLocal<Instant> now = new ThreadLocal<>();

  @Override
  public Instant instant() {
    Instant at = now.get();
    return at != null ? at : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.system(zone);
  }

  /**
   * Runs a task at a simulated instant in the calling thread.
   *
   * @param at the instant
   * @param task the task
   * @param <T> its result
   * @return the result
   */
  <T> T at(Instant at, Supplier<T> task) {
    Instant before = now.get();
    now.set(at);
    try {
      return task.get();
    } finally {
      if (before == null) {
        now.remove();
      } else {
        now.set(before);
      }
    }
  }
}
