package io.github.motcua.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.ConfigurationException;
import java.time.Clock;
import java.util.Objects;
import okhttp3.OkHttpClient;

/**
 * The settings every portal client's builder shares: the integrator's HTTP client, JSON mapper,
 * clock and retry policy, with their defaults. Package-private: integrators see these methods on
 * {@link NationalPortalClient.Builder} and {@link ProvincialPortalClient.Builder}. Not thread-safe.
 *
 * @param <B> the concrete builder, returned by each setter
 */
abstract class PortalClientBuilder<B extends PortalClientBuilder<B>> {

  OkHttpClient okHttp;
  ObjectMapper mapper;
  Clock clock = Clock.systemUTC();
  RetryPolicy retryPolicy = RetryPolicy.defaults();
  int recordMemory = 16_384;
  private final String name;

  /**
   * Creates a builder.
   *
   * @param name the client's name in setting codes, such as {@code national}
   */
  PortalClientBuilder(String name) {
    this.name = name;
  }

  @SuppressWarnings("unchecked")
  private B self() {
    return (B) this;
  }

  /**
   * Sets the HTTP client to derive from (its connection pool is shared); default a new one.
   *
   * @param okHttp the client; not null
   * @return this builder
   */
  public B okHttpClient(OkHttpClient okHttp) {
    this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
    return self();
  }

  /**
   * Sets the JSON mapper; default a plain {@link ObjectMapper}.
   *
   * @param mapper the mapper; not null
   * @return this builder
   */
  public B objectMapper(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    return self();
  }

  /**
   * Sets the clock (credential expiry, retry budgets, circuit); default UTC system clock.
   *
   * @param clock the clock; not null
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Sets the retry policy; default {@link RetryPolicy#defaults()}.
   *
   * @param retryPolicy the policy; not null
   * @return this builder
   */
  public B retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return self();
  }

  /**
   * Sets how many dossiers the client remembers the last stored record of (default 16,384; 0
   * remembers none). An event that leaves the record as the event before it stored it, such as most
   * completed steps and every rating, then costs one request less: the record is sent again only
   * when it changed, or when this client did not itself store it for the event just before (after a
   * restart, an eviction, a failure, or an event another process delivered or an operator skipped).
   *
   * @param dossiers the number of dossiers, at least 0
   * @return this builder
   * @throws ConfigurationException when negative
   */
  public B recordMemory(int dossiers) {
    if (dossiers < 0) {
      throw new ConfigurationException(
          "portal.config." + (name + ".record-memory"),
          "The record memory holds at least 0 dossiers.");
    }
    this.recordMemory = dossiers;
    return self();
  }

  /** Fills in the defaults of the settings left unset; called by {@code build()}. */
  void applyDefaults() {
    if (okHttp == null) {
      okHttp = new OkHttpClient();
    }
    if (mapper == null) {
      mapper = new ObjectMapper();
    }
  }
}
