package io.github.motcua.portal;

import java.time.Duration;

/**
 * Waits between retries. The default, {@link #system()}, really sleeps; tests inject one that
 * advances a test clock instead, so retry and timeout behaviour is tested without waiting.
 *
 * <p>Implementations must be thread-safe: several calls may wait at once.
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for the given time.
   *
   * @param duration how long to wait; zero or positive
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /**
   * Returns the sleeper that blocks the calling thread with {@link Thread#sleep(long)}.
   *
   * @return the system sleeper
   */
  static Sleeper system() {
    return duration -> {
      if (!duration.isZero() && !duration.isNegative()) {
        Thread.sleep(duration.toMillis());
      }
    };
  }
}
