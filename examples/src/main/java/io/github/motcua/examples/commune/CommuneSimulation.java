package io.github.motcua.examples.commune;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.OfficeSession;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.json.MotcuaJson;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.core.report.ReportPeriod;
import io.github.motcua.core.report.ServiceQualityReport;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.payment.CallbackOutcome;
import io.github.motcua.portal.payment.JdbcPaymentOrderStore;
import io.github.motcua.portal.payment.PaymentPlatformClient;
import io.github.motcua.portal.payment.PaymentReconciler;
import io.github.motcua.portal.payment.PaymentRequest;
import io.github.motcua.portal.receipt.HttpReceiptTransmitter;
import io.github.motcua.portal.receipt.ReceiptDestination;
import io.github.motcua.portal.receipt.TaxAuthorityProfile;
import io.github.motcua.portal.sync.ClaimedDelivery;
import io.github.motcua.portal.sync.JdbcSyncOutbox;
import io.github.motcua.portal.sync.OutboxOperator;
import io.github.motcua.portal.sync.OutboxWriter;
import io.github.motcua.portal.sync.SyncListener;
import io.github.motcua.portal.sync.SyncWorker;
import io.github.motcua.signing.CmsSigner;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.receipt.CollectingUnit;
import io.github.motcua.signing.receipt.EReceiptHtml;
import io.github.motcua.signing.receipt.EReceiptIssuer;
import io.github.motcua.signing.receipt.EReceiptVerification;
import io.github.motcua.signing.receipt.EReceiptVerifier;
import io.github.motcua.signing.receipt.IssuedCancellation;
import io.github.motcua.signing.receipt.IssuedReceipt;
import io.github.motcua.signing.receipt.JdbcReceiptNumberAllocator;
import io.github.motcua.signing.receipt.PaymentMethod;
import io.github.motcua.signing.receipt.ReceiptEvents;
import io.github.motcua.signing.receipt.ReceiptRequest;
import io.github.motcua.signing.receipt.ReceiptSeries;
import io.github.motcua.signing.xml.XmlSignatureVerifier;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.MotcuaSandbox;
import io.github.motcua.testkit.PaymentPlatformFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.vneid.CitizenIdentity;
import io.github.motcua.vneid.CitizenLogin;
import io.github.motcua.vneid.ClientAuthentication;
import io.github.motcua.vneid.LoginRequest;
import io.github.motcua.vneid.VneidClient;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javax.sql.DataSource;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * One quarter of a commune's Public Administrative Service Center, replayed against the test kit's
 * sandbox: citizens log in through VNeID, dossiers move through their lifecycles over the quarter's
 * working days with due dates from the working calendar, fees are paid through the payment platform
 * or at the counter and each payment gets a numbered, signed e-receipt, results are signed, and
 * every event goes through the durable outbox to the national and provincial portals while the
 * network fails. At the end each fake is reconciled against the local records.
 *
 * <p>Everything is seeded: the same options give the same dossiers, events, receipts and report.
 */
public final class CommuneSimulation {

  /** The commune's agency code (also the national portal fake's unit code). */
  static final AgencyCode COMMUNE = AgencyCode.parse("000.00.31.H56");

  /**
   * The quarter simulated: the first under Decree 254/2026/NĐ-CP and Circular 91/2026/TT-BTC, whose
   * receipts are sent to the tax authority.
   */
  static final ReportPeriod QUARTER = ReportPeriod.quarter(2026, 3);

  /** The tax code of the collecting unit, as in the sandbox's organisation certificate. */
  static final TaxCode UNIT_TAX_CODE = TaxCode.parse("0100233488");

  static final CollectingUnit UNIT =
      new CollectingUnit(
          "Trung tâm Phục vụ hành chính công xã Quảng Phú",
          UNIT_TAX_CODE,
          COMMUNE,
          "Thôn Phú Lộc, xã Quảng Phú, tỉnh Thanh Hóa");

  static final ReceiptSeries SERIES = ReceiptSeries.of(UNIT_TAX_CODE, "EBL01", "26TQP");

  /** The outbox destination of the tax authority. */
  static final String TAX = "tax-authority";

  /** A paid dossier's receipt is replaced (wrong payer details) once in this many. */
  static final int REPLACE_EVERY = 97;

  /** A paid dossier's receipt is cancelled and issued again once in this many. */
  static final int CANCEL_EVERY = 193;

  private static final String TABLE_PREFIX = "cq_";

  /** The share of payment callbacks the line to the platform loses. */
  static final double CALLBACK_LOSS = 0.05;

  /** How long after an order without a callback the reconciler asks the platform about it. */
  static final Duration RECONCILE_AFTER = Duration.ofMinutes(15);

  private static final int VERIFIED_SAMPLE = 60;

  /** Delivery threads per portal: a sixth of the faults hold a reply past the read time-out. */
  private static final int DELIVERY_THREADS = 48;

  /**
   * Idle connections the shared HTTP client keeps: one per delivery thread of both portals, plus
   * the officers' calls. With OkHttp's default of 5 (or a pool smaller than the threads using it)
   * every wave of calls past the pool's size opens new connections: about 2,900 more a quarter with
   * 32, and over TLS to a real portal each costs a handshake.
   */
  private static final int IDLE_CONNECTIONS = 2 * DELIVERY_THREADS + 16;

  /**
   * What an unstable network does to a call: resets, time-outs, 500 and 503 from a proxy, 429, a
   * reply cut short. An expired session is not a network fault: a portal session lasts many calls,
   * so the sessions of both portals expire every {@link #SESSION_EXPIRY_EVERY} dossiers instead
   * (which also makes every delivery thread using them fail at once and log in again).
   */
  static final java.util.Set<PortalFault> NETWORK_FAULTS =
      java.util.EnumSet.complementOf(java.util.EnumSet.of(PortalFault.EXPIRED_CREDENTIALS));

  static final int SESSION_EXPIRY_EVERY = 150;
  private static final String LOOKUP_SITE = "https://tracuu.example.vn/bienlai";

  /** A procedure of the commune's catalogue, with its time limit and fee. */
  enum Procedure {
    BIRTH(
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
            .withProcessingTime(ProcessingTime.ofWorkingDays(3)),
        null,
        30),
    CERTIFIED_COPY(
        new ProcedureRef(
                ProcedureCode.parse("2.000908"),
                "Chứng thực bản sao từ bản chính",
                "CT",
                "Chứng thực")
            .withProcessingTime(ProcessingTime.ofWorkingHours(8)),
        new Fee(
            Fee.Kind.FEE,
            "P-CT",
            "Phí chứng thực bản sao",
            Vnd.of(2_000),
            Fee.CollectionStage.AT_RECEPTION),
        45),
    MARITAL_STATUS(
        new ProcedureRef(
                ProcedureCode.parse("1.000656"), "Xác nhận tình trạng hôn nhân", "HT", "Hộ tịch")
            .withProcessingTime(ProcessingTime.ofWorkingDays(3)),
        null,
        20),
    BUILDING_PERMIT(
        new ProcedureRef(
                ProcedureCode.parse("1.004227"),
                "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "XD",
                "Xây dựng")
            .withProcessingTime(ProcessingTime.ofWorkingDays(15)),
        new Fee(
            Fee.Kind.CHARGE,
            "LP-XD",
            "Lệ phí cấp giấy phép xây dựng",
            Vnd.of(75_000),
            Fee.CollectionStage.AT_RECEPTION),
        5);

