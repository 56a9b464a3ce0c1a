package io.github.motcua.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a fake registered with {@code @RegisterExtension} lives; its JUnit callbacks delegate
 * here.
 *
 * <p>On a static field JUnit calls {@code beforeAll} and {@code afterAll} for the class, and again
 * for each {@code @Nested} class inside it (and for each class that inherits the field): the fake
 * stops when the last of those classes ends, not after the first nested one (which would restart it
 * on new ports). On an instance field JUnit calls neither, only the per-test callbacks: the fake
 * then belongs to one test and stops after it, instead of leaving its server running for the rest
 * of the run.
 */
final class ExtensionScope {

  private final AtomicInteger openClasses = new AtomicInteger();

  /**
   * At {@code beforeAll}: a class holds the fake.
   *
   * @param start what starts the fake, or nothing for a fake that runs from its construction
   */
  void beforeAll(Runnable start) {
    openClasses.incrementAndGet();
    start.run();
  }

  /**
   * At {@code afterAll}: stops the fake when no other class holds it.
   *
   * @param stop what stops the fake
   */
  void afterAll(Runnable stop) {
    if (openClasses.updateAndGet(n -> Math.max(0, n - 1)) == 0) {
      stop.run();
    }
  }

  /**
   * At {@code afterEach}: stops the fake when no class holds it (an instance field).
   *
   * @param stop what stops the fake
   */
  void afterEach(Runnable stop) {
    if (openClasses.get() == 0) {
      stop.run();
    }
  }
}
