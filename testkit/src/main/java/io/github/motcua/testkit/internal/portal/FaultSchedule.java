package io.github.motcua.testkit.internal.portal;

import io.github.motcua.testkit.PortalFault;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/** Which fault the next request suffers: a queue of counted faults, then a seeded rate. */
public final class FaultSchedule {

  private final Deque<java.util.Optional<PortalFault>> next = new ArrayDeque<>();
  private final Map<PortalFault, Long> injected = new EnumMap<>(PortalFault.class);
  private PortalFault randomFault;
  private double rate;
  private Random random;

  /** Creates an empty schedule. */
  public FaultSchedule() {}

  /**
   * Queues a fault for the next calls.
   *
   * @param fault the fault
   * @param calls how many calls
   */
  public synchronized void failNext(PortalFault fault, int calls) {
    failNextAfter(0, fault, calls);
  }

  /**
   * Lets some calls pass, then queues a fault for the calls after them.
   *
   * @param passing how many calls pass first
   * @param fault the fault
   * @param calls how many calls fail
   */
  public synchronized void failNextAfter(int passing, PortalFault fault, int calls) {
    for (int i = 0; i < passing; i++) {
      next.addLast(java.util.Optional.empty());
    }
    for (int i = 0; i < calls; i++) {
      next.addLast(java.util.Optional.of(fault));
    }
  }

  /**
   * Applies a fault at a seeded random rate.
   *
   * @param fault the fault
   * @param rate between 0 and 1
   * @param seed the seed
   */
  public synchronized void failRandomly(PortalFault fault, double rate, long seed) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be between 0 and 1");
    }
    this.randomFault = fault;
    this.rate = rate;
    this.random = new Random(seed);
  }

  /** Removes every scheduled fault. */
  public synchronized void clear() {
    next.clear();
    randomFault = null;
    random = null;
  }

  /**
   * Draws the fault of the next request.
   *
   * @param applicable whether the fault may apply to this request (EXPIRED_CREDENTIALS does not
   *     apply to logins)
   * @return the fault, or null for none
   */
  public synchronized PortalFault draw(java.util.function.Predicate<PortalFault> applicable) {
    PortalFault fault = null;
    if (!next.isEmpty()
        && (next.peekFirst().isEmpty() || applicable.test(next.peekFirst().get()))) {
      fault = next.pollFirst().orElse(null);
    } else if (randomFault != null && random.nextDouble() < rate && applicable.test(randomFault)) {
      fault = randomFault;
    }
    if (fault != null) {
      injected.merge(fault, 1L, Long::sum);
    }
    return fault;
  }

  /**
   * Returns how often a fault was injected.
   *
   * @param fault the fault
   * @return the count
   */
  public synchronized long injected(PortalFault fault) {
    return injected.getOrDefault(fault, 0L);
  }
}