    final ProcedureRef ref;
    final Fee fee;
    final int weight;

    Procedure(ProcedureRef ref, Fee fee, int weight) {
      this.ref = ref;
      this.fee = fee;
      this.weight = weight;
    }

    static Procedure draw(Random random) {
      int n = random.nextInt(100);
      for (Procedure p : values()) {
        if (n < p.weight) {
          return p;
        }
        n -= p.weight;
      }
      return BIRTH;
    }
  }

  /** How a dossier ends. */
  enum Fate {
    COMPLETED,
    REFUSED,
    WITHDRAWN_BEFORE_ACCEPTANCE,
    WITHDRAWN_DURING_PROCESSING
  }

  /** What the quarter holds for one dossier, drawn up front from the seed. */
  record Plan(
      int index,
      DossierCode code,
      Procedure procedure,
      Resident applicant,
      SubmissionChannel channel,
      Instant submittedAt,
      Fate fate,
      boolean supplement,
      int steps,
      int copies,
      boolean payOnline,
      Rating.Satisfaction rating) {

    boolean online() {
      return channel.isOnline();
    }
  }

  private final QuarterOptions options;
  private final PrintStream out;
  private final boolean terminal;
  private final MotcuaSandbox givenSandbox;
  private final SimulatedClock clock = new SimulatedClock();
  private final DeadlinePolicy policy = DeadlinePolicy.vietnam();
  private final DossierLifecycle lifecycle = DossierLifecycle.create(policy);
  private final Map<String, Duration> timings = new LinkedHashMap<>();
  private final Map<String, Duration> cpuTimings = new LinkedHashMap<>();
  private long phaseCpu;

  private CommuneSimulation(
      QuarterOptions options, PrintStream out, boolean terminal, MotcuaSandbox sandbox) {
    this.options = options;
    this.out = out;
    this.terminal = terminal;
    this.givenSandbox = sandbox;
  }

  /**
   * Runs one quarter on its own sandbox, printing progress and results.
   *
   * @param options the settings
   * @param out where to print
   * @param terminal whether {@code out} is a terminal (progress bars) or not (plain lines)
   * @return what happened
   */
  public static QuarterResult run(QuarterOptions options, PrintStream out, boolean terminal) {
    return new CommuneSimulation(options, out, terminal, null).run();
  }

  /**
   * Runs one quarter against a sandbox the caller started (and stops), so that a test can inspect
   * the fakes afterwards. The sandbox must run the national and provincial portals, VNeID, the
   * payment platform and the PKI, with a PKI whose certificates are valid in 2025.
   *
   * @param options the settings
   * @param out where to print
   * @param sandbox the running sandbox
   * @return what happened
   */
  static QuarterResult run(QuarterOptions options, PrintStream out, MotcuaSandbox sandbox) {
    return new CommuneSimulation(options, out, false, sandbox).run();
  }

  /**
   * Builds a sandbox suited to the simulation: every fake, a PKI whose certificates are valid over
   * the quarter, short timeouts so that the injected network faults cost little time.
   *
   * @param clock the clock of the fakes
   * @param seed the seed
   * @return the sandbox, not started
   */
  static MotcuaSandbox sandbox(Clock clock, long seed) {
    return MotcuaSandbox.builder()
        .nationalPortal()
        .provincialPortal()
        .vneid()
        .paymentPlatform()
        .taxAuthority()
        .pki()
        .clock(clock)
        .pkiClock(Clock.fixed(QUARTER.start().minus(Duration.ofDays(1)), ZoneOffset.UTC))
        .seed(seed)
        // A timeout fault holds the reply 1.8 s, past the clients' 1.5 s read timeout. Shorter read
        // timeouts (500 ms were tried) let a request that a loaded machine has not yet processed
        // time out and be looked up and sent again, and then stored twice when it finally runs.
        .timeoutDelay(Duration.ofMillis(1800))
        .build();
  }

  // ------------------------------------------------------------------------------------- run

  /**
   * Reconciles the tax authority fake against the receipt documents the commune recorded: every
   * receipt, replacement and cancellation of the quarter, each once.
   */
  private void printReceipts(
      OutboxOperator outbox, MotcuaSandbox sandbox, java.util.Set<String> documents) {
    java.util.Set<String> held = new java.util.HashSet<>();
    for (io.github.motcua.testkit.TaxAuthorityFake.Accepted a : sandbox.taxAuthority().accepted()) {
      held.add(a.series() + ":" + a.number() + ":" + a.kind());
    }
    long missing = documents.stream().filter(d -> !held.contains(d)).count();
    long unknown = held.stream().filter(d -> !documents.contains(d)).count();
    out.printf(
        "receipts: %d issued, %d transmitted, %d missing%n",
        documents.size(), held.size(), missing);
    out.printf(
        "  documents: %d numbered receipts (%d of them replacements) and %d cancellations; the"
            + " tax authority holds %d unknown, numbering gaps %s, refusals %s, dead letters %d%n",
        documents.stream().filter(d -> !d.endsWith(":CANCELLATION")).count(),
        documents.stream().filter(d -> d.endsWith(":REPLACEMENT")).count(),
        documents.stream().filter(d -> d.endsWith(":CANCELLATION")).count(),
        unknown,
        sandbox.taxAuthority().gaps().isEmpty() ? "none" : sandbox.taxAuthority().gaps(),
        sandbox.taxAuthority().refusals().isEmpty() ? "none" : sandbox.taxAuthority().refusals(),
        outbox.deadLetters(TAX).size());
  }

