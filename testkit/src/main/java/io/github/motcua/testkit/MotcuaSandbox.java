package io.github.motcua.testkit;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.RetryLaterException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every remote party of a one-stop-shop system in one object (môi trường thử nghiệm): the national
 * and provincial portal fakes, the VNeID single sign-on fake, the payment platform fake, a
 * time-stamp authority and a test PKI with CRL and OCSP, each on its own free loopback port. It
 * hands out what a client needs to talk to them: URLs, credentials, trust anchors, a signing key,
 * the citizen personas.
 *
 * <p>As a JUnit 5 extension on a static field it starts before the first test of the class, stops
 * after the last (of the outermost class, {@code @Nested} ones included), and before each test
 * {@linkplain #reset() resets} the fakes (stored dossiers, sessions, tokens, orders, faults,
 * misbehaviours), so tests do not see each other's data. On an instance field each test gets a
 * sandbox of its own, stopped after the test:
 *
 * <pre>{@code
 * @RegisterExtension
 * static MotcuaSandbox sandbox = MotcuaSandbox.builder().nationalPortal().vneid().build();
 *
 * @Test
 * void publishesADossier() {
 *   NationalPortalClient client = NationalPortalClient.builder()
 *       .adapterUrl(sandbox.nationalPortal().baseUrl())
 *       .credentials(sandbox.nationalPortal().username(), sandbox.nationalPortal().password())
 *       .unitCode(sandbox.nationalPortal().unitCode()).agencyName("UBND xã Tân Hòa").build();
 *   sandbox.inject(Fault.network(0.3, 42));   // every fake now fails 30% of calls
 *   ...
 * }
 * }</pre>
 *
 * <p>A builder that names no part starts all of them. Outside JUnit, {@link #start()} and {@link
 * #close()} (try-with-resources) do the same; {@link MotcuaSandboxServer} runs one for manual work.
 *
 * <p>Thread-safe. No static state: test classes running in parallel each build their own sandbox on
 * their own ports.
 */
public final class MotcuaSandbox
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AutoCloseable {

  /** The parts a sandbox can run. */
  public enum Part {
    /** {@link NationalPortalFake}. */
    NATIONAL_PORTAL,
    /** {@link ProvincialPortalFake}. */
    PROVINCIAL_PORTAL,
    /** {@link VneidFake}. */
    VNEID,
    /** {@link PaymentPlatformFake}. */
    PAYMENT_PLATFORM,
    /** {@link TaxAuthorityFake}, trusting the {@link #PKI}'s anchors when it runs. */
    TAX_AUTHORITY,
    /** {@link TimestampAuthorityFake} (starts the {@link #PKI} too). */
    TIMESTAMP_AUTHORITY,
    /** {@link TestPki} with its CRL and OCSP server. */
    PKI
  }

  private static final String RUNNING = "motcua.sandbox.running";

  private final Set<Part> parts;
  private final Clock clock;
  private final Clock pkiClock;
  private final long seed;
  private final boolean resetBeforeEach;
  private final Duration timeoutDelay;
  private final Object lifecycle = new Object();
  private final ExtensionScope scope = new ExtensionScope();
  // Tests between beforeEach and afterEach; a store entry marks the tests this sandbox counted.
  private final AtomicInteger runningTests = new AtomicInteger();

  private volatile NationalPortalFake national;
  private volatile ProvincialPortalFake provincial;
  private volatile VneidFake vneid;
  private volatile PaymentPlatformFake payment;
  private volatile TestPki pki;
  private volatile TimestampAuthorityFake tsa;
  private volatile TaxAuthorityFake tax;

  private MotcuaSandbox(Builder b) {
    EnumSet<Part> chosen = b.parts.isEmpty() ? EnumSet.allOf(Part.class) : EnumSet.copyOf(b.parts);
    if (chosen.contains(Part.TIMESTAMP_AUTHORITY)) {
      chosen.add(Part.PKI);
    }
    this.parts = Collections.unmodifiableSet(chosen);
    this.clock = b.clock;
    this.pkiClock = b.pkiClock == null ? b.clock : b.pkiClock;
    this.seed = b.seed;
    this.resetBeforeEach = b.resetBeforeEach;
    this.timeoutDelay = b.timeoutDelay;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts every part on free loopback ports; does nothing when the sandbox runs already. When a
   * part fails to start, the parts already started are stopped and the failure is rethrown.
   *
   * @return this sandbox
   */
  public MotcuaSandbox start() {
    synchronized (lifecycle) {
      if (isRunning()) {
        return this;
      }
      // The PKI and VNeID generate RSA keys, the slow part of a start: they start on their own
      // threads while this one starts the portals.
      java.util.concurrent.ExecutorService starter =
          java.util.concurrent.Executors.newFixedThreadPool(
              2,
              r -> {
                Thread t = new Thread(r, "motcua-sandbox-start");
                t.setDaemon(true);
                return t;
              });
      java.util.concurrent.Future<TestPki> startingPki =
          parts.contains(Part.PKI)
              ? starter.submit(() -> TestPki.builder().clock(pkiClock).build())
              : null;
      java.util.concurrent.Future<VneidFake> startingVneid =
          parts.contains(Part.VNEID)
              ? starter.submit(() -> VneidFake.builder().clock(clock).seed(seed).build().start())
              : null;
      starter.shutdown();
      try {
        startPortals();
      } catch (RuntimeException e) {
        pki = await(startingPki, e);
        vneid = await(startingVneid, e);
        stopAll();
        throw e;
      }
      RuntimeException failure = null;
      try {
        pki = await(startingPki, null);
      } catch (RuntimeException e) {
        failure = e;
      }
      try {
        vneid = await(startingVneid, failure);
      } catch (RuntimeException e) {
        failure = e;
      }
      try {
        if (failure != null) {
          throw failure;
        }
        if (parts.contains(Part.TIMESTAMP_AUTHORITY)) {
          tsa = TimestampAuthorityFake.builder(pki).clock(clock).build();
        }
        if (parts.contains(Part.TAX_AUTHORITY)) {
          tax =
              TaxAuthorityFake.builder()
                  .clock(clock)
                  .trustAnchors(pki == null ? List.of() : pki.trustAnchors())
                  .start();
          tax.timeoutDelay(timeoutDelay);
        }
      } catch (RuntimeException e) {
        stopAll();
        throw e;
      }
      return this;
    }
  }

  /**
   * Waits for a part started on another thread.
   *
   * @param starting the start, or null when the part is not wanted
   * @param earlier a failure already seen, to which this one is added, or null
   * @return the part, or null when it was not wanted or failed after an earlier failure
   */
  private static <T> T await(java.util.concurrent.Future<T> starting, RuntimeException earlier) {
    if (starting == null) {
      return null;
    }
    try {
      return starting.get();
    } catch (java.util.concurrent.ExecutionException e) {
      RuntimeException failure =
          e.getCause() instanceof RuntimeException r
              ? r
              : new ConfigurationException("sandbox.start", "A part of the sandbox did not start.");
      if (earlier == null) {
        throw failure;
      }
      earlier.addSuppressed(failure);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      RetryLaterException failure =
          new RetryLaterException("sandbox.interrupted", "The sandbox start was interrupted.");
      if (earlier == null) {
        throw failure;
      }
      earlier.addSuppressed(failure);
      return null;
    }
  }

  /** Starts the fakes that start fast, on the calling thread (which holds the lifecycle lock). */
  private void startPortals() {
    if (parts.contains(Part.NATIONAL_PORTAL)) {
      national = NationalPortalFake.builder().clock(clock).start();
      national.timeoutDelay(timeoutDelay);
    }
    if (parts.contains(Part.PROVINCIAL_PORTAL)) {
      provincial = ProvincialPortalFake.builder().clock(clock).start();
      provincial.timeoutDelay(timeoutDelay);
    }
    if (parts.contains(Part.PAYMENT_PLATFORM)) {
      payment = PaymentPlatformFake.builder().clock(clock).seed(seed).start();
      payment.timeoutDelay(timeoutDelay);
    }
  }

  /**
   * Tells whether the sandbox runs.
   *
   * @return true between {@link #start()} and {@link #close()}
   */
  public boolean isRunning() {
    return national != null
        || provincial != null
        || vneid != null
        || payment != null
        || pki != null
        || tsa != null
        || tax != null;
  }

  /** Stops every part; does nothing when the sandbox is not running. */
  @Override
  public void close() {
    synchronized (lifecycle) {
      stopAll();
    }
  }

  private void stopAll() {
    List<AutoCloseable> running = new ArrayList<>();
    running.add(vneid);
    running.add(payment);
    running.add(provincial);
    running.add(national);
    running.add(tsa);
    running.add(tax);
    running.add(pki);
    RuntimeException failure = null;
    for (AutoCloseable c : running) {
      if (c == null) {
        continue;
      }
      try {
        c.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("A fake did not stop cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    vneid = null;
    payment = null;
    provincial = null;
    national = null;
    tsa = null;
    tax = null;
    pki = null;
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * Forgets what the fakes hold and how they were told to behave: stored dossiers, sessions and
   * tokens of the portals, payment orders, every fault preset, VNeID misbehaviours (back to the
   * default persona), time-stamp authority faults and delays. Keys, certificates, ports and
   * credentials are kept, so clients built before still work.
   */
  public void reset() {
    if (national != null) {
      national.reset();
    }
    if (provincial != null) {
      provincial.reset();
    }
    if (payment != null) {
      payment.reset();
    }
    if (vneid != null) {
      vneid.behave();
    }
    if (tsa != null) {
      tsa.reset();
    }
    if (tax != null) {
      tax.reset();
    }
    clearFaults();
  }

  /**
   * Applies a fault preset to every running fake.
   *
   * @param fault the preset; not null
   */
  public void inject(Fault fault) {
    Objects.requireNonNull(fault, "fault");
    fakes().values().forEach(f -> f.inject(fault));
  }

  /**
   * Applies a fault preset to one fake.
   *
   * @param part the fake
   * @param fault the preset; not null
   * @throws ConfigurationException with code {@code sandbox.part-missing} when the part does not
   *     run
   */
  public void inject(Part part, Fault fault) {
    Objects.requireNonNull(fault, "fault");
    FaultInjectable target = fakes().get(part);
    if (target == null) {
      throw missing(part);
    }
    target.inject(fault);
  }

  /** Removes every fault preset from every running fake. */
  public void clearFaults() {
    fakes().values().forEach(FaultInjectable::clearFaults);
  }

  /**
   * Returns the running fakes by part, each one able to take fault presets.
   *
   * @return an unmodifiable map in {@link Part} order
   */
  public Map<Part, FaultInjectable> fakes() {
    Map<Part, FaultInjectable> out = new EnumMap<>(Part.class);
    putIfRunning(out, Part.NATIONAL_PORTAL, national);
    putIfRunning(out, Part.PROVINCIAL_PORTAL, provincial);
    putIfRunning(out, Part.VNEID, vneid);
    putIfRunning(out, Part.PAYMENT_PLATFORM, payment);
    putIfRunning(out, Part.TAX_AUTHORITY, tax);
    putIfRunning(out, Part.TIMESTAMP_AUTHORITY, tsa);
    putIfRunning(out, Part.PKI, pki);
    return Collections.unmodifiableMap(out);
  }

  private static void putIfRunning(
      Map<Part, FaultInjectable> out, Part part, FaultInjectable fake) {
    if (fake != null) {
      out.put(part, fake);
    }
  }

  /**
   * Returns the parts this sandbox runs (or will run once started).
   *
   * @return an unmodifiable set
   */
  public Set<Part> parts() {
    return parts;
  }

  /**
   * Returns the national portal fake.
   *
   * @return the running fake
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public NationalPortalFake nationalPortal() {
    return require(national, Part.NATIONAL_PORTAL);
  }

  /**
   * Returns the provincial portal fake.
   *
   * @return the running fake
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public ProvincialPortalFake provincialPortal() {
    return require(provincial, Part.PROVINCIAL_PORTAL);
  }

  /**
   * Returns the VNeID single sign-on fake.
   *
   * @return the running fake
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public VneidFake vneid() {
    return require(vneid, Part.VNEID);
  }

  /**
   * Returns the tax authority's receipt gateway fake.
   *
   * @return the running fake
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public TaxAuthorityFake taxAuthority() {
    return require(tax, Part.TAX_AUTHORITY);
  }

  /**
   * Returns the payment platform fake.
   *
   * @return the running fake
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public PaymentPlatformFake paymentPlatform() {
    return require(payment, Part.PAYMENT_PLATFORM);
  }

  /**
   * Returns the time-stamp authority fake.
   *
   * @return the running fake
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public TimestampAuthorityFake timestampAuthority() {
    return require(tsa, Part.TIMESTAMP_AUTHORITY);
  }

  /**
   * Returns the test PKI (certificates, keys, CRL and OCSP).
   *
   * @return the running PKI
   * @throws ConfigurationException with code {@code sandbox.part-missing} when it does not run
   */
  public TestPki pki() {
    return require(pki, Part.PKI);
  }

  /**
   * Returns the certificates a verifier trusts: the test PKI's root.
   *
   * @return the trust anchors
   * @throws ConfigurationException with code {@code sandbox.part-missing} when the PKI does not run
   */
  public List<X509Certificate> trustAnchors() {
    return pki().trustAnchors();
  }

  /**
   * Returns the signing credential of the collecting unit (an organisation certificate with {@code
   * UID=MST:...}, RSA, chained to the test root): use it to sign receipts and results.
   *
   * @return the credential (private key and chain)
   * @throws ConfigurationException with code {@code sandbox.part-missing} when the PKI does not run
   */
  public TestPki.Credential organisationSigner() {
    return pki().organisationSigner();
  }

  /**
   * Returns the named citizen personas the VNeID fake can log in as.
   *
   * @return the four built-in personas
   */
  public List<VneidPersona> personas() {
    return List.of(
        VneidPersona.NGUYEN_VAN_AN,
        VneidPersona.TRAN_THI_BINH,
        VneidPersona.LE_HOANG_CUONG,
        VneidPersona.SEN_VANG_COMPANY);
  }

  /**
   * Returns the settings a client needs, by name ({@code national.url}, {@code national.username},
   * {@code national.password}, {@code national.unit}, {@code provincial.url}, {@code
   * provincial.token-url}, {@code provincial.client-id}, {@code provincial.client-secret}, {@code
   * vneid.issuer}, {@code vneid.client-id}, {@code vneid.client-secret}, {@code
   * vneid.redirect-uri}, {@code payment.url}, {@code payment.partner}, {@code payment.secret},
   * {@code tsa.url}, {@code tax.url}, {@code pki.ocsp-url}, {@code pki.crl-url}), for the parts
   * that run. These are sandbox credentials, not secrets, and may be printed.
   *
   * @return an unmodifiable map in a stable order
   */
  public Map<String, String> settings() {
    Map<String, String> out = new LinkedHashMap<>();
    NationalPortalFake n = national;
    if (n != null) {
      out.put("national.url", n.baseUrl());
      out.put("national.username", n.username());
      out.put("national.password", n.password());
      out.put("national.unit", n.unitCode());
    }
    ProvincialPortalFake p = provincial;
    if (p != null) {
      out.put("provincial.url", p.baseUrl());
      out.put("provincial.token-url", p.tokenUrl());
      out.put("provincial.client-id", p.clientId());
      out.put("provincial.client-secret", p.clientSecret());
    }
    VneidFake v = vneid;
    if (v != null) {
      out.put("vneid.issuer", v.issuer().toString());
      out.put("vneid.client-id", v.clientId());
      out.put("vneid.client-secret", v.clientSecret());
      out.put("vneid.redirect-uri", v.redirectUri().toString());
    }
    PaymentPlatformFake pay = payment;
    if (pay != null) {
      out.put("payment.url", pay.baseUrl());
      out.put("payment.partner", pay.partnerCode());
      out.put("payment.secret", pay.secretKey());
    }
    TimestampAuthorityFake t = tsa;
    if (t != null) {
      out.put("tsa.url", t.url());
    }
    TaxAuthorityFake tx = tax;
    if (tx != null) {
      out.put("tax.url", tx.baseUrl());
    }
    TestPki k = pki;
    if (k != null) {
      out.put("pki.ocsp-url", k.ocspUrl());
      out.put("pki.crl-url", k.baseUrl() + "/crl/intermediate.crl");
    }
    return Collections.unmodifiableMap(out);
  }

  private <T> T require(T fake, Part part) {
    if (fake == null) {
      throw missing(part);
    }
    return fake;
  }

  private ConfigurationException missing(Part part) {
    if (!parts.contains(part)) {
      return new ConfigurationException(
          "sandbox.part-missing",
          "This sandbox was built without " + part + "; add it to the builder.");
    }
    return new ConfigurationException(
        "sandbox.not-running", "The sandbox is not running; call start() or register it.");
  }

  /** Starts the sandbox before the first test of the class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    scope.beforeAll(this::start);
  }

  /**
   * Resets the fakes before each test, unless the builder said otherwise.
   *
   * @throws ConfigurationException {@code sandbox.concurrent-reset} when another test that shares
   *     this sandbox is still running (JUnit's concurrent execution): the reset would wipe its data
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    start();
    int running = runningTests.incrementAndGet();
    context.getStore(ExtensionContext.Namespace.create(this)).put(RUNNING, Boolean.TRUE);
    if (resetBeforeEach) {
      if (running > 1) {
        throw new ConfigurationException(
            "sandbox.concurrent-reset",
            "Tests that share this sandbox run at the same time, and resetting it before this one"
                + " would wipe the dossiers, sessions and faults of another. Register it on an"
                + " instance field (a sandbox per test), run these tests one at a time"
                + " (@Execution(ExecutionMode.SAME_THREAD)), or build it with"
                + " resetBeforeEach(false).");
      }
      reset();
    }
  }

  /** Stops a sandbox registered on an instance field: it belonged to this test alone. */
  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getStore(ExtensionContext.Namespace.create(this)).remove(RUNNING) != null) {
      runningTests.decrementAndGet();
    }
    scope.afterEach(this::close);
  }

  /** Stops the sandbox after the last test of the outermost class. */
  @Override
  public void afterAll(ExtensionContext context) {
    scope.afterAll(this::close);
  }

  @Override
  public String toString() {
    return "MotcuaSandbox" + parts + (isRunning() ? " running" : " stopped");
  }

  /** Configures a {@link MotcuaSandbox}. Not thread-safe. */
  public static final class Builder {
    private final EnumSet<Part> parts = EnumSet.noneOf(Part.class);
    private Clock clock = Clock.systemUTC();
    private Clock pkiClock;
    private long seed = 1;
    private boolean resetBeforeEach = true;
    private Duration timeoutDelay = Duration.ofSeconds(2);

    private Builder() {}

    /**
     * Adds parts to run. A builder that adds none runs all of them.
     *
     * @param more the parts
     * @return this builder
     */
    public Builder with(Part... more) {
      for (Part p : more) {
        parts.add(Objects.requireNonNull(p, "part"));
      }
      return this;
    }

    /**
     * Runs every part.
     *
     * @return this builder
     */
    public Builder all() {
      return with(Part.values());
    }

    /**
     * Adds the national portal fake.
     *
     * @return this builder
     */
    public Builder nationalPortal() {
      return with(Part.NATIONAL_PORTAL);
    }

    /**
     * Adds the provincial portal fake.
     *
     * @return this builder
     */
    public Builder provincialPortal() {
      return with(Part.PROVINCIAL_PORTAL);
    }

    /**
     * Adds the VNeID single sign-on fake.
     *
     * @return this builder
     */
    public Builder vneid() {
      return with(Part.VNEID);
    }

    /**
     * Adds the payment platform fake.
     *
     * @return this builder
     */
    public Builder paymentPlatform() {
      return with(Part.PAYMENT_PLATFORM);
    }

    /**
     * Adds the tax authority's receipt gateway fake (add {@link #pki()} too for it to check
     * signers' chains).
     *
     * @return this builder
     */
    public Builder taxAuthority() {
      return with(Part.TAX_AUTHORITY);
    }

    /**
     * Adds the time-stamp authority (and the test PKI it needs).
     *
     * @return this builder
     */
    public Builder timestampAuthority() {
      return with(Part.TIMESTAMP_AUTHORITY);
    }

    /**
     * Adds the test PKI with its CRL and OCSP server.
     *
     * @return this builder
     */
    public Builder pki() {
      return with(Part.PKI);
    }

    /**
     * Sets the clock every fake reads (sessions, tokens, payment times, time-stamps).
     *
     * @param clock the clock; default the UTC system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the clock the test PKI fixes its validity dates with (valid certificates run from one
     * year before its instant to two years after). Set it when signatures are dated in the past.
     *
     * @param clock the clock; default the sandbox clock
     * @return this builder
     */
    public Builder pkiClock(Clock clock) {
      this.pkiClock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the seed of the fakes' random choices (keys of the VNeID fake, transaction ids).
     *
     * @param seed the seed; default 1
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets whether the JUnit extension resets the fakes before each test. With the reset, tests
     * that share the sandbox must not run at the same time (it refuses with {@code
     * sandbox.concurrent-reset}); without it, they see each other's data.
     *
     * @param reset default true
     * @return this builder
     */
    public Builder resetBeforeEach(boolean reset) {
      this.resetBeforeEach = reset;
      return this;
    }

    /**
     * Sets how long a {@link PortalFault#TIMEOUT} holds a portal or payment reply back; keep it
     * above the clients' read timeout.
     *
     * @param delay default 2 seconds
     * @return this builder
     */
    public Builder timeoutDelay(Duration delay) {
      if (delay == null || delay.isNegative()) {
        throw new ConfigurationException(
            "sandbox.timeout-delay", "The timeout delay is 0 or more.");
      }
      this.timeoutDelay = delay;
      return this;
    }

    /**
     * Builds the sandbox (not started: {@link #start()} it, or register it as an extension).
     *
     * @return the sandbox
     */
    public MotcuaSandbox build() {
      return new MotcuaSandbox(this);
    }
  }
}
