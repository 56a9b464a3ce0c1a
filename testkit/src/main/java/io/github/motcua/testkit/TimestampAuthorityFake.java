package io.github.motcua.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.motcua.testkit.internal.tsa.TsaResponder;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake RFC 3161 time-stamp authority (đơn vị cấp dấu thời gian) served over HTTP on a free
 * loopback port, signing with the {@linkplain TestPki#timestampAuthority() time-stamping
 * certificate} of a {@link TestPki}.
 *
 * <p>It validates what it receives as a real authority does: the request must be a DER {@code
 * TimeStampReq} posted as {@code application/timestamp-query}, with an allowed hash algorithm and,
 * when it names one, this authority's policy; otherwise it answers with a rejection. It echoes the
 * nonce, includes its certificates when asked, and stamps the time from its clock.
 *
 * <p>It can be told to misbehave in named ways ({@link Fault}), and to reply slowly through a
 * WireMock delay (tests never sleep):
 *
 * <pre>{@code
 * try (TestPki pki = TestPki.builder().build();
 *     TimestampAuthorityFake tsa = TimestampAuthorityFake.builder(pki).build()) {
 *   tsa.fail(TimestampAuthorityFake.Fault.WRONG_NONCE);
 *   tsa.delayReplies(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Thread-safe; each instance has its own server and state.
 */
public final class TimestampAuthorityFake
    implements AutoCloseable,
        BeforeAllCallback,
        AfterAllCallback,
        AfterEachCallback,
        FaultInjectable {

  /** The default policy OID this authority stamps under (in the example arc 2.999). */
  public static final String DEFAULT_POLICY = "2.999.3161.1";

  /** A way the authority misbehaves on purpose. */
  public enum Fault {
    /** Answers correctly. */
    NONE,
    /** Answers with PKI status "rejection" and failure info {@code systemFailure}. */
    ERROR_STATUS,
    /** Answers with a valid token whose nonce is not the request's. */
    WRONG_NONCE,
    /** Answers with a valid token over a different message imprint. */
    WRONG_IMPRINT
  }

  private final WireMockServer server;
  private final TsaResponder responder;
  private final ExtensionScope scope = new ExtensionScope();
  private final io.github.motcua.testkit.internal.portal.FaultSchedule networkFaults =
      new io.github.motcua.testkit.internal.portal.FaultSchedule();
  private final TestPki pki;
  private final String policy;
  private final X509Certificate certificate;

  private TimestampAuthorityFake(Builder builder) {
    this.pki = builder.pki;
    this.policy = builder.policy;
    TestPki.Credential credential =
        builder.credential == null ? pki.timestampAuthority() : builder.credential;
    this.certificate = credential.certificate();
    this.responder =
        new TsaResponder(credential.privateKey(), credential.chain(), policy, builder.clock);
    this.server =
        new WireMockServer(
            io.github.motcua.testkit.internal.sandbox.LoopbackServers.options(10)
                .extensions(
                    new io.github.motcua.testkit.internal.sandbox.FaultingTransformer(
                        responder, networkFaults)));
    server.start();
    stub(Duration.ZERO);
  }

  private void stub(Duration delay) {
    server.resetMappings();
    server.stubFor(
        post(urlEqualTo("/tsa"))
            .willReturn(
                aResponse()
                    .withFixedDelay((int) delay.toMillis())
                    .withTransformers(TsaResponder.NAME)));
  }

  /**
   * Returns a builder.
   *
   * @param pki the test PKI whose time-stamping certificate signs the tokens
   * @return a new builder
   */
  public static Builder builder(TestPki pki) {
    return new Builder(pki);
  }

  /**
   * Returns the URL to post requests to.
   *
   * @return {@code http://127.0.0.1:<port>/tsa}
   */
  public String url() {
    return "http://127.0.0.1:" + server.port() + "/tsa";
  }

  /**
   * Returns the policy OID this authority stamps under and accepts in requests.
   *
   * @return the dotted OID
   */
  public String policy() {
    return policy;
  }

  /**
   * Returns the time-stamping certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Makes every following reply misbehave in the given way ({@link Fault#NONE} to heal).
   *
   * @param fault the fault
   */
  public void fail(Fault fault) {
    responder.mode(TsaResponder.Mode.valueOf(fault == Fault.NONE ? "HEALTHY" : fault.name()));
  }

  /**
   * Delays every following reply by the given time (server side, with WireMock's fixed delay);
   * {@link Duration#ZERO} removes the delay.
   *
   * @param delay the delay
   */
  public void delayReplies(Duration delay) {
    stub(Objects.requireNonNull(delay, "delay"));
  }

  /**
   * Applies a network fault preset to this fake's HTTP endpoints (see {@link
   * io.github.motcua.testkit.Fault}); {@link PortalFault#EXPIRED_CREDENTIALS} does not apply here.
   *
   * @param fault the preset; not null
   */
  @Override
  public void inject(io.github.motcua.testkit.Fault fault) {
    networkFaults.apply(java.util.Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every network fault preset. */
  @Override
  public void clearFaults() {
    networkFaults.clear();
  }

  /**
   * Returns how often a network fault was injected.
   *
   * @param fault the fault
   * @return the count
   */
  @Override
  public long injectedFaults(PortalFault fault) {
    return networkFaults.injected(fault);
  }

  /** Heals every fault and removes any delay. */
  public void reset() {
    fail(Fault.NONE);
    stub(Duration.ZERO);
  }

  /**
   * Returns how many requests were received.
   *
   * @return the count
   */
  public int requestCount() {
    return responder.requests();
  }

  /** Stops the server. */
  @Override
  public void close() {
    server.stop();
  }

  /** Notes a registration on a static field: this fake lives until its class ends. */
  @Override
  public void beforeAll(ExtensionContext context) {
    scope.beforeAll(() -> {});
  }

  /** Closes this fake after the last test of the outermost class, on a static field. */
  @Override
  public void afterAll(ExtensionContext context) {
    scope.afterAll(this::close);
  }

  /** Closes this fake after the test, on an instance field: it belonged to this test alone. */
  @Override
  public void afterEach(ExtensionContext context) {
    scope.afterEach(this::close);
  }

  /** Builds a {@link TimestampAuthorityFake}. Not thread-safe; build once. */
  public static final class Builder {
    private final TestPki pki;
    private Clock clock = Clock.systemUTC();
    private String policy = DEFAULT_POLICY;
    private TestPki.Credential credential;

    private Builder(TestPki pki) {
      this.pki = Objects.requireNonNull(pki, "pki");
    }

    /**
     * Signs with another credential of the PKI, such as {@link
     * TestPki#renewedTimestampAuthority()}.
     *
     * @param credential the key and chain; default {@link TestPki#timestampAuthority()}
     * @return this builder
     */
    public Builder credential(TestPki.Credential credential) {
      this.credential = Objects.requireNonNull(credential, "credential");
      return this;
    }

    /**
     * Sets the clock whose time goes into the tokens.
     *
     * @param clock the clock; default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the policy OID.
     *
     * @param policy the dotted OID; default {@link #DEFAULT_POLICY}
     * @return this builder
     */
    public Builder policy(String policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the fake and starts it on a free loopback port.
     *
     * @return the running fake
     */
    public TimestampAuthorityFake build() {
      return new TimestampAuthorityFake(this);
    }
  }
}