  private QuarterResult run() {
    long t0 = System.nanoTime();
    Path outDir = options.out().toAbsolutePath();
    Path receiptsDir = outDir.resolve("receipts");
    Path resultsDir = outDir.resolve("results");
    out.printf(
        "motcua: one quarter (%s) of a commune's Public Administrative Service Center%n", QUARTER);
    out.printf(
        "  %,d dossiers, %,d online, %s, seed %d%n",
        options.dossiers(),
        options.online(),
        options.faultRate() > 0
            ? String.format(
                java.util.Locale.ROOT,
                "network failing %.0f%% of portal calls (resets, time-outs, 5xx, 429, cut replies),"
                    + " portal sessions expiring every %d dossiers",
                options.faultRate() * 100,
                SESSION_EXPIRY_EVERY)
            : "no network faults",
        options.seed());

    // Phase 1: the sandbox, the database, the clients.
    long phase = System.nanoTime();
    phaseCpu = processCpu();
    MotcuaSandbox sandbox =
        givenSandbox != null ? givenSandbox : sandbox(clock, options.seed()).start();
    HikariDataSource pool = null;
    SyncWorker worker = null;
    ExecutorService pool2 = null;
    OkHttpClient http = null;
    try {
      prepareFolder(outDir, receiptsDir, resultsDir);
      pool = dataSource(outDir);
      resetTables(pool);
      JdbcSyncOutbox outbox =
          JdbcSyncOutbox.builder()
              .dataSource(pool)
              .destinations("national", "provincial", TAX)
              .tablePrefix(TABLE_PREFIX)
              .build()
              .createSchemaIfMissing();
      createLocalTable(pool);
      JdbcReceiptNumberAllocator allocator =
          JdbcReceiptNumberAllocator.builder().dataSource(pool).tablePrefix(TABLE_PREFIX).build();
      allocator.createSchemaIfMissing();

      TestPki.Credential signer = sandbox.organisationSigner();
      SigningKey key = KeyStoreSigningKey.of(signer.privateKey(), signer.chain());
      EReceiptIssuer issuer =
          EReceiptIssuer.builder()
              .collectingUnit(UNIT)
              .series(SERIES)
              .allocator(allocator)
              .signingKey(key)
              .clock(clock)
              .random(new Random(options.seed()))
              .build();
      CmsSigner resultSigner = CmsSigner.builder().key(key).clock(clock).build();

      http =
          new OkHttpClient.Builder()
              .connectionPool(
                  new ConnectionPool(IDLE_CONNECTIONS, 1, java.util.concurrent.TimeUnit.MINUTES))
              .build();
      RetryPolicy callRetries =
          RetryPolicy.builder()
              .maxAttempts(4)
              .initialBackoff(Duration.ofMillis(5))
              .maxBackoff(Duration.ofMillis(80))
              .maxRetryAfter(Duration.ofMillis(50))
              .connectTimeout(Duration.ofSeconds(2))
              .readTimeout(Duration.ofMillis(1500))
              .totalTimeout(Duration.ofSeconds(10))
              .circuitFailureThreshold(1000)
              .circuitOpenDuration(Duration.ofMillis(100))
              .random(new Random(options.seed()))
              .build();
      NationalPortalClient national =
          NationalPortalClient.builder()
              .adapterUrl(sandbox.nationalPortal().baseUrl())
              .credentials(sandbox.nationalPortal().username(), sandbox.nationalPortal().password())
              .unitCode(sandbox.nationalPortal().unitCode())
              .agencyName("UBND xã Tân Hòa")
              .okHttpClient(http)
              .retryPolicy(callRetries)
              .build();
      ProvincialPortalClient provincial =
          ProvincialPortalClient.builder()
              .profile(
                  ProvincialPortalProfile.builder()
                      .baseUrl(sandbox.provincialPortal().baseUrl())
                      .tokenUrl(sandbox.provincialPortal().tokenUrl())
                      .clientCredentials(
                          sandbox.provincialPortal().clientId(),
                          sandbox.provincialPortal().clientSecret())
                      .build())
              .okHttpClient(http)
              .retryPolicy(callRetries)
              .build();
      PaymentPlatformClient payments =
          PaymentPlatformClient.builder()
              .baseUrl(sandbox.paymentPlatform().baseUrl())
              .partnerCode(sandbox.paymentPlatform().partnerCode())
              .secretKey(sandbox.paymentPlatform().secretKey())
              .okHttpClient(http)
              .clock(clock)
              .orderStore(
                  JdbcPaymentOrderStore.builder()
                      .dataSource(pool)
                      .tablePrefix(TABLE_PREFIX)
                      .build()
                      .createSchemaIfMissing())
              .build();
      // The line to the platform loses a share of the callbacks; the reconciler asks about them.
      sandbox
          .paymentPlatform()
          .callbackFault(PaymentPlatformFake.CallbackFault.DROP, CALLBACK_LOSS);
      PaymentReconciler reconciler =
          PaymentReconciler.builder().client(payments).queryAfter(RECONCILE_AFTER).build();
      VneidFake sso = sandbox.vneid();
      VneidClient vneid =
          VneidClient.builder()
              .issuer(sso.issuer())
              .clientId(sso.clientId())
              .clientAuthentication(ClientAuthentication.clientSecretBasic(sso.clientSecret()))
              .redirectUri(sso.redirectUri())
              .httpClient(http)
              .build();

      // The network fails from now on; the worker delivers in the background while the officers
      // record the quarter.
      AtomicLong settled = new AtomicLong();
      Fault network = Fault.randomly(NETWORK_FAULTS, options.faultRate(), options.seed());
      sandbox.inject(MotcuaSandbox.Part.NATIONAL_PORTAL, network);
      sandbox.inject(
          MotcuaSandbox.Part.PROVINCIAL_PORTAL,
          Fault.randomly(NETWORK_FAULTS, options.faultRate(), options.seed() + 1));
      sandbox.inject(
          MotcuaSandbox.Part.TAX_AUTHORITY,
          Fault.randomly(NETWORK_FAULTS, options.faultRate(), options.seed() + 3));
      HttpReceiptTransmitter taxGateway =
          HttpReceiptTransmitter.builder()
              .profile(
                  TaxAuthorityProfile.builder().baseUrl(sandbox.taxAuthority().baseUrl()).build())
              .okHttpClient(http)
              .retryPolicy(callRetries)
              .clock(clock)
              .build();
      SyncWorker.Builder workers =
          SyncWorker.builder()
              .outbox(outbox)
              .destination("national", national)
              .destination("provincial", provincial)
              .destination(TAX, ReceiptDestination.of(TAX, taxGateway))
              .workerThreads(DELIVERY_THREADS)
              // The national client sends up to ten records a call: claiming 256 at a time keeps
              // enough of those shared calls in flight to fill the threads.
              .batchSize(256)
              .retryPolicy(
                  RetryPolicy.builder()
                      .initialBackoff(Duration.ofMillis(20))
                      .maxBackoff(Duration.ofMillis(400))
                      .random(new Random(options.seed() + 2))
                      .build())
              .deadLetterThreshold(60)
              .outageThreshold(40)
              .pollInterval(Duration.ofMillis(50))
              .listener(
                  new SyncListener() {
                    @Override
                    public void delivered(ClaimedDelivery delivery, Duration sinceRecorded) {
                      settled.incrementAndGet();
                    }

                    @Override
                    public void deadLettered(ClaimedDelivery delivery, String reason) {
                      settled.incrementAndGet();
                    }
                  })
              .lifecycle(lifecycle);
      worker = workers.build().start();
      phaseDone("sandbox, database, clients", phase);

      // Phase 2: the population.
      phase = System.nanoTime();
      Random random = new Random(options.seed());
      List<Resident> residents =
          Resident.population(Math.max(1, (int) (options.dossiers() * 0.62)), random);
      List<Plan> plans = plans(random, residents);
      phaseDone("population", phase);

      // Phase 3: one VNeID login per online applicant.
      phase = System.nanoTime();
      pool2 = Executors.newFixedThreadPool(6, daemon("motcua-quarter"));
      Map<Integer, CitizenLogin> logins = new ConcurrentHashMap<>();
      LinkedHashSet<Resident> onlineApplicants = new LinkedHashSet<>();
      for (Plan p : plans) {
        if (p.online()) {
          onlineApplicants.add(p.applicant());
        }
      }
      Progress loginProgress =
          Progress.start(out, terminal, "VNeID logins", onlineApplicants.size());
      Object browser = new Object();
      forEach(
          pool2,
          List.copyOf(onlineApplicants),
          r -> {
            LoginRequest request = vneid.startLogin();
            URI callback;
            // The fake consents as one persona at a time: only the browser step is serialised.
            synchronized (browser) {
              sso.loginAs(r.persona());
              callback = sso.followAuthorization(request.authorizationUri());
            }
            CitizenLogin login = vneid.completeLogin(callback, request);
            if (!login.identity().personalId().equals(Optional.of(r.personalId()))) {
              throw new InvalidInputException(
                  "quarter.login", "VNeID logged in someone else than the applicant.");
            }
            logins.put(r.index(), login);
            loginProgress.step();
          });
      loginProgress.finish();
      phaseDone("VNeID logins", phase);

      // Phase 4: the quarter, dossier by dossier, recorded through the outbox.
      phase = System.nanoTime();
      Recorder recorder =
          new Recorder(
              pool,
              outbox,
              issuer,
              resultSigner,
              payments,
              reconciler,
              sandbox,
              logins,
              receiptsDir,
              resultsDir);
      Progress recording = Progress.start(out, terminal, "recording dossiers", plans.size());
      AtomicLong recorded = new AtomicLong();
      forEach(
          pool2,
          plans,
          p -> {
            recorder.record(p);
            recording.step();
            if (recorded.incrementAndGet() % SESSION_EXPIRY_EVERY == 0) {
              expireSessions(sandbox);
            }
          });
      recording.finish();
      recorder.files.removeOthers(receiptsDir);
      recorder.files.removeOthers(resultsDir);
      phaseDone("recording (events, payments, receipts, signatures)", phase);

      // Phase 5: the worker delivers what is still pending.
      phase = System.nanoTime();
      long events = recorder.events.get();
      Progress delivery = Progress.start(out, terminal, "delivering to portals", events * 3);
      // The background worker kept up while the quarter was recorded; now a drain on its threads
      // delivers the rest (the background stops claiming meanwhile: one claimer per lane).
      expireSessions(sandbox);
      Thread watcher =
          new Thread(
              () -> {
                while (!Thread.currentThread().isInterrupted()) {
                  delivery.set(settled.get());
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "motcua-quarter-progress");
      watcher.setDaemon(true);
      watcher.start();
      boolean drained;
      try {
        drained = worker.drain(Duration.ofMinutes(10));
      } finally {
        watcher.interrupt();
        watcher.join();
      }
      delivery.finish();
      if (!drained) {
        out.println("  the outbox did not drain within 10 minutes");
      }
      long nationalCalls = sandbox.nationalPortal().requestCount();
      long provincialCalls = sandbox.provincialPortal().requestCount();
      long faults = 0;
      for (PortalFault f : PortalFault.values()) {
        faults +=
            sandbox.nationalPortal().injectedFaults(f)
                + sandbox.provincialPortal().injectedFaults(f);
      }
      sandbox.clearFaults();
      phaseDone("delivery (outbox drain)", phase);

      // Phase 6: verify every receipt and signed result, as a citizen or an auditor would.
      phase = System.nanoTime();
      TrustAnchors anchors = TrustAnchors.of(sandbox.trustAnchors());
      EReceiptVerifier receiptVerifier =
          EReceiptVerifier.builder()
              .xmlVerifier(
                  XmlSignatureVerifier.builder()
                      .trustAnchors(anchors)
                      .revocationPolicy(RevocationPolicy.PREFER_OCSP)
                      .okHttpClient(http)
                      .build())
              .build();
      CmsVerifier cmsVerifier =
          CmsVerifier.builder()
              .trustAnchors(anchors)
              .revocationPolicy(RevocationPolicy.PREFER_OCSP)
              .okHttpClient(http)
              .build();
      // A seeded sample: each verification fetches revocation data and checks a whole chain, which
      // for every file of the quarter would cost more than the rest of the run.
      List<Path> receiptFiles = sample(list(receiptsDir, ".xml"), VERIFIED_SAMPLE, options.seed());
      List<Path> resultFiles = sample(list(resultsDir, ".txt"), VERIFIED_SAMPLE, options.seed());
      Progress verifying =
          Progress.start(
              out, terminal, "verifying signatures", receiptFiles.size() + resultFiles.size());
      AtomicLong receiptsValid = new AtomicLong();
      AtomicLong resultsValid = new AtomicLong();
      forEach(
          pool2,
          receiptFiles,
          f -> {
            EReceiptVerification v = receiptVerifier.verify(read(f));
            if (v.isValid()) {
              receiptsValid.incrementAndGet();
              write(
                  f.resolveSibling(f.getFileName().toString().replace(".xml", ".html")),
                  EReceiptHtml.render(v, LOOKUP_SITE).getBytes(StandardCharsets.UTF_8));
            }
            verifying.step();
          });
      forEach(
          pool2,
          resultFiles,
          f -> {
            Path p7s = f.resolveSibling(f.getFileName().toString().replace(".txt", ".p7s"));
            SignatureReport report = cmsVerifier.verify(read(p7s), read(f));
            if (report.isValid()) {
              resultsValid.incrementAndGet();
            }
            verifying.step();
          });
      verifying.finish();
      phaseDone("verification (receipts, results)", phase);

      // Phase 7: reconcile each fake against the local records.
      phase = System.nanoTime();
      List<Dossier> local = readLocal(pool);
      Reconciliation reconciliation =
          Reconciliation.of(
              local,
              recorder.onlinePayments,
              payments.orderStore(),
              recorder.receiptNumbers,
              events,
              sandbox,
              outbox.status("national"),
              outbox.status("provincial"),
              java.util.stream.Stream.concat(
                      outbox.deadLetters("national").stream(),
                      outbox.deadLetters("provincial").stream())
                  .toList());
      phaseDone("reconciliation", phase);

      // Phase 8: the quarter's quality report.
      phase = System.nanoTime();
      ServiceQualityReport report = ServiceQualityReport.builder().period(QUARTER).compute(local);
      writeReport(outDir, report);
      phaseDone("quality report", phase);
      Duration total = elapsed(t0);

      QuarterResult result =
          new QuarterResult(
              options,
              local,
              plans,
              events,
              faults,
              nationalCalls,
              provincialCalls,
              reconciliation,
              report,
              recorder.receiptNumbers.size(),
              receiptFiles.size(),
              receiptsValid.get(),
              recorder.resultsSigned.get(),
              resultFiles.size(),
              resultsValid.get(),
              outDir,
              receiptsDir,
              resultsDir,
              Collections.unmodifiableMap(new LinkedHashMap<>(timings)),
              Collections.unmodifiableMap(new LinkedHashMap<>(cpuTimings)),
              total,
              List.copyOf(residents),
              List.copyOf(logins.values()));
      result.print(out);
      printReceipts(outbox, sandbox, recorder.receiptDocuments);
      return result;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryLaterException("quarter.interrupted", "The simulation was interrupted.");
    } finally {
      if (worker != null) {
        worker.close();
      }
      if (pool2 != null) {
        pool2.shutdownNow();
      }
      if (http != null) {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
      }
      if (pool != null) {
        pool.close();
      }
      if (givenSandbox == null) {
        sandbox.close();
      }
    }
  }

  /** Ends every session and token both portal fakes gave out, as a session time-out would. */
  private void expireSessions(MotcuaSandbox sandbox) {
    if (options.faultRate() > 0) {
      sandbox.nationalPortal().expireSessions();
      sandbox.provincialPortal().expireTokens();
    }
  }

  private void phaseDone(String name, long since) {
    timings.put(name, elapsed(since));
    long cpu = processCpu();
    cpuTimings.put(name, Duration.ofNanos(Math.max(0, cpu - phaseCpu)));
    phaseCpu = cpu;
  }

  /** The CPU time of the whole process so far (all threads), or 0 when the JVM cannot tell. */
  private static long processCpu() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  private static Duration elapsed(long since) {
    return Duration.ofNanos(System.nanoTime() - since);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicLong n = new AtomicLong();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Runs a task for every item on a pool and rethrows the first failure. */
  private static <T> void forEach(ExecutorService pool, List<T> items, Consumer<T> task)
      throws InterruptedException {
    List<Future<?>> futures = new ArrayList<>(items.size());
    for (T item : items) {
      futures.add(pool.submit(() -> task.accept(item)));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        futures.forEach(x -> x.cancel(true));
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new InvalidInputException("quarter.task", "A simulation task failed.", e.getCause());
      }
    }
  }

  // ------------------------------------------------------------------------------ population

  /** Draws every dossier of the quarter: who, what, when, how it ends. */
  private List<Plan> plans(Random random, List<Resident> residents) {
    List<LocalDate> workingDays = new ArrayList<>();
    for (LocalDate d = QUARTER.first(); !d.isAfter(QUARTER.last()); d = d.plusDays(1)) {
      if (policy.calendar().isWorkingDay(d)) {
        workingDays.add(d);
      }
    }
    record Draft(
        Instant at,
        Procedure procedure,
        Resident applicant,
        SubmissionChannel channel,
        Fate fate,
        boolean supplement,
        int steps,
        int copies,
        boolean payOnline,
        Rating.Satisfaction rating) {}
    List<Draft> drafts = new ArrayList<>();
    // Which dossiers are filed at the counter: spread over the quarter.
    java.util.Set<Integer> counter = new java.util.HashSet<>();
    int atCounter = options.dossiers() - options.online();
    while (counter.size() < atCounter) {
      counter.add(random.nextInt(options.dossiers()));
    }
    for (int i = 0; i < options.dossiers(); i++) {
      boolean online = !counter.contains(i);
      LocalDate day = workingDays.get(random.nextInt(workingDays.size()));
      Instant at;
      if (online) {
        // Online filings arrive at any hour, also in the evening and at night.
        at =
            day.atStartOfDay(policy.zone())
                .plusMinutes(6 * 60 + random.nextInt(16 * 60))
                .toInstant();
      } else {
        at = officeInstant(day.atTime(LocalTime.of(7, 30)).plusMinutes(random.nextInt(480)));
      }
      Procedure procedure = Procedure.draw(random);
      SubmissionChannel channel =
          !online
              ? SubmissionChannel.COUNTER
              : random.nextInt(10) < 7
                  ? SubmissionChannel.ONLINE_FULL
                  : SubmissionChannel.ONLINE_PARTIAL;
      int f = random.nextInt(1000);
      Fate fate =
          online && f < 12
              ? Fate.REFUSED
              : online && f < 18
                  ? Fate.WITHDRAWN_BEFORE_ACCEPTANCE
                  : f >= 994 ? Fate.WITHDRAWN_DURING_PROCESSING : Fate.COMPLETED;
      int r = random.nextInt(100);
      Rating.Satisfaction rating =
          r < 22
              ? Rating.Satisfaction.VERY_SATISFIED
              : r < 36
                  ? Rating.Satisfaction.SATISFIED
                  : r < 37 ? Rating.Satisfaction.DISSATISFIED : null;
      drafts.add(
          new Draft(
              at,
              procedure,
              residents.get(random.nextInt(residents.size())),
              channel,
              fate,
              random.nextInt(100) < 5,
              1 + random.nextInt(3),
              1 + random.nextInt(4),
              online && random.nextInt(100) < 93,
              rating));
    }
    drafts.sort(java.util.Comparator.comparing(Draft::at));
    List<Plan> plans = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      int index = plans.size();
      LocalDate received = d.at().atZone(policy.zone()).toLocalDate();
      plans.add(
          new Plan(
              index,
              DossierCode.of(COMMUNE, received, index + 1),
              d.procedure(),
              d.applicant(),
              d.channel(),
              d.at(),
              d.fate(),
              d.supplement(),
              d.steps(),
              d.copies(),
              d.payOnline(),
              d.rating()));
    }
    return plans;
  }

  // ---------------------------------------------------------------------------- office time

  private Instant officeInstant(LocalDateTime local) {
    return policy.clockStartsAt(local).atZone(policy.zone()).toInstant();
  }

  /** The instant a number of minutes of office time after another (sessions of working days). */
  Instant plusOfficeMinutes(Instant from, long minutes) {
    LocalDateTime t = policy.clockStartsAt(LocalDateTime.ofInstant(from, policy.zone()));
    long left = minutes;
    while (true) {
      OfficeSession session = sessionAt(t.toLocalTime());
      LocalDateTime closes = t.toLocalDate().atTime(session.closes());
      long room = Duration.between(t, closes).toMinutes();
      if (left <= room) {
        return t.plusMinutes(left).atZone(policy.zone()).toInstant();
      }
      left -= room;
      t = policy.clockStartsAt(closes.plusSeconds(1));
    }
  }

  private OfficeSession sessionAt(LocalTime time) {
    for (OfficeSession s : policy.officeSessions()) {
      if (!time.isBefore(s.opens()) && time.isBefore(s.closes())) {
        return s;
      }
    }
    throw new IllegalStateException("not in an office session: " + time);
  }

  private long officeMinutesBetween(Instant from, Instant to) {
    if (!to.isAfter(from)) {
      return 0;
    }
    return policy
        .runningTime(
            LocalDateTime.ofInstant(from, policy.zone()),
            LocalDateTime.ofInstant(to, policy.zone()))
        .toMinutes();
  }

  // ------------------------------------------------------------------------------- recording

  /** Records dossiers: their events, payments, receipts and signed results. Thread-safe. */
  private final class Recorder {
    final DataSource db;
    final OutboxWriter outbox;
    final EReceiptIssuer issuer;
    final CmsSigner resultSigner;
    final PaymentPlatformClient payments;
    final PaymentReconciler reconciler;
    final MotcuaSandbox sandbox;
    final Map<Integer, CitizenLogin> logins;
    final Path receiptsDir;
    final Path resultsDir;
    final OutputFiles files = new OutputFiles();
    final AtomicLong events = new AtomicLong();
    final AtomicLong resultsSigned = new AtomicLong();
    final Map<String, Long> onlinePayments = new ConcurrentHashMap<>();
    final Map<String, String> receiptNumbers = new ConcurrentHashMap<>();
    final Set<String> receiptDocuments = ConcurrentHashMap.newKeySet();

    Recorder(
        DataSource db,
        OutboxWriter outbox,
        EReceiptIssuer issuer,
        CmsSigner resultSigner,
        PaymentPlatformClient payments,
        PaymentReconciler reconciler,
        MotcuaSandbox sandbox,
        Map<Integer, CitizenLogin> logins,
        Path receiptsDir,
        Path resultsDir) {
      this.db = db;
      this.outbox = outbox;
      this.issuer = issuer;
      this.resultSigner = resultSigner;
      this.payments = payments;
      this.reconciler = reconciler;
      this.sandbox = sandbox;
      this.logins = logins;
      this.receiptsDir = receiptsDir;
      this.resultsDir = resultsDir;
    }

    /** One dossier's quarter, then one transaction: every event into the outbox + the record. */
    void record(Plan p) {
      Random random = new Random(options.seed() * 1_000_003L + p.index());
      History h = new History(p);
      Applicant applicant;
      boolean verified;
      if (p.online()) {
        CitizenIdentity who = logins.get(p.applicant().index()).identity();
        // The SSO's TechID links the dossier to the citizen's account on the national portal.
        applicant =
            Applicant.citizen(who.fullName().orElseThrow(), who.personalId().orElseThrow())
                .withContact(new Contact(who.phone(), who.email(), Optional.empty()))
                .withNationalPortalAccountId(who.nationalPortalAccountId().orElse(null));
        verified = true;
      } else {
        applicant =
            Applicant.citizen(p.applicant().name(), p.applicant().personalId())
                .withContact(
                    new Contact(
                        Optional.of(p.applicant().phone()),
                        Optional.empty(),
                        Optional.of(p.applicant().address())));
        verified = false;
      }
      List<Fee> fees = fees(p);
      List<DossierDocument> documents =
          List.of(document(p, 1, "Tờ khai " + p.procedure().ref.name().toLowerCase(), random));
      Instant t = p.submittedAt();
      if (p.online()) {
        h.add(
            new DossierEvent.Submitted(
                h.id(),
                p.code(),
                t,
                p.procedure().ref,
                applicant,
                p.channel(),
                documents,
                fees,
                verified));
        if (p.fate() == Fate.REFUSED) {
          h.add(
              new DossierEvent.Refused(
                  h.id(),
                  p.code(),
                  plusOfficeMinutes(t, 20 + random.nextInt(150)),
                  "Hồ sơ không thuộc thẩm quyền giải quyết của cấp xã"));
          store(h);
          return;
        }
        if (p.fate() == Fate.WITHDRAWN_BEFORE_ACCEPTANCE) {
          h.add(
              new DossierEvent.Withdrawn(
                  h.id(),
                  p.code(),
                  t.plus(Duration.ofMinutes(5 + random.nextInt(90))),
                  Optional.of("Công dân đề nghị rút hồ sơ")));
          store(h);
          return;
        }
        t = plusOfficeMinutes(t, 5 + random.nextInt(90));
        h.add(new DossierEvent.Accepted(h.id(), p.code(), t));
      } else {
        h.add(
            new DossierEvent.Received(
                h.id(),
                p.code(),
                t,
                p.procedure().ref,
                applicant,
                p.channel(),
                documents,
                fees,
                verified));
      }
      if (!fees.isEmpty()) {
        t = t.plus(Duration.ofMinutes(1));
        h.add(new DossierEvent.PaymentRequested(h.id(), p.code(), t, fees));
        t = pay(p, h, fees, t, random);
      }
      Instant due = h.dossier.dueAt().orElseThrow();
      Instant done = completion(t, due, random);
      int stepsBefore = p.supplement() ? 1 : p.steps();
      t = steps(p, h, t, done, stepsBefore, 0);
      if (p.fate() == Fate.WITHDRAWN_DURING_PROCESSING) {
        h.add(
            new DossierEvent.Withdrawn(
                h.id(),
                p.code(),
                plusOfficeMinutes(t, 30 + random.nextInt(240)),
                Optional.of("Công dân đề nghị rút hồ sơ")));
        store(h);
        return;
      }
      if (p.supplement()) {
        t = plusOfficeMinutes(t, 10 + random.nextInt(120));
        h.add(
            new DossierEvent.SupplementRequested(
                h.id(),
                p.code(),
                t,
                "Hồ sơ thiếu giấy tờ theo quy định",
                List.of("Bản sao giấy tờ chứng minh nơi cư trú")));
        t = plusOfficeMinutes(t, 60L * 8 * (1 + random.nextInt(3)) - random.nextInt(200));
        h.add(
            new DossierEvent.SupplementReceived(
                h.id(), p.code(), t, List.of(document(p, 2, "Giấy tờ bổ sung", random))));
        due = h.dossier.dueAt().orElseThrow();
        done = completion(t, due, random);
        t = steps(p, h, t, done, Math.max(1, p.steps() - 1), 1);
      }
      DossierDocument result = signResult(p, done);
      h.add(new DossierEvent.ResultReady(h.id(), p.code(), done, List.of(result)));
      Instant returned =
          p.online()
              ? done.plus(Duration.ofMinutes(1 + random.nextInt(10)))
              : plusOfficeMinutes(done, 30 + random.nextInt(600));
      h.add(new DossierEvent.ResultReturned(h.id(), p.code(), returned));
      if (p.rating() != null) {
        h.add(
            new DossierEvent.Rated(
                h.id(),
                p.code(),
                returned.plus(Duration.ofMinutes(5 + random.nextInt(600))),
                new Rating(p.rating(), Optional.empty())));
      }
      store(h);
    }

    private List<Fee> fees(Plan p) {
      Fee fee = p.procedure().fee;
      if (fee == null) {
        return List.of();
      }
      if (p.procedure() == Procedure.CERTIFIED_COPY) {
        return List.of(
            new Fee(
                fee.kind(),
                fee.code(),
                fee.name() + " (" + p.copies() + " trang)",
                fee.amount().times(p.copies()),
                fee.stage()));
      }
      return List.of(fee);
    }

    /** Takes the fees online (platform, callback verified) or at the counter; issues a receipt. */
    private Instant pay(Plan p, History h, List<Fee> fees, Instant requested, Random random) {
      Vnd amount = fees.stream().map(Fee::amount).reduce(Vnd.ZERO, Vnd::plus);
      Resident who = p.applicant();
      Instant paidAt;
      String reference;
      PaymentMethod method;
      if (p.payOnline()) {
        paidAt = requested.plus(Duration.ofMinutes(2 + random.nextInt(180)));
        reference =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                    .format(LocalDateTime.ofInstant(paidAt, policy.zone()))
                + String.format("%06d", p.index() % 1_000_000);
        PaymentRequest order =
            PaymentRequest.of(
                reference,
                p.code(),
                fees,
                Payer.of(who.name(), who.personalId(), null, who.address()),
                "Nop phi le phi ho so " + p.code().value());
        clock.at(paidAt, () -> payments.initiate(order));
        // The citizen pays on the platform, which calls the one-stop shop back; the callback's
        // checksum, amount and reference are verified before the payment counts.
        List<Map<String, String>> callbacks =
            clock.at(paidAt, () -> sandbox.paymentPlatform().payAndNotify(reference));
        boolean settled = false;
        for (Map<String, String> callback : callbacks) {
          CallbackOutcome outcome = payments.handleCallback(callback);
          if (!outcome.accepted()
              || !sandbox.paymentPlatform().isValidReply(callback, outcome.reply().fields())) {
            throw new InvalidInputException("quarter.payment", "A payment callback was refused.");
          }
          settled |= outcome.settledNow();
        }
        if (callbacks.isEmpty()) {
          // The callback was lost on the line: the scheduled reconciliation asks the platform.
          paidAt = paidAt.plus(RECONCILE_AFTER).plusSeconds(60);
          PaymentReconciler.Entry asked = clock.at(paidAt, () -> reconciler.reconcile(reference));
          settled = asked.outcome() == PaymentReconciler.Outcome.SETTLED;
        }
        if (!settled) {
          throw new InvalidInputException("quarter.payment", "A payment was not settled.");
        }
        onlinePayments.put(reference, amount.amount());
        method = PaymentMethod.ONLINE_PAYMENT_PLATFORM;
      } else {
        paidAt = requested.plus(Duration.ofMinutes(2 + random.nextInt(10)));
        reference = "TM-" + p.code().value();
        method = PaymentMethod.CASH;
      }
      // The dossier's fee lines go on the receipt as they are: one fee type everywhere.
      List<Fee> items = fees;
      ReceiptRequest request =
          new ReceiptRequest(
              Payer.person(who.name(), who.personalId(), who.address()),
              p.code(),
              items,
              method,
              reference);
      IssuedReceipt receipt = issue(p, h, paidAt, () -> issuer.issue(request));
      if (p.index() % CANCEL_EVERY == 0) {
        // Issued in error: cancelled, then issued again.
        IssuedReceipt wrong = receipt;
        IssuedCancellation cancelled =
            clock.at(paidAt, () -> issuer.cancel(wrong.receipt(), "Lập nhầm biên lai"));
        transmit(h, ReceiptEvents.recorded(cancelled, p.code()));
        receipt = issue(p, h, paidAt, () -> issuer.issue(request));
      } else if (p.index() % REPLACE_EVERY == 0) {
        IssuedReceipt wrong = receipt;
        receipt =
            issue(
                p,
                h,
                paidAt,
                () -> issuer.replace(wrong.receipt(), request, "Sai thông tin người nộp"));
      }
      String number = receipt.receipt().printedNumber();
      h.add(
          new DossierEvent.PaymentReceived(
              h.id(), p.code(), paidAt, reference, amount, p.payOnline(), Optional.of(number)));
      return paidAt;
    }

    /** Issues a receipt at the payment's instant, keeps its file and records it for the tax. */
    private IssuedReceipt issue(
        Plan p, History h, Instant at, java.util.function.Supplier<IssuedReceipt> issuing) {
      IssuedReceipt receipt = clock.at(at, issuing);
      String number = receipt.receipt().printedNumber();
      files.write(
          receiptsDir.resolve(SERIES.seriesSymbol().replace('/', '-') + "-" + number + ".xml"),
          receipt.xml());
      receiptNumbers.put(number, p.code().value());
      transmit(h, ReceiptEvents.recorded(receipt));
      return receipt;
    }

    /** Records a receipt document for the tax authority, in the dossier's own log. */
    private void transmit(History h, DossierEvent.ReceiptRecorded event) {
      h.add(event);
      receiptDocuments.add(event.receiptKey() + ":" + event.kind());
    }

    /** Completed steps spread between two instants. */
    private Instant steps(Plan p, History h, Instant from, Instant until, int count, int offset) {
      long span = officeMinutesBetween(from, until);
      Instant t = from;
      for (int i = 1; i <= count; i++) {
        Instant at = plusOfficeMinutes(from, Math.max(1, span * i / (count + 1)));
        if (!at.isAfter(t)) {
          at = t.plusSeconds(30);
        }
        String[] step = STEPS[Math.min(STEPS.length - 1, offset + i - 1)];
        h.add(
            new DossierEvent.StepCompleted(
                h.id(),
                p.code(),
                at,
                new ProcessingStep(step[0], step[1], step[2], step[3], t, at, Optional.empty())));
        t = at;
      }
      return t;
    }

    /** When the result is ready: some office time before the due instant, never after it. */
    private Instant completion(Instant from, Instant due, Random random) {
      long room = officeMinutesBetween(from, due);
      if (room <= 40) {
        return due.isAfter(from) ? due : from.plusSeconds(60);
      }
      // Most dossiers are handled well before the deadline, some on its last day.
      long minutes = 20 + (long) (Math.pow(random.nextDouble(), 1.6) * (room - 20));
      return plusOfficeMinutes(from, minutes);
    }

    private DossierDocument signResult(Plan p, Instant at) {
      String text =
          "ỦY BAN NHÂN DÂN XÃ QUẢNG PHÚ\n"
              + "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n"
              + "Hồ sơ: "
              + p.code().value()
              + "\nThủ tục: "
              + p.procedure().ref.code().value()
              + " "
              + p.procedure().ref.name()
              + "\nNgày ký: "
              + LocalDateTime.ofInstant(at, policy.zone()).toLocalDate()
              + "\n";
      byte[] content = text.getBytes(StandardCharsets.UTF_8);
      byte[] signature = clock.at(at, () -> resultSigner.sign(content));
      String name = p.code().value();
      files.write(resultsDir.resolve(name + ".txt"), content);
      files.write(resultsDir.resolve(name + ".p7s"), signature);
      resultsSigned.incrementAndGet();
      return new DossierDocument(
          "kq-" + name,
          Optional.of("KQ"),
          "Kết quả giải quyết (ký số CAdES)",
          "text/plain",
          content.length,
          sha256(content),
          false,
          false,
          DossierDocument.CopyKind.ELECTRONIC,
          Optional.of("results/" + name + ".txt"));
    }

    /** One transaction: every event into the outbox and the dossier's local record. */
    private void store(History h) {
      try (Connection c = db.getConnection()) {
        c.setAutoCommit(false);
        try {
          outbox.enqueueAll(c, h.events);
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO "
                      + TABLE_PREFIX
                      + "dossier (code, status, version, snapshot) VALUES (?, ?, ?, ?)")) {
            s.setString(1, h.dossier.code().value());
            s.setInt(2, h.dossier.status().nationalCode());
            s.setInt(3, h.dossier.version());
            s.setString(4, MotcuaJson.write(h.dossier));
            s.executeUpdate();
          }
          c.commit();
        } catch (SQLException | RuntimeException e) {
          c.rollback();
          throw e;
        }
      } catch (SQLException e) {
        throw new RetryLaterException("quarter.database", "Cannot record a dossier.", e);
      }
      events.addAndGet(h.events.size());
    }
  }

  private static final String[][] STEPS = {
    {"Lê Thị Hoa", "Công chức", "Bộ phận Tư pháp - Hộ tịch", "Thẩm định hồ sơ"},
    {"Nguyễn Văn Hải", "Phó Chủ tịch UBND xã", "Lãnh đạo UBND xã", "Ký duyệt kết quả"},
    {"Trần Thị Mai", "Công chức", "Văn phòng HĐND và UBND xã", "Vào sổ, đóng dấu"},
  };

  /** A dossier's events so far and its snapshot, checked by the lifecycle at every step. */
  private final class History {
    final Plan plan;
    final List<DossierEvent> events = new ArrayList<>();
    Dossier dossier;
    private int next;

    History(Plan plan) {
      this.plan = plan;
    }

    UUID id() {
      return new UUID(options.seed() * 10_000_000L + plan.index(), ++next);
    }

    void add(DossierEvent e) {
      dossier = dossier == null ? lifecycle.start(e) : lifecycle.apply(dossier, e);
      events.add(e);
    }
  }

  private static DossierDocument document(Plan p, int n, String name, Random random) {
    byte[] hash = new byte[32];
    random.nextBytes(hash);
    return new DossierDocument(
        "tl-" + p.code().value() + "-" + n,
        Optional.of("TP0" + n),
        name,
        "application/pdf",
        40_000 + random.nextInt(400_000),
        HexFormat.of().formatHex(hash),
        p.online() || random.nextInt(10) != 0,
        false,
        p.online() ? DossierDocument.CopyKind.ELECTRONIC : DossierDocument.CopyKind.COPY,
        Optional.empty());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // -------------------------------------------------------------------------------- database

  /**
   * HikariCP, not H2's {@code JdbcConnectionPool}: H2's pool rolls back every connection it takes
   * back, and on H2 a rollback empties the connection's cache of parsed statements, so every
   * statement of the quarter was parsed anew (about 16,000 times). HikariCP rolls back only a
   * connection left in a transaction.
   */
  private HikariDataSource dataSource(Path outDir) {
    HikariConfig config = new HikariConfig();
    if (options.jdbcUrl() == null) {
      Path file = outDir.resolve("commune");
      // "async:" files survive Thread.interrupt() (a stopping worker interrupts its threads);
      // H2's default file channel closes for good when a thread reading it is interrupted.
      // A page cache that holds the whole quarter (H2 defaults to 16 MB), and a cache of parsed
      // statements per connection large enough for every statement of the outbox and the receipt
      // allocator (H2 keeps 8 by default, so they evicted one another and were parsed anew).
      // WRITE_DELAY=0: H2 writes each commit before acknowledging it; with its default (500 ms)
      // a killed process loses the commits of its last half second, and the outbox refuses it.
      // MAX_COMPACT_TIME=0: no compaction at close, after which a killed next session lost
      // acknowledged commits (see the portal-client README, "Durability").
      config.setJdbcUrl(
          "jdbc:h2:async:"
              + file
              + ";WRITE_DELAY=0;MAX_COMPACT_TIME=0;LOCK_TIMEOUT=10000;CACHE_SIZE=262144"
              + ";QUERY_CACHE_SIZE=256");
      config.setUsername("sa");
      config.setPassword("");
    } else {
      config.setJdbcUrl(options.jdbcUrl());
    }
    config.setMaximumPoolSize(32);
    config.setPoolName("motcua-quarter-db");
    return new HikariDataSource(config);
  }

  /**
   * A fresh quarter: drops the simulation's own tables (prefix {@code cq_}) in the connection's
   * current schema and nothing else, so that other schemas of a shared database stay untouched.
   */
  private static void resetTables(DataSource db) {
    try (Connection c = db.getConnection()) {
      List<String> tables = new ArrayList<>();
      String current = c.getSchema();
      try (ResultSet rs = c.getMetaData().getTables(null, current, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          String schema = rs.getString("TABLE_SCHEM");
          if (name.toLowerCase(java.util.Locale.ROOT).startsWith(TABLE_PREFIX)
              && !"INFORMATION_SCHEMA".equalsIgnoreCase(schema)
              && !"pg_catalog".equals(schema)) {
            tables.add((schema == null ? "" : schema + ".") + name);
          }
        }
      }
      try (Statement s = c.createStatement()) {
        for (String t : tables) {
          s.execute("DROP TABLE IF EXISTS " + t + " CASCADE");
        }
      }
    } catch (SQLException e) {
      throw new RetryLaterException("quarter.database", "Cannot reset the simulation's tables.", e);
    }
  }

  private static void createLocalTable(DataSource db) {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE "
              + TABLE_PREFIX
              + "dossier (code VARCHAR(64) PRIMARY KEY, status INT NOT NULL, version INT NOT NULL,"
              + " snapshot VARCHAR NOT NULL)");
    } catch (SQLException e) {
      throw new RetryLaterException(
          "quarter.database", "Cannot create the local records table.", e);
    }
  }

  private static List<Dossier> readLocal(DataSource db) {
    List<Dossier> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT snapshot FROM " + TABLE_PREFIX + "dossier ORDER BY code")) {
      while (rs.next()) {
        out.add(MotcuaJson.readDossier(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new RetryLaterException("quarter.database", "Cannot read the local records.", e);
    }
    return out;
  }

  // ----------------------------------------------------------------------------------- files

  /**
   * Makes the output folders and removes the previous quarter's database. The previous quarter's
   * receipts and results stay until this one has written its own (see {@link OutputFiles}).
   */
  private static void prepareFolder(Path outDir, Path receipts, Path results) {
    try {
      Files.createDirectories(outDir);
      Files.createDirectories(receipts);
      Files.createDirectories(results);
      for (String db : List.of("commune.mv.db", "commune.trace.db")) {
        Files.deleteIfExists(outDir.resolve(db));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The receipts and results this quarter wrote. A quarter overwrites the files of the previous one
   * and, once it has recorded, removes those it did not write again. Removing them all first made
   * every file created in the following minute slower: ext4 looks at the recently deleted inodes
   * before it reuses one, and the recording threads then spent about 3 s of CPU in {@code open}
   * over a quarter's 4,600 files.
   */
  static final class OutputFiles {
    private final Set<Path> written = ConcurrentHashMap.newKeySet();

    void write(Path file, byte[] content) {
      CommuneSimulation.write(file, content);
      written.add(file.toAbsolutePath().normalize());
    }

    /** Deletes the files of the folder that this quarter did not write. */
    void removeOthers(Path dir) {
      try (var files = Files.list(dir)) {
        for (Path f : (Iterable<Path>) files::iterator) {
          if (!written.contains(f.toAbsolutePath().normalize())) {
            Files.delete(f);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static List<Path> sample(List<Path> files, int size, long seed) {
    if (files.size() <= size) {
      return files;
    }
    List<Path> shuffled = new ArrayList<>(files);
    Collections.shuffle(shuffled, new Random(seed));
    return shuffled.subList(0, size).stream().sorted().toList();
  }

  private static List<Path> list(Path dir, String suffix) {
    try (var files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeReport(Path outDir, ServiceQualityReport report) {
    write(outDir.resolve("quality-report.txt"), report.toText().getBytes(StandardCharsets.UTF_8));
    write(outDir.resolve("quality-report.json"), report.toJson().getBytes(StandardCharsets.UTF_8));
  }
}
