package io.github.motcua.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
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

  PortalClientBuilder() {}

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
