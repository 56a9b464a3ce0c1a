package io.github.motcua.examples.commune;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.report.QualityFigures;
import io.github.motcua.testkit.MotcuaSandbox;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.VneidPersona;
import io.github.motcua.vneid.CitizenLogin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smaller seeded quarter (200 dossiers, 20% of portal calls failing) run once, against a sandbox
 * the test keeps, with everything it prints and logs captured: the reconciliation, the report's
 * figures against an independent recount, and the output's hygiene.
 */
class CommuneSimulationTest {

  private static final int DOSSIERS = 200;
  private static final List<String> STALE =
      List.of("receipts/1-00E-9999999.xml", "receipts/1-00E-9999999.html", "results/old.txt");

  @TempDir static Path out;

  private static MotcuaSandbox sandbox;
  private static QuarterResult result;
  private static String printed;
  private static String captured;

  @BeforeAll
  static void runTheQuarter() throws IOException {
    // What an earlier quarter left in the folder: replaced by this quarter's files, not kept.
    for (String stale : STALE) {
      Files.createDirectories(out.resolve(stale).getParent());
      Files.writeString(out.resolve(stale), "from an earlier quarter");
    }
    sandbox = CommuneSimulation.sandbox(new SimulatedClock(), 11).start();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream everything = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream all = new PrintStream(everything, true, StandardCharsets.UTF_8);
    // slf4j-simple writes to System.err as it is at each log call, so swapping it captures the
    // libraries' log lines along with anything printed.
    System.setOut(all);
    System.setErr(all);
    try {
      PrintStream report =
          new PrintStream(new TeeStream(stdout, everything), true, StandardCharsets.UTF_8);
      result =
          CommuneSimulation.run(
              QuarterOptions.parse(
                  "--dossiers",
                  "200",
                  "--fault-rate",
                  "0.2",
                  "--seed",
                  "42",
                  "--out",
                  out.toString()),
              report,
              sandbox);
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    printed = stdout.toString(StandardCharsets.UTF_8);
    captured = everything.toString(StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stopTheSandbox() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  @Test
  void nothingIsLostOrDuplicatedDespiteTheFaults() {
    // A fifth of the portal calls fail. How many calls the quarter makes depends on the threads'
    // timing (steps of several dossiers share a call when they are ready together), so the faults
    // are counted against the calls made, with a floor that keeps the test meaningful.
    long calls = result.nationalCalls() + result.provincialCalls();
    assertThat(result.faultsInjected())
        .as("faults injected in %,d portal calls at a rate of 0.2", calls)
        .isGreaterThan(calls / 10)
        .isGreaterThan(300);
    assertThat(result.reconciliation().problems()).isEmpty();
    assertThat(result.reconciliation().lost()).isZero();
    assertThat(result.reconciliation().duplicated()).isZero();
    assertThat(result.succeeded()).isTrue();
    assertThat(printed).contains("  lost 0, duplicated 0").contains("OK: nothing was lost.");
  }

  @Test
  void everyReceiptDocumentReachesTheTaxAuthorityOnce() {
    // Decree 254/2026 Art. 29(3)(b): receipt data go to the tax authority; the fake checks the
    // symbols, numbering, signatures and corrections of each one.
    assertThat(printed).containsPattern("receipts: (\\d+) issued, \\1 transmitted, 0 missing");
    assertThat(sandbox.taxAuthority().gaps()).isEmpty();
    assertThat(sandbox.taxAuthority().refusals()).isEmpty();
    assertThat(sandbox.taxAuthority().accepted())
        .extracting(a -> a.kind())
        .contains("ISSUED")
        .allMatch(k -> !k.equals("ADJUSTMENT"));
    assertThat(sandbox.taxAuthority().accepted())
        .allSatisfy(a -> assertThat(a.receiptSymbol()).isEqualTo("26TQP"));
  }

  @Test
  void lostPaymentCallbacksAreRecoveredAndEveryPaidFeeIsSettledOnce() {
    Reconciliation r = result.reconciliation();
    assertThat(r.callbacksLost()).as("callbacks lost on the line").isPositive();
    assertThat(r.paymentsUnsettled()).isZero();
    assertThat(r.paymentsMatched()).isEqualTo(r.onlinePayments()).isPositive();
    assertThat(sandbox.paymentPlatform().paidReferences()).hasSize(r.onlinePayments());
    assertThat(printed)
        .contains(String.format("  payments: %,d paid, 0 unsettled", r.onlinePayments()));
  }

  @Test
  void aStepIsLookedUpOnlyWhenItsDeliveryIsRepeated() {
    long steps = result.dossiers().stream().mapToLong(d -> d.steps().size()).sum();
    long lookUps = sandbox.nationalPortal().serviceCallCount("TraCuuHoSo");
    // A step the outbox claims for the first time goes without a look-up; a fifth of the calls
    // fail, and only the repeated deliveries after them look the dossier up. Runs give 99 to 163
    // look-ups for 383 steps; looking every step up would give at least 383.
    assertThat(steps).isGreaterThan(300);
    assertThat(lookUps).as("look-ups for %,d steps", steps).isPositive().isLessThan(steps * 2 / 3);
    // Such first-attempt steps of several dossiers share progress calls.
    long progressCalls = sandbox.nationalPortal().serviceCallCount("CapNhatTienDoHoSoMC");
    assertThat(progressCalls).as("progress calls for %,d steps", steps).isLessThan(steps * 3 / 4);
    assertThat(result.nationalCalls()).isEqualTo(sandbox.nationalPortal().requestCount());
    assertThat(result.provincialCalls()).isEqualTo(sandbox.provincialPortal().requestCount());
    assertThat(printed)
        .contains(
            String.format(
                "  portal calls       %,d to the national portal, %,d to the provincial one",
                result.nationalCalls(), result.provincialCalls()));
  }

  @Test
  void eachPortalHoldsEveryDossierInItsLocalStatusWithItsSteps() {
    Map<String, NationalPortalFake.StoredDossier> national = sandbox.nationalPortal().dossiers();
    assertThat(national).hasSize(DOSSIERS);
    assertThat(sandbox.provincialPortal().dossiers()).hasSize(DOSSIERS);
    for (Dossier d : result.dossiers()) {
      NationalPortalFake.StoredDossier n = national.get(d.code().value());
      assertThat(n.status()).isEqualTo(d.status().nationalCode());
      assertThat(n.steps()).hasSameSizeAs(d.steps());
      assertThat(sandbox.provincialPortal().dossier(d.code().value()).orElseThrow().steps())
          .hasSameSizeAs(d.steps());
    }
  }

  @Test
  void outcomesFollowThePlanDrawnFromTheSeed() {
    Map<DossierStatus, Long> byStatus = new HashMap<>();
    result.dossiers().forEach(d -> byStatus.merge(d.status(), 1L, Long::sum));
    long refused =
        result.plans().stream().filter(p -> p.fate() == CommuneSimulation.Fate.REFUSED).count();
    long withdrawn =
        result.plans().stream()
            .filter(
                p ->
                    p.fate() == CommuneSimulation.Fate.WITHDRAWN_BEFORE_ACCEPTANCE
                        || p.fate() == CommuneSimulation.Fate.WITHDRAWN_DURING_PROCESSING)
            .count();
    assertThat(result.dossiers()).hasSize(DOSSIERS);
    assertThat(byStatus.getOrDefault(DossierStatus.REFUSED, 0L)).isEqualTo(refused);
    assertThat(byStatus.getOrDefault(DossierStatus.WITHDRAWN, 0L)).isEqualTo(withdrawn);
    List<CommuneSimulation.Plan> paid =
        result.plans().stream()
            .filter(p -> p.procedure().fee != null)
            .filter(
                p ->
                    p.fate() == CommuneSimulation.Fate.COMPLETED
                        || p.fate() == CommuneSimulation.Fate.WITHDRAWN_DURING_PROCESSING)
            .toList();
    // One number more for each replaced receipt, and for each one cancelled and issued again.
    long corrected =
        paid.stream()
            .filter(
                p ->
                    p.index() % CommuneSimulation.REPLACE_EVERY == 0
                        || p.index() % CommuneSimulation.CANCEL_EVERY == 0)
            .count();
    assertThat(result.receiptsIssued()).isEqualTo(paid.size() + corrected);
    assertThat(result.reconciliation().receiptGaps()).isZero();
  }

  @Test
  void reportFiguresEqualANaiveRecountOfTheLocalRecords() {
    QualityFigures f = result.report().total();
    long online = 0, full = 0, early = 0, onTime = 0, late = 0, digitised = 0, withFees = 0;
    long paidOnline = 0, rated = 0, satisfied = 0, refused = 0, withdrawn = 0;
    for (Dossier d : result.dossiers()) {
      assertThat(CommuneSimulation.QUARTER.contains(d.submittedAt())).isTrue();
      online += d.channel().isOnline() ? 1 : 0;
      full += d.channel().name().equals("ONLINE_FULL") ? 1 : 0;
      digitised += d.documents().stream().anyMatch(x -> x.digitised()) ? 1 : 0;
      withFees += d.fees().isEmpty() ? 0 : 1;
      paidOnline += d.payments().stream().anyMatch(p -> p.online()) ? 1 : 0;
      refused += d.status() == DossierStatus.REFUSED ? 1 : 0;
      withdrawn += d.status() == DossierStatus.WITHDRAWN ? 1 : 0;
      if (d.completedAt().isPresent()
          && d.dueAt().isPresent()
          && CommuneSimulation.QUARTER.contains(d.completedAt().get())) {
        LocalDate doneDay = d.completedAt().get().atZone(DeadlinePolicy.VIETNAM).toLocalDate();
        LocalDate dueDay = d.dueAt().get().atZone(DeadlinePolicy.VIETNAM).toLocalDate();
        if (d.completedAt().get().isAfter(d.dueAt().get())) {
          late++;
        } else if (doneDay.isBefore(dueDay)) {
          early++;
        } else {
          onTime++;
        }
      }
      if (d.ratedAt().isPresent() && CommuneSimulation.QUARTER.contains(d.ratedAt().get())) {
        rated++;
        Rating.Satisfaction level = d.rating().orElseThrow().level();
        satisfied +=
            level == Rating.Satisfaction.VERY_SATISFIED || level == Rating.Satisfaction.SATISFIED
                ? 1
                : 0;
      }
    }
    assertThat(f.received()).isEqualTo(DOSSIERS);
    assertThat(f.receivedOnlineFull() + f.receivedOnlinePartial()).isEqualTo(online);
    assertThat(f.receivedOnlineFull()).isEqualTo(full);
    assertThat(f.handledEarly()).isEqualTo(early);
    assertThat(f.handledOnTime()).isEqualTo(onTime);
    assertThat(f.handledLate()).isEqualTo(late).isZero();
    assertThat(f.digitised()).isEqualTo(digitised);
    assertThat(f.receivedWithFees()).isEqualTo(withFees);
    assertThat(f.paidOnline()).isEqualTo(paidOnline);
    assertThat(f.refused()).isEqualTo(refused);
    assertThat(f.withdrawn()).isEqualTo(withdrawn);
    assertThat(f.rated()).isEqualTo(rated);
    assertThat(f.satisfactionShare().count()).isEqualTo(satisfied);
  }

  @Test
  void receiptsAndSignedResultsAreWrittenAndTheirSamplesVerify() throws IOException {
    try (Stream<Path> receipts = Files.list(result.receiptsDir());
        Stream<Path> results = Files.list(result.resultsDir())) {
      assertThat(receipts.filter(p -> p.toString().endsWith(".xml")).count())
          .isEqualTo(result.receiptsIssued());
      assertThat(results.filter(p -> p.toString().endsWith(".p7s")).count())
          .isEqualTo(result.resultsSigned());
    }
    assertThat(result.receiptsVerified()).isPositive();
    assertThat(result.receiptsValid()).isEqualTo(result.receiptsVerified());
    assertThat(result.resultsValid()).isEqualTo(result.resultsVerified());
    assertThat(printed).contains(result.receiptsDir().toString());
  }

  @Test
  void filesOfAnEarlierQuarterInTheFolderAreRemoved() {
    for (String stale : STALE) {
      assertThat(out.resolve(stale)).doesNotExist();
    }
  }

  @Test
  void outputShowsTheReportAndEveryPhaseTiming() {
    assertThat(printed)
        .contains("Service quality report")
        .contains("Time per phase")
        .contains("delivery (outbox drain)")
        .contains("recording dossiers: 200/200 (100%)");
  }

  @Test
  void noPersonalIdOfAnyPersonaAppearsUnmaskedInTheOutputOrLogs() {
    assertThat(captured).contains("motcua"); // the capture worked
    List<String> ids = new ArrayList<>();
    result.residents().forEach(r -> ids.add(r.personalId().value()));
    for (VneidPersona p :
        List.of(
            VneidPersona.NGUYEN_VAN_AN,
            VneidPersona.TRAN_THI_BINH,
            VneidPersona.LE_HOANG_CUONG,
            VneidPersona.SEN_VANG_COMPANY)) {
      ids.add(p.personalId());
    }
    for (String id : ids) {
      assertThat(captured).doesNotContain(id);
    }
    Matcher twelveDigits = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)").matcher(captured);
    List<String> unmasked = new ArrayList<>();
    while (twelveDigits.find()) {
      unmasked.add(twelveDigits.group());
    }
    assertThat(unmasked).doesNotContainAnyElementsOf(ids);
  }

  @Test
  void noTokenAppearsInTheOutputOrLogs() {
    assertThat(result.logins()).isNotEmpty();
    for (CitizenLogin login : result.logins()) {
      assertThat(captured).doesNotContain(login.accessToken()).doesNotContain(login.idToken());
      login.refreshToken().ifPresent(t -> assertThat(captured).doesNotContain(t));
    }
    assertThat(captured).doesNotContainPattern("eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}");
    assertThat(captured)
        .doesNotContain(sandbox.provincialPortal().clientSecret())
        .doesNotContain(sandbox.paymentPlatform().secretKey());
  }

  /** Writes to two streams. */
  private static final class TeeStream extends java.io.OutputStream {
    private final java.io.OutputStream a;
    private final java.io.OutputStream b;

    TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
      this.a = a;
      this.b = b;
    }

    @Override
    public synchronized void write(int c) throws IOException {
      a.write(c);
      b.write(c);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
      a.write(buf, off, len);
      b.write(buf, off, len);
    }
  }
}
