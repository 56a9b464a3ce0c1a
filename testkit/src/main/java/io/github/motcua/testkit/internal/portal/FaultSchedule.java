package io.github.motcua.testkit.internal.portal;

import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.PortalFault;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Which fault the next request suffers: a queue of counted faults, then a seeded rate. */
public final class FaultSchedule {

  private final Deque<java.util.Optional<PortalFault>> next = new ArrayDeque<>();
  private final Map<PortalFault, Long> injected = new EnumMap<>(PortalFault.class);
  private List<PortalFault> randomFaults;
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
    this.randomFaults = List.of(fault);
    this.rate = rate;
    this.random = new Random(seed);
  }

  /**
   * Applies a fault preset: a counted one is queued, a rate one replaces the random faults.
   *
   * @param fault the preset
   */
  public synchronized void apply(Fault fault) {
    if (fault.isCounted()) {
      failNextAfter(fault.passing(), fault.kinds().iterator().next(), fault.calls());
    } else {
      this.randomFaults = List.copyOf(fault.kinds());
      this.rate = fault.rate();
      this.random = new Random(fault.seed());
    }
  }

  /** Removes every scheduled fault. */
  public synchronized void clear() {
    next.clear();
    randomFaults = null;
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
    } else if (randomFaults != null && random.nextDouble() < rate) {
      PortalFault drawn =
          randomFaults.size() == 1
              ? randomFaults.get(0)
              : randomFaults.get(random.nextInt(randomFaults.size()));
      fault = applicable.test(drawn) ? drawn : null;
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
