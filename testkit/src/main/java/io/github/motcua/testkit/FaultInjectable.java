package io.github.motcua.testkit;

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
   * Returns how often a fault was injected since the fake started (or was reset).
   *
   * @param fault the fault
   * @return the count
   */
  long injectedFaults(PortalFault fault);
}
