package io.github.motcua.core.report;

import static io.github.motcua.core.report.History.vn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.Rating.Satisfaction;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.ProcedureCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceQualityReportTest {

  static final AgencyCode COMMUNE = AgencyCode.parse("000.00.31.H56");
  static final AgencyCode OTHER = AgencyCode.parse("000.00.04.G18");
  static final ProcedureRef BIRTH =
      new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
          .withProcessingTime(ProcessingTime.ofWorkingDays(3));
  static final ProcedureRef CERTIFY =
      new ProcedureRef(ProcedureCode.parse("2.000908"), "Chứng thực bản sao", "CT", "Chứng thực")
          .withProcessingTime(ProcessingTime.ofWorkingHours(4));

  private final DeadlinePolicy policy = DeadlinePolicy.vietnam();
  private final DossierLifecycle lifecycle = DossierLifecycle.create(policy);
  private final ReportPeriod q3 = ReportPeriod.quarter(2025, 3);

  private static DossierCode code(AgencyCode agency, Instant at, long seq) {
    return DossierCode.of(agency, LocalDate.ofInstant(at, ReportPeriod.ZONE), seq);
  }

  /** The commune of docs/domain.md §1: 1,873 dossiers in a quarter, 1,871 online, all on time. */
  private List<Dossier> communeQuarter() {
    Random random = new Random(1873);
    List<Dossier> dossiers = new ArrayList<>();
    LocalDate day = LocalDate.of(2025, 7, 1);
    for (int i = 0; i < 1873; i++) {
      while (!policy.calendar().isWorkingDay(day) || day.isAfter(LocalDate.of(2025, 9, 15))) {
        day = day.isAfter(LocalDate.of(2025, 9, 15)) ? LocalDate.of(2025, 7, 1) : day.plusDays(1);
      }
      Instant at =
          LocalDateTime.of(day, java.time.LocalTime.of(8, 0))
              .plusMinutes(random.nextInt(480))
              .atZone(ReportPeriod.ZONE)
              .toInstant();
      SubmissionChannel channel =
          i < 2
              ? SubmissionChannel.COUNTER
              : i % 5 == 0 ? SubmissionChannel.ONLINE_PARTIAL : SubmissionChannel.ONLINE_FULL;
      History h = History.of(code(COMMUNE, at, i + 1), i, BIRTH, channel, at);
      Instant accepted = channel.isOnline() ? at.plus(Duration.ofMinutes(10)) : at;
      if (channel.isOnline()) {
        h.accept(accepted);
      }
      Instant due = policy.dueAt(accepted, BIRTH.processingTime().orElseThrow());
      long window = Duration.between(accepted, due).toMinutes();
      h.result(accepted.plus(Duration.ofMinutes(1 + random.nextLong(window))));
      dossiers.add(h.replay(lifecycle));
      if (i % 25 == 24) {
        day = day.plusDays(1);
      }
    }
    return dossiers;
  }

  @Test
  void communeQuarterComesOutExactly() {
    QualityFigures f = ServiceQualityReport.of(communeQuarter(), q3).total();
    assertThat(f.received()).isEqualTo(1873);
    assertThat(f.receivedOnline()).isEqualTo(1871);
    assertThat(f.handled()).isEqualTo(1873);
    assertThat(f.handledLate()).isZero();
    assertThat(f.handledEarly() + f.handledOnTime()).isEqualTo(1873);
    assertThat(f.inProgress()).isZero();
    assertThat(f.overdue()).isZero();
    assertThat(f.onlineShare()).isEqualTo(new Share(1871, 1873));
    assertThat(f.onlineShare().percent()).contains(new BigDecimal("99.89"));
    assertThat(f.onTimeOrEarlyShare().percent()).contains(new BigDecimal("100.00"));
  }

  /** A small set where every figure has a known, distinct value. */
  private List<Dossier> constructed() {
    List<Dossier> all = new ArrayList<>();
    long[] seq = {0};
    java.util.function.BiFunction<SubmissionChannel, Instant, History> h =
        (channel, at) -> History.of(code(COMMUNE, at, ++seq[0]), seq[0], BIRTH, channel, at);
    // Early (result the day after), digitised, paid online, rated very satisfied.
    all.add(
        h.apply(SubmissionChannel.ONLINE_FULL, vn(2025, 7, 7, 8, 0))
            .digitised()
            .withFee()
            .accept(vn(2025, 7, 7, 8, 30))
            .pay(vn(2025, 7, 7, 9, 0), true)
            .result(vn(2025, 7, 8, 10, 0))
            .returned(vn(2025, 7, 8, 11, 0))
            .rate(Satisfaction.VERY_SATISFIED, vn(2025, 7, 8, 12, 0))
            .replay(lifecycle));
    // On time (due Thursday 10/7 08:30, finished that morning), paid at the counter, satisfied.
    all.add(
        h.apply(SubmissionChannel.ONLINE_PARTIAL, vn(2025, 7, 7, 8, 0))
            .withFee()
            .accept(vn(2025, 7, 7, 8, 30))
            .pay(vn(2025, 7, 7, 9, 0), false)
            .result(vn(2025, 7, 10, 8, 0))
            .returned(vn(2025, 7, 10, 9, 0))
            .rate(Satisfaction.SATISFIED, vn(2025, 7, 10, 9, 5))
            .replay(lifecycle));
    // Late, at the counter, rated dissatisfied.
    all.add(
        h.apply(SubmissionChannel.COUNTER, vn(2025, 7, 7, 8, 0))
            .digitised()
            .result(vn(2025, 7, 11, 8, 0))
            .returned(vn(2025, 7, 11, 9, 0))
            .rate(Satisfaction.DISSATISFIED, vn(2025, 7, 11, 9, 5))
            .replay(lifecycle));
    // Refused, withdrawn and stopped in the period.
    all.add(
        h.apply(SubmissionChannel.ONLINE_FULL, vn(2025, 8, 1, 8, 0))
            .refuse(vn(2025, 8, 1, 9, 0))
            .replay(lifecycle));
    all.add(
        h.apply(SubmissionChannel.ONLINE_FULL, vn(2025, 8, 4, 8, 0))
            .accept(vn(2025, 8, 4, 9, 0))
            .withdraw(vn(2025, 8, 5, 9, 0))
            .replay(lifecycle));
    all.add(
        h.apply(SubmissionChannel.POSTAL, vn(2025, 8, 4, 8, 0))
            .stop(vn(2025, 8, 6, 9, 0))
            .replay(lifecycle));
    // In progress at the end of the period: one overdue, one not yet due, one awaiting a
    // supplement.
    all.add(h.apply(SubmissionChannel.COUNTER, vn(2025, 9, 24, 8, 0)).received().replay(lifecycle));
    all.add(h.apply(SubmissionChannel.COUNTER, vn(2025, 9, 30, 8, 0)).received().replay(lifecycle));
    all.add(
        h.apply(SubmissionChannel.COUNTER, vn(2025, 9, 1, 8, 0))
            .supplement(vn(2025, 9, 3, 8, 0), null)
            .replay(lifecycle));
    // Received in Q2, finished late in Q3: handled in Q3, not received in Q3.
    all.add(
        h.apply(SubmissionChannel.COUNTER, vn(2025, 6, 27, 8, 0))
            .result(vn(2025, 7, 15, 8, 0))
            .replay(lifecycle));
    // Received in Q3, finished in Q4: received in Q3 only.
    all.add(
        h.apply(SubmissionChannel.ONLINE_FULL, vn(2025, 9, 30, 15, 0))
            .accept(vn(2025, 9, 30, 16, 0))
            .result(vn(2025, 10, 2, 8, 0))
            .replay(lifecycle));
    // Received and finished in Q4: counts nowhere in Q3.
    all.add(h.apply(SubmissionChannel.ONLINE_FULL, vn(2025, 10, 1, 8, 0)).replay(lifecycle));
    // A procedure without a limit, finished in Q3.
    all.add(
        History.of(
                code(OTHER, vn(2025, 7, 7, 8, 0), 1),
                99,
                new ProcedureRef(ProcedureCode.parse("2.000908"), "Chứng thực", "CT", "Chứng thực"),
                SubmissionChannel.COUNTER,
                vn(2025, 7, 7, 8, 0))
            .result(vn(2025, 7, 30, 8, 0))
            .replay(lifecycle));
    return all;
  }

  @Test
  void constructedSetGivesEveryFigureExactly() {
    QualityFigures f = ServiceQualityReport.of(constructed(), q3).total();
    assertThat(f.received()).isEqualTo(11);
    assertThat(f.receivedOnlineFull()).isEqualTo(4);
    assertThat(f.receivedOnlinePartial()).isEqualTo(1);
    assertThat(f.handled()).isEqualTo(5);
    assertThat(f.handledEarly()).isEqualTo(1);
    assertThat(f.handledOnTime()).isEqualTo(1);
    assertThat(f.handledLate()).isEqualTo(2);
    assertThat(f.handledWithoutDueDate()).isEqualTo(1);
    assertThat(f.inProgress()).isEqualTo(4);
    assertThat(f.overdue()).isEqualTo(1);
    assertThat(f.refused()).isEqualTo(1);
    assertThat(f.withdrawn()).isEqualTo(1);
    assertThat(f.stopped()).isEqualTo(1);
    assertThat(f.digitised()).isEqualTo(2);
    assertThat(f.receivedWithFees()).isEqualTo(2);
    assertThat(f.paidOnline()).isEqualTo(1);
    assertThat(f.rated()).isEqualTo(3);
    assertThat(f.ratings())
        .containsEntry(Satisfaction.VERY_SATISFIED, 1L)
        .containsEntry(Satisfaction.SATISFIED, 1L)
        .containsEntry(Satisfaction.DISSATISFIED, 1L);
    assertThat(f.onTimeOrEarlyShare()).isEqualTo(new Share(2, 4));
    assertThat(f.satisfactionShare()).isEqualTo(new Share(2, 3));
    assertThat(f.onlinePaymentShare().percent()).contains(new BigDecimal("50.00"));
  }

  @Test
  void nationalIndexFiguresSyncReuseAndAverageProcessingTime() {
    List<Dossier> all = constructed();
    // Published: the dossiers the integrator's outbox has delivered; here those of even sequence.
    Predicate<Dossier> published =
        d -> (d.code().value().charAt(d.code().value().length() - 1) - '0') % 2 == 0;
    ServiceQualityReport report =
        ServiceQualityReport.builder().period(q3).publishedWhen(published).compute(all);
    QualityFigures f = report.total();
    long received = count(all, d -> within(java.util.Optional.of(d.submittedAt()), q3));
    long synced =
        count(all, d -> within(java.util.Optional.of(d.submittedAt()), q3) && published.test(d));
    assertThat(f.syncShare()).isEqualTo(new Share(synced, received));
    assertThat(f.reuseShare()).isEqualTo(new Share(0, received));
    long seconds = 0;
    long handled = 0;
    for (Dossier d : all) {
      if (within(d.completedAt(), q3)) {
        handled++;
        seconds +=
            Duration.between(d.acceptedAt().orElseThrow(), d.completedAt().get()).getSeconds();
      }
    }
    assertThat(f.averageProcessingTime()).contains(Duration.ofSeconds(seconds / handled));
    assertThat(report.toText()).contains("Đồng bộ DVCQG / Published nationally");
    assertThat(report.toJson()).contains("\"sync\"").contains("\"averageProcessingSeconds\"");
    // Without the test the sync figure is not shown rather than shown as zero.
    assertThat(ServiceQualityReport.of(all, q3).toText()).doesNotContain("Đồng bộ DVCQG");
  }

  @Test
  void reusedDocumentsCountOncePerDossier() {
    Instant at = Instant.parse("2025-07-02T02:00:00Z");
    History h = History.of(code(COMMUNE, at, 1), 1, BIRTH, SubmissionChannel.COUNTER, at);
    Dossier d = h.replay(lifecycle);
    Dossier reused =
        d.toBuilder()
            .documents(
                List.of(
                    new DossierDocument(
                            "D9",
                            java.util.Optional.empty(),
                            "Giấy khai sinh",
                            "application/pdf",
                            1,
                            "c".repeat(64),
                            true,
                            false,
                            DossierDocument.CopyKind.ELECTRONIC,
                            java.util.Optional.empty())
                        .withFromNationalStore(true)))
            .build();
    QualityFigures f = ServiceQualityReport.of(List.of(reused, d), q3).total();
    assertThat(f.reused()).isOne();
    assertThat(f.reuseShare()).isEqualTo(new Share(1, 2));
  }

  @Test
  void asOfInstantDecidesWhatIsInProgressAndOverdue() {
    // On 25/9 at noon: the 24/9 dossier is running (due 29/9), the 30/9 ones are not received,
    // the supplement one waits, the Q3 one finished on 2/10 is not received yet either.
    ServiceQualityReport r =
        ServiceQualityReport.builder()
            .period(q3)
            .asOf(vn(2025, 9, 25, 12, 0))
            .compute(constructed());
    assertThat(r.total().inProgress()).isEqualTo(2);
    assertThat(r.total().overdue()).isZero();
    assertThat(r.asOf()).isEqualTo(vn(2025, 9, 25, 12, 0));
  }

  @Test
  void groupsByAgencyAndProcedureOnRequest() {
    ServiceQualityReport plain = ServiceQualityReport.of(constructed(), q3);
    assertThat(plain.byAgency()).isEmpty();
    assertThat(plain.byProcedure()).isEmpty();
    ServiceQualityReport grouped =
        ServiceQualityReport.builder()
            .period(q3)
            .groupByAgency(true)
            .groupByProcedure(true)
            .compute(constructed().stream());
    assertThat(grouped.byAgency().keySet()).containsExactly(OTHER, COMMUNE);
    assertThat(grouped.byAgency().get(COMMUNE).received()).isEqualTo(10);
    assertThat(grouped.byAgency().get(OTHER).handledWithoutDueDate()).isEqualTo(1);
    assertThat(grouped.byProcedure().get(BIRTH.code()).received()).isEqualTo(10);
    assertThat(grouped.total()).isEqualTo(plain.total());
  }

  @Test
  void iterableAndStreamGiveTheSameReport() {
    List<Dossier> set = constructed();
    assertThat(ServiceQualityReport.of(set.stream(), q3).total())
        .isEqualTo(ServiceQualityReport.of(set, q3).total());
  }

  @Test
  void textHasVietnameseAndEnglishLabels() {
    String text =
        ServiceQualityReport.builder()
            .period(q3)
            .groupByAgency(true)
            .compute(communeQuarter())
            .toText();
    assertThat(text)
        .contains("Hồ sơ tiếp nhận / Received")
        .contains("1,873")
        .contains("Trực tuyến / Online")
        .contains("1,871")
        .contains("1871/1873 (99.89%)")
        .contains("Theo cơ quan / By agency")
        .contains("000.00.31.H56")
        .doesNotContain("\r");
  }

  @Test
  void jsonCarriesCountsAndShares() throws Exception {
    String json =
        ServiceQualityReport.builder()
            .period(q3)
            .groupByProcedure(true)
            .compute(constructed())
            .toJson();
    JsonNode root = new ObjectMapper().readTree(json);
    assertThat(root.at("/period/label").asText()).isEqualTo("2025-Q3");
    assertThat(root.at("/asOf").asText()).isEqualTo("2025-10-01T00:00+07:00");
    assertThat(root.at("/total/received").asLong()).isEqualTo(11);
    assertThat(root.at("/total/ratings/DISSATISFIED").asLong()).isEqualTo(1);
    assertThat(root.at("/total/shares/onTimeOrEarly/count").asLong()).isEqualTo(2);
    assertThat(root.at("/total/shares/onTimeOrEarly/percent").decimalValue())
        .isEqualByComparingTo("50.00");
    assertThat(root.at("/byProcedure/1.001193/name").asText()).isEqualTo("Đăng ký khai sinh");
    assertThat(root.has("byAgency")).isFalse();
  }

  @Test
  void emptyInputGivesZeroesAndUndefinedShares() {
    QualityFigures f = ServiceQualityReport.of(List.of(), q3).total();
    assertThat(f.received()).isZero();
    assertThat(f.onlineShare().percent()).isEmpty();
    assertThat(f.onlineShare().toString()).isEqualTo("0/0 (-)");
  }

  @Test
  void reportNeedsAPeriod() {
    assertThatThrownBy(() -> ServiceQualityReport.builder().compute(List.of()))
        .hasFieldOrPropertyWithValue("code", "report.period");
  }

  // ---- a seeded population of 100,000 dossiers against a naive recount ----

  private static final ProcedureRef[] PROCEDURES = {
    BIRTH,
    CERTIFY,
    new ProcedureRef(
        ProcedureCode.parse("1.000656"), "Xác nhận tình trạng hôn nhân", "HT", "Hộ tịch")
  };

  private List<Dossier> population(int size, long seed) {
    return Snapshots.population(
        size,
        seed,
        policy,
        new AgencyCode[] {COMMUNE, COMMUNE, COMMUNE, OTHER},
        PROCEDURES,
        vn(2025, 6, 1, 0, 0),
        vn(2025, 11, 1, 0, 0));
  }

  private static long count(List<Dossier> all, Predicate<Dossier> p) {
    return all.stream().filter(p).count();
  }

  private static boolean within(java.util.Optional<Instant> t, ReportPeriod p) {
    if (t.isEmpty()) {
      return false;
    }
    LocalDate day = t.get().atZone(ReportPeriod.ZONE).toLocalDate();
    return !day.isBefore(p.first()) && !day.isAfter(p.last());
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20251001L})
  void randomPopulationMatchesANaiveRecount(long seed) {
    List<Dossier> all = population(100_000, seed);
    Instant asOf = vn(2025, 9, 15, 12, 0);
    ServiceQualityReport report =
        ServiceQualityReport.builder()
            .period(q3)
            .asOf(asOf)
            .groupByAgency(true)
            .groupByProcedure(true)
            .compute(all);
    QualityFigures f = report.total();

    Predicate<Dossier> received = d -> within(java.util.Optional.of(d.submittedAt()), q3);
    Predicate<Dossier> handled = d -> within(d.completedAt(), q3);
    Predicate<Dossier> finalStatus =
        d ->
            d.status() == DossierStatus.REFUSED
                || d.status() == DossierStatus.WITHDRAWN
                || d.status() == DossierStatus.STOPPED;
    Predicate<Dossier> inProgress =
        d ->
            d.acceptedAt().filter(a -> !a.isAfter(asOf)).isPresent()
                && d.completedAt().filter(c -> !c.isAfter(asOf)).isEmpty()
                && !(finalStatus.test(d) && !d.lastEventAt().isAfter(asOf));
    // Timeliness recounted from the due instant and the finish, by Vietnamese calendar day.
    Predicate<Dossier> late =
        d -> d.dueAt().isPresent() && d.completedAt().get().isAfter(d.dueAt().get());
    Predicate<Dossier> early =
        d ->
            d.dueAt().isPresent()
                && d.completedAt()
                    .get()
                    .atZone(ReportPeriod.ZONE)
                    .toLocalDate()
                    .isBefore(d.dueAt().get().atZone(ReportPeriod.ZONE).toLocalDate());

    assertThat(f.received()).isEqualTo(count(all, received));
    assertThat(f.receivedOnlineFull())
        .isEqualTo(count(all, received.and(d -> d.channel() == SubmissionChannel.ONLINE_FULL)));
    assertThat(f.receivedOnlinePartial())
        .isEqualTo(count(all, received.and(d -> d.channel() == SubmissionChannel.ONLINE_PARTIAL)));
    assertThat(f.handled()).isEqualTo(count(all, handled));
    assertThat(f.handledLate()).isEqualTo(count(all, handled.and(late)));
    assertThat(f.handledEarly()).isEqualTo(count(all, handled.and(early)));
    assertThat(f.handledOnTime())
        .isEqualTo(
            count(
                all,
                handled.and(d -> d.dueAt().isPresent()).and(late.negate()).and(early.negate())));
    assertThat(f.handledWithoutDueDate())
        .isEqualTo(count(all, handled.and(d -> d.dueAt().isEmpty())));
    assertThat(f.inProgress()).isEqualTo(count(all, inProgress));
    assertThat(f.overdue())
        .isEqualTo(
            count(all, inProgress.and(d -> d.dueAt().filter(x -> x.isBefore(asOf)).isPresent())));
    assertThat(f.refused())
        .isEqualTo(
            count(
                all,
                d ->
                    d.status() == DossierStatus.REFUSED
                        && within(java.util.Optional.of(d.lastEventAt()), q3)));
    assertThat(f.withdrawn())
        .isEqualTo(
            count(
                all,
                d ->
                    d.status() == DossierStatus.WITHDRAWN
                        && within(java.util.Optional.of(d.lastEventAt()), q3)));
    assertThat(f.stopped())
        .isEqualTo(
            count(
                all,
                d ->
                    d.status() == DossierStatus.STOPPED
                        && within(java.util.Optional.of(d.lastEventAt()), q3)));
    assertThat(f.digitised()).isEqualTo(count(all, received.and(Dossier::digitised)));
    assertThat(f.receivedWithFees()).isEqualTo(count(all, received.and(d -> !d.fees().isEmpty())));
    assertThat(f.paidOnline())
        .isEqualTo(count(all, received.and(d -> !d.fees().isEmpty()).and(Dossier::paidOnline)));
    for (Satisfaction s : Satisfaction.values()) {
      assertThat(f.ratings().get(s))
          .isEqualTo(count(all, d -> within(d.ratedAt(), q3) && d.rating().get().level() == s));
    }
    assertThat(f.rated()).isEqualTo(count(all, d -> within(d.ratedAt(), q3)));
    // The groups partition the total.
    assertThat(report.byAgency().values().stream().mapToLong(QualityFigures::received).sum())
        .isEqualTo(f.received());
    assertThat(report.byProcedure().values().stream().mapToLong(QualityFigures::handledLate).sum())
        .isEqualTo(f.handledLate());
    assertThat(report.byAgency().get(OTHER).inProgress())
        .isEqualTo(count(all, inProgress.and(d -> d.code().agency().equals(OTHER))));
    // The population exercises every figure.
    assertThat(
            List.of(
                f.handledEarly(),
                f.handledOnTime(),
                f.handledLate(),
                f.overdue(),
                f.refused(),
                f.withdrawn(),
                f.stopped(),
                f.paidOnline(),
                f.rated()))
        .allMatch(n -> n > 0);
  }

  @Test
  void reportPeriodParsesItsTextForms() {
    assertThat(ReportPeriod.parse("2025-Q3")).isEqualTo(q3);
    assertThat(ReportPeriod.parse("2025-02").last()).isEqualTo(LocalDate.of(2025, 2, 28));
    assertThat(ReportPeriod.parse("2024").last()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(ReportPeriod.parse("2025-07-01..2025-09-30").first()).isEqualTo(q3.first());
    assertThat(q3.contains(vn(2025, 9, 30, 23, 59))).isTrue();
    assertThat(q3.contains(vn(2025, 10, 1, 0, 0))).isFalse();
    assertThat(q3.contains(vn(2025, 7, 1, 0, 0))).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2025-Q5",
        "2025-Q0",
        "2025-13",
        "25",
        "2025-Q3x",
        "2025-09-31..2025-10-01",
        "2025-10-01..2025-09-30",
        "Q3-2025",
        "2025-07-01..",
        "9999999999999999999999999"
      })
  void reportPeriodRejectsHostileText(String text) {
    assertThatThrownBy(() -> ReportPeriod.parse(text))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).code()).startsWith("report-period."));
  }
}
