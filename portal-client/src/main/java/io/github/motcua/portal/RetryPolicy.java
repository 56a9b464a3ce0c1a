package io.github.motcua.portal;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How a portal client retries, times out and protects a portal that is down.
 *
 * <ul>
 *   <li><b>Which failures</b>: connection failures, timeouts, HTTP 429 and 5xx, and replies that
 *       cannot be parsed are retried, but only for operations that are safe to repeat (every
 *       publishing operation of motcua is made safe: creates turn into updates, processing steps
 *       are checked before being sent again, requests carry an idempotency key derived from the
 *       event id). Business rejections and refused credentials are never retried.
 *   <li><b>How long to wait</b>: exponential backoff with full jitter: before retry {@code n} (1
 *       for the first retry) the client waits a random time between 0 and {@code min(maxBackoff,
 *       initialBackoff × 2^(n-1))}. A {@code Retry-After} from the portal replaces that wait; one
 *       longer than {@link #maxRetryAfter()} ends the call with a {@link RetryLaterException}
 *       carrying the hint, so that an outbox can come back later.
 *   <li><b>Timeouts</b>: {@link #connectTimeout()} and {@link #readTimeout()} apply to each
 *       attempt; {@link #totalTimeout()} bounds a whole call, attempts and waits included.
 *   <li><b>Circuit breaker</b>: see {@link CircuitState}.
 *   <li><b>Under a sync worker</b>: a publication whose {@link Publication#retryOwner()} is {@link
 *       RetryOwner#CALLER} (what a {@code SyncWorker} sends) is not retried with backoff nor held
 *       by the circuit breaker: the worker owns backoff, outage detection and parking. Each request
 *       of such a publish is repeated at most once at once after a renewed session or token, and at
 *       most once after a {@code Retry-After} of no more than {@link #maxImmediateRetryAfter()}.
 * </ul>
 *
 * <p>Waiting goes through the {@link Sleeper}, and time is read from the client's {@code Clock}, so
 * tests replace both and never really wait. Jitter comes from a {@link Random}, seeded in tests.
 *
 * <p>Immutable and thread-safe. {@link #defaults()} suits production; {@link #newBuilder()} derives
 * a variant.
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = new Builder().build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Duration maxImmediateRetryAfter;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration totalTimeout;
  private final int circuitFailureThreshold;
  private final Duration circuitOpenDuration;
  private final Sleeper sleeper;
  private final Random random;

  private RetryPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.maxImmediateRetryAfter = b.maxImmediateRetryAfter;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.totalTimeout = b.totalTimeout;
    this.circuitFailureThreshold = b.circuitFailureThreshold;
    this.circuitOpenDuration = b.circuitOpenDuration;
    this.sleeper = b.sleeper;
    this.random = b.random;
  }

  /**
   * Returns the default policy: 5 attempts, backoff from 500 ms capped at 30 s, {@code Retry-After}
   * honoured up to 2 minutes (5 seconds within a publish whose caller owns retries), connect
   * timeout 10 s, read timeout 30 s, total 3 minutes, circuit opening after 10 consecutive failures
   * for 30 s, the {@link Sleeper#system() system sleeper}.
   *
   * @return the shared default policy
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a policy that makes exactly one attempt (timeouts and circuit as in the defaults).
   *
   * @return a policy without retries
   */
  public static RetryPolicy noRetries() {
    return new Builder().maxAttempts(1).build();
  }

  /**
   * Starts a builder with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this policy's settings.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.maxRetryAfter = maxRetryAfter;
    b.maxImmediateRetryAfter = maxImmediateRetryAfter;
    b.connectTimeout = connectTimeout;
    b.readTimeout = readTimeout;
    b.totalTimeout = totalTimeout;
    b.circuitFailureThreshold = circuitFailureThreshold;
    b.circuitOpenDuration = circuitOpenDuration;
    b.sleeper = sleeper;
    b.random = random;
    return b;
  }

  /**
   * Computes the wait before a retry, with full jitter.
   *
   * @param retry the retry number, 1 for the first retry (the second attempt)
   * @return a duration between zero and {@code min(maxBackoff, initialBackoff × 2^(retry-1))}
   */
  public Duration backoff(int retry) {
    long ceiling = ceilingMillis(retry);
    if (ceiling <= 0) {
      return Duration.ZERO;
    }
    long millis =
        random == null
            ? ThreadLocalRandom.current().nextLong(ceiling + 1)
            : nextLong(random, ceiling + 1);
    return Duration.ofMillis(millis);
  }

  /**
   * Returns the upper bound of the jittered wait before a retry.
   *
   * @param retry the retry number, 1 for the first retry
   * @return {@code min(maxBackoff, initialBackoff × 2^(retry-1))}
   */
  public Duration backoffCeiling(int retry) {
    return Duration.ofMillis(ceilingMillis(retry));
  }

  private long ceilingMillis(int retry) {
    int shift = Math.max(0, Math.min(retry - 1, 40));
    long base = initialBackoff.toMillis();
    long cap = maxBackoff.toMillis();
    if (base <= 0) {
      return 0;
    }
    long grown = base > (cap >> shift) ? cap : base << shift;
    return Math.min(cap, grown);
  }

  private static long nextLong(Random random, long bound) {
    synchronized (random) {
      // Random is thread-safe, but one lock keeps a seeded sequence reproducible per call order.
      return random.nextLong(bound);
    }
  }

  /**
   * Returns the maximum number of attempts of one call, the first included.
   *
   * @return at least 1
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the backoff ceiling before the first retry.
   *
   * @return the initial backoff
   */
  public Duration initialBackoff() {
    return initialBackoff;
  }

  /**
   * Returns the cap on any backoff ceiling.
   *
   * @return the cap
   */
  public Duration maxBackoff() {
    return maxBackoff;
  }

  /**
   * Returns the longest {@code Retry-After} the client waits for within one call.
   *
   * @return the limit
   */
  public Duration maxRetryAfter() {
    return maxRetryAfter;
  }

  /**
   * Returns the longest {@code Retry-After} the client waits for within a publish whose retries its
   * caller owns ({@link RetryOwner#CALLER}, as a {@code SyncWorker}'s): it then sends the request
   * once more after that wait, and leaves a longer one to the caller.
   *
   * @return the limit; zero leaves every {@code Retry-After} to the caller
   */
  public Duration maxImmediateRetryAfter() {
    return maxImmediateRetryAfter;
  }

  /**
   * Returns the connect timeout of each attempt.
   *
   * @return the timeout
   */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /**
   * Returns the read timeout of each attempt (longest silence while reading the reply).
   *
   * @return the timeout
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /**
   * Returns the time budget of one call, all attempts and waits included.
   *
   * @return the budget
   */
  public Duration totalTimeout() {
    return totalTimeout;
  }

  /**
   * Returns how many consecutive failed attempts open the circuit.
   *
   * @return at least 1
   */
  public int circuitFailureThreshold() {
    return circuitFailureThreshold;
  }

  /**
   * Returns how long the circuit stays open before a trial call.
   *
   * @return the duration
   */
  public Duration circuitOpenDuration() {
    return circuitOpenDuration;
  }

  /**
   * Returns the sleeper used between retries.
   *
   * @return the sleeper
   */
  public Sleeper sleeper() {
    return sleeper;
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", maxRetryAfter="
        + maxRetryAfter
        + ", maxImmediateRetryAfter="
        + maxImmediateRetryAfter
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", totalTimeout="
        + totalTimeout
        + ", circuitFailureThreshold="
        + circuitFailureThreshold
        + ", circuitOpenDuration="
        + circuitOpenDuration
        + "]";
  }

  /** Builds a {@link RetryPolicy}. Not thread-safe. */
  public static final class Builder {
    private int maxAttempts = 5;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration maxRetryAfter = Duration.ofMinutes(2);
    private Duration maxImmediateRetryAfter = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration totalTimeout = Duration.ofMinutes(3);
    private int circuitFailureThreshold = 10;
    private Duration circuitOpenDuration = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.system();
    private Random random;

    private Builder() {}

    /**
     * Sets the maximum number of attempts, the first included.
     *
     * @param maxAttempts 1 or more (1 disables retries)
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new ConfigurationException(
            "portal.config.retry.max-attempts", "maxAttempts must be at least 1.");
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets the backoff ceiling before the first retry; it doubles for each further retry.
     *
     * @param initialBackoff zero or positive
     * @return this builder
     */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative(initialBackoff, "retry.initial-backoff");
      return this;
    }

    /**
     * Sets the cap on the backoff ceiling.
     *
     * @param maxBackoff zero or positive
     * @return this builder
     */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative(maxBackoff, "retry.max-backoff");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} waited for inside one call.
     *
     * @param maxRetryAfter zero or positive
     * @return this builder
     */
    public Builder maxRetryAfter(Duration maxRetryAfter) {
      this.maxRetryAfter = nonNegative(maxRetryAfter, "retry.max-retry-after");
      return this;
    }

    /**
     * Sets the longest {@code Retry-After} waited for inside a publish whose retries its caller
     * owns ({@link RetryOwner#CALLER}, a {@code SyncWorker}); default 5 seconds. Such a publish
     * sends a request at most once more after that wait; a longer {@code Retry-After} ends it and
     * the caller comes back later.
     *
     * @param maxImmediateRetryAfter zero or positive; zero leaves every {@code Retry-After} to the
     *     caller
     * @return this builder
     */
    public Builder maxImmediateRetryAfter(Duration maxImmediateRetryAfter) {
      this.maxImmediateRetryAfter =
          nonNegative(maxImmediateRetryAfter, "retry.max-immediate-retry-after");
      return this;
    }

    /**
     * Sets the connect timeout of each attempt.
     *
     * @param connectTimeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "retry.connect-timeout");
      return this;
    }

    /**
     * Sets the read timeout of each attempt.
     *
     * @param readTimeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = positive(readTimeout, "retry.read-timeout");
      return this;
    }

    /**
     * Sets the time budget of one call, attempts and waits included, measured on the client's
     * clock.
     *
     * @param totalTimeout positive
     * @return this builder
     */
    public Builder totalTimeout(Duration totalTimeout) {
      this.totalTimeout = positive(totalTimeout, "retry.total-timeout");
      return this;
    }

    /**
     * Sets how many consecutive failed attempts open the circuit.
     *
     * @param threshold 1 or more
     * @return this builder
     */
    public Builder circuitFailureThreshold(int threshold) {
      if (threshold < 1) {
        throw new ConfigurationException(
            "portal.config.retry.circuit-failure-threshold",
            "circuitFailureThreshold must be at least 1.");
      }
      this.circuitFailureThreshold = threshold;
      return this;
    }

    /**
     * Sets how long the circuit stays open before one trial call.
     *
     * @param openDuration positive
     * @return this builder
     */
    public Builder circuitOpenDuration(Duration openDuration) {
      this.circuitOpenDuration = positive(openDuration, "retry.circuit-open-duration");
      return this;
    }

    /**
     * Sets what waits between retries.
     *
     * @param sleeper not null
     * @return this builder
     */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Sets the source of jitter; pass a seeded {@link Random} for reproducible waits.
     *
     * @param random not null; used under its own lock
     * @return this builder
     */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     * @throws ConfigurationException when the cap is below the initial backoff
     */
    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new ConfigurationException(
            "portal.config.retry.max-backoff",
            "maxBackoff must not be shorter than initialBackoff.");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(Duration d, String setting) {
      if (d == null || d.isNegative()) {
        throw new ConfigurationException(
            "portal.config." + setting, setting + " must be zero or positive.");
      }
      return d;
    }

    private static Duration positive(Duration d, String setting) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new ConfigurationException(
            "portal.config." + setting, setting + " must be positive.");
      }
      return d;
    }
  }
}
