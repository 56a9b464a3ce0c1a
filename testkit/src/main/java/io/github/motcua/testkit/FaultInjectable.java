package io.github.motcua.testkit;

import io.github.motcua.core.ConfigurationException;

/**
 * A fake that can be told to fail with {@link Fault} presets. Every fake of the test kit that
 * answers over HTTP implements it, so one preset (an unstable network, a burst of 503s) applies to
 * any of them, and {@link MotcuaSandbox} applies it to all of them at once.
 *
 * <p>Implementations are thread-safe: faults may be switched while clients call the fake.
 */
public interface FaultInjectable {

  /**
   * Applies a fault preset: a counted preset queues behind earlier counted ones; a rate preset
   * replaces the earlier rate preset.
   *
   * @param fault the preset; not null
   */
  void inject(Fault fault);

  /** Removes every fault preset: counted ones not yet used and the rate preset. */
  void clearFaults();

  /**
   * Injects a fault into the next calls: {@code inject(Fault.next(fault, calls))}.
   *
   * @param fault the fault; not null
   * @param calls how many calls, at least 1
   * @throws ConfigurationException with code {@code fault.calls} when calls is below 1
   */
  default void failNext(PortalFault fault, int calls) {
    inject(Fault.next(fault, calls));
  }

  /**
   * Lets some calls pass, then injects a fault into the calls after them: {@code
   * inject(Fault.after(passing, fault, calls))}.
   *
   * @param passing how many calls pass first, 0 or more
   * @param fault the fault; not null
   * @param calls how many calls fail, at least 1
   * @throws ConfigurationException with code {@code fault.calls} when a count is out of range
   */
  default void failNextAfter(int passing, PortalFault fault, int calls) {
    inject(Fault.after(passing, fault, calls));
  }

  /**
   * Injects a fault at a seeded random rate until {@link #clearFaults()}: {@code
   * inject(Fault.randomly(fault, rate, seed))}.
   *
   * @param fault the fault; not null
   * @param rate the share of calls, 0 to 1
   * @param seed the seed of the draws
   * @throws ConfigurationException with code {@code fault.rate} when the rate is outside 0 to 1
   */
  default void failRandomly(PortalFault fault, double rate, long seed) {
    inject(Fault.randomly(fault, rate, seed));
  }

  /**
   * Returns how often a fault was injected since the fake started (or was reset).
   *
   * @param fault the fault
   * @return the count
   */
  long injectedFaults(PortalFault fault);
}
