package io.github.motcua.testkit;

import io.github.motcua.core.ConfigurationException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A fault preset (lỗi giả lập): which {@link PortalFault}s a fake suffers, and when, either for a
 * counted number of calls or at a seeded random rate. The one place where faults are described for
 * every fake of the test kit: give a preset to any {@link FaultInjectable} fake (national and
 * provincial portals, payment platform, VNeID, time-stamp authority, the test PKI's CRL and OCSP
 * server) or to {@link MotcuaSandbox#inject(Fault)}, which applies it to every fake it runs.
 *
 * <pre>{@code
 * portal.inject(Fault.next(PortalFault.TIMEOUT, 3));           // the next 3 calls time out
 * portal.inject(Fault.after(10, PortalFault.SERVER_ERROR, 1)); // the 11th call fails with 500
 * sandbox.inject(Fault.network(0.2, 42));                      // 20% of calls, any fault, seeded
 * }</pre>
 *
 * <p>Counted presets queue up behind earlier counted ones; a rate preset replaces the fake's
 * earlier rate preset and stays until {@link FaultInjectable#clearFaults()}. With a rate preset of
 * several kinds, each failing call draws its kind from the same seeded generator, so a run with the
 * same seed and the same sequence of calls fails the same way. Some faults happen before the fake
 * processes the request, others after (see {@link PortalFault}); a fault that cannot apply to a
 * call ({@link PortalFault#EXPIRED_CREDENTIALS} on a login) leaves that call alone.
 *
 * <p>Immutable and thread-safe.
 */
public final class Fault {

  private final Set<PortalFault> kinds;
  private final int passing;
  private final int calls;
  private final double rate;
  private final long seed;

  private Fault(Set<PortalFault> kinds, int passing, int calls, double rate, long seed) {
    this.kinds = kinds;
    this.passing = passing;
    this.calls = calls;
    this.rate = rate;
    this.seed = seed;
  }

  /**
   * The next calls fail with one fault.
   *
   * @param kind the fault; not null
   * @param calls how many calls, at least 1
   * @return the preset
   * @throws ConfigurationException with code {@code fault.calls} when calls is below 1
   */
  public static Fault next(PortalFault kind, int calls) {
    return after(0, kind, calls);
  }

  /**
   * Some calls pass, then the calls after them fail with one fault.
   *
   * @param passing how many calls pass first, 0 or more
   * @param kind the fault; not null
   * @param calls how many calls fail, at least 1
   * @return the preset
   * @throws ConfigurationException with code {@code fault.calls} when a count is out of range
   */
  public static Fault after(int passing, PortalFault kind, int calls) {
    Objects.requireNonNull(kind, "kind");
    if (passing < 0 || calls < 1) {
      throw new ConfigurationException(
          "fault.calls", "A counted fault needs passing >= 0 and calls >= 1.");
    }
    return new Fault(EnumSet.of(kind), passing, calls, 0, 0);
  }

  /**
   * Calls fail with one fault at a seeded random rate.
   *
   * @param kind the fault; not null
   * @param rate the share of calls that fail, 0 to 1
   * @param seed the seed of the draws
   * @return the preset
   * @throws ConfigurationException with code {@code fault.rate} when the rate is outside 0 to 1
   */
  public static Fault randomly(PortalFault kind, double rate, long seed) {
    return randomly(EnumSet.of(Objects.requireNonNull(kind, "kind")), rate, seed);
  }

  /**
   * Calls fail at a seeded random rate, each failing call with one of the given faults drawn at
   * random.
   *
   * @param kinds the faults; not null, not empty
   * @param rate the share of calls that fail, 0 to 1
   * @param seed the seed of the draws
   * @return the preset
   * @throws ConfigurationException with code {@code fault.rate} or {@code fault.kinds}
   */
  public static Fault randomly(Set<PortalFault> kinds, double rate, long seed) {
    Objects.requireNonNull(kinds, "kinds");
    if (kinds.isEmpty()) {
      throw new ConfigurationException("fault.kinds", "A fault preset names at least one fault.");
    }
    if (!(rate >= 0 && rate <= 1)) {
      throw new ConfigurationException("fault.rate", "A fault rate is between 0 and 1.");
    }
    return new Fault(EnumSet.copyOf(kinds), 0, 0, rate, seed);
  }

  /**
   * An unstable network: calls fail at a seeded rate, each with any of the {@link PortalFault}s
   * (resets, timeouts, 500, 503, 429, malformed replies, expired credentials).
   *
   * @param rate the share of calls that fail, 0 to 1
   * @param seed the seed of the draws
   * @return the preset
   * @throws ConfigurationException with code {@code fault.rate} when the rate is outside 0 to 1
   */
  public static Fault network(double rate, long seed) {
    return randomly(EnumSet.allOf(PortalFault.class), rate, seed);
  }

  /**
   * Reads a preset from text, as the sandbox server's admin endpoint receives it: {@code TIMEOUT*3}
   * (the next 3 calls), {@code SERVER_ERROR*1+10} (after 10 passing calls), {@code
   * SERVER_ERROR@0.3} (30% of calls, seed 0), {@code SERVER_ERROR,TIMEOUT@0.3#42} (either fault,
   * seed 42) or {@code network@0.2#7} (any fault). Case-insensitive.
   *
   * @param text the text; not null
   * @return the preset
   * @throws ConfigurationException with code {@code fault.syntax} when the text is not a preset
   */
  public static Fault parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip().toUpperCase(Locale.ROOT);
    try {
      int at = t.indexOf('@');
      if (at >= 0) {
        String kindsText = t.substring(0, at);
        String rest = t.substring(at + 1);
        long seed = 0;
        int hash = rest.indexOf('#');
        if (hash >= 0) {
          seed = Long.parseLong(rest.substring(hash + 1));
          rest = rest.substring(0, hash);
        }
        double rate = Double.parseDouble(rest);
        if (kindsText.equals("NETWORK")) {
          return network(rate, seed);
        }
        Set<PortalFault> kinds = EnumSet.noneOf(PortalFault.class);
        for (String k : kindsText.split(",")) {
          kinds.add(PortalFault.valueOf(k.strip()));
        }
        return randomly(kinds, rate, seed);
      }
      int star = t.indexOf('*');
      if (star < 0) {
        throw new IllegalArgumentException();
      }
      PortalFault kind = PortalFault.valueOf(t.substring(0, star).strip());
      String rest = t.substring(star + 1);
      int passing = 0;
      int plus = rest.indexOf('+');
      if (plus >= 0) {
        passing = Integer.parseInt(rest.substring(plus + 1).strip());
        rest = rest.substring(0, plus);
      }
      return after(passing, kind, Integer.parseInt(rest.strip()));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "fault.syntax",
          "A fault preset reads KIND*calls, KIND*calls+passing, KIND[,KIND]@rate[#seed] or"
              + " network@rate[#seed], with KIND one of "
              + List.of(PortalFault.values())
              + ".");
    }
  }

  /**
   * Returns the faults of this preset.
   *
   * @return an unmodifiable set, never empty
   */
  public Set<PortalFault> kinds() {
    return java.util.Collections.unmodifiableSet(kinds);
  }

  /**
   * Tells whether this preset fails a counted number of calls (rather than a share of calls).
   *
   * @return true for {@link #next} and {@link #after}
   */
  public boolean isCounted() {
    return calls > 0;
  }

  /**
   * Returns how many calls pass before a counted preset starts failing.
   *
   * @return 0 or more; 0 for a rate preset
   */
  public int passing() {
    return passing;
  }

  /**
   * Returns how many calls a counted preset fails.
   *
   * @return at least 1 for a counted preset, 0 for a rate preset
   */
  public int calls() {
    return calls;
  }

  /**
   * Returns the share of calls a rate preset fails.
   *
   * @return 0 to 1; 0 for a counted preset
   */
  public double rate() {
    return rate;
  }

  /**
   * Returns the seed of a rate preset's draws.
   *
   * @return the seed; 0 for a counted preset
   */
  public long seed() {
    return seed;
  }

  /**
   * Returns the single fault of a counted preset.
   *
   * @return the fault
   */
  PortalFault single() {
    return kinds.iterator().next();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fault f
        && kinds.equals(f.kinds)
        && passing == f.passing
        && calls == f.calls
        && Double.compare(rate, f.rate) == 0
        && seed == f.seed;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kinds, passing, calls, rate, seed);
  }

  /**
   * Returns the preset in the syntax {@link #parse(String)} reads.
   *
   * @return for example {@code TIMEOUT*3+10} or {@code network@0.2#7}
   */
  @Override
  public String toString() {
    if (isCounted()) {
      return single() + "*" + calls + (passing > 0 ? "+" + passing : "");
    }
    String names =
        kinds.equals(EnumSet.allOf(PortalFault.class))
            ? "network"
            : String.join(",", kinds.stream().map(Enum::name).toList());
    return names + "@" + rate + "#" + seed;
  }
}
