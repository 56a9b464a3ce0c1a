package io.github.motcua.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a fake registered with {@code @RegisterExtension} lives.
 *
 * <p>On a static field JUnit calls {@code beforeAll} and {@code afterAll} for the class, and again
 * for each {@code @Nested} class inside it: the fake stops when the outermost class ends, not after
 * the first nested one (which would restart it on new ports). On an instance field JUnit calls
 * neither, only the per-test callbacks: the fake then belongs to one test and stops after it,
 * instead of leaving its server running for the rest of the run.
 */
final class ExtensionScope {

  private final AtomicInteger openClasses = new AtomicInteger();

  /** Records a {@code beforeAll}. */
  void classStarted() {
    openClasses.incrementAndGet();
  }

  /**
   * Records an {@code afterAll}.
   *
   * @return true when the outermost class has ended and the fake should stop
   */
  boolean classEnded() {
    return openClasses.updateAndGet(n -> Math.max(0, n - 1)) == 0;
  }

  /**
   * Answers at {@code afterEach}.
   *
   * @return true when no class holds the fake (an instance field), so it stops after the test
   */
  boolean testEndsIt() {
    return openClasses.get() == 0;
  }
}
