package io.github.motcua.examples;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.core.report.ReportPeriod;
import io.github.motcua.core.report.ServiceQualityReport;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Prints the service-quality report of the third quarter of 2025 for a generated commune like the
 * one of the project's founding story: 1,873 dossiers received, 1,871 of them online, every one
 * handled on time or early.
 *
 * <p>The dossiers are recorded as events, folded by a {@link DossierLifecycle} whose {@link
 * DeadlinePolicy} sets each due date from the official working calendar, and counted in one pass by
 * {@link ServiceQualityReport}.
 */
public final class QualityReportExample {

  private static final AgencyCode COMMUNE = AgencyCode.parse("000.00.31.H56");
  private static final ProcedureRef[] PROCEDURES = {
    new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
        .withProcessingTime(ProcessingTime.ofWorkingDays(3)),
    new ProcedureRef(ProcedureCode.parse("2.000908"), "Chứng thực bản sao", "CT", "Chứng thực")
        .withProcessingTime(ProcessingTime.ofWorkingHours(8)),
    new ProcedureRef(
            ProcedureCode.parse("1.000656"), "Xác nhận tình trạng hôn nhân", "HT", "Hộ tịch")
        .withProcessingTime(ProcessingTime.ofWorkingDays(5)),
  };

  private QualityReportExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Generates the commune's quarter and prints its quality report, grouped by procedure.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    DeadlinePolicy policy = DeadlinePolicy.vietnam();
    List<Dossier> dossiers = communeQuarter(policy, new Random(1873));
    ServiceQualityReport report =
        ServiceQualityReport.builder()
            .period(ReportPeriod.quarter(2025, 3))
            .groupByProcedure(true)
            .compute(dossiers);
    out.print(report.toText());
  }

  /** 1,873 dossiers received on working days of July to mid-September 2025, all on time. */
  static List<Dossier> communeQuarter(DeadlinePolicy policy, Random random) {
    DossierLifecycle lifecycle = DossierLifecycle.create(policy);
    Applicant citizen = Applicant.citizen("Nguyễn Văn An", PersonalId.parse("038203001234"));
    List<Dossier> out = new ArrayList<>();
    LocalDate day = LocalDate.of(2025, 7, 1);
    int sequence = 0;
    for (int i = 0; i < 1873; i++) {
      while (!policy.calendar().isWorkingDay(day)) {
        day = day.plusDays(1);
      }
      Instant at =
          day.atTime(LocalTime.of(7, 30))
              .plusMinutes(random.nextInt(500))
              .atZone(policy.zone())
              .toInstant();
      SubmissionChannel channel =
          i < 2
              ? SubmissionChannel.COUNTER
              : random.nextInt(4) == 0
                  ? SubmissionChannel.ONLINE_PARTIAL
                  : SubmissionChannel.ONLINE_FULL;
      ProcedureRef procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
      DossierCode code = DossierCode.of(COMMUNE, day, ++sequence);
      long id = i;
      int[] n = {0};
      java.util.function.Supplier<UUID> ids = () -> new UUID(id, n[0]++);
      boolean fee = procedure.code().value().startsWith("2");
      List<Fee> fees =
          fee
              ? List.of(
                  new Fee(
                      Fee.Kind.CHARGE,
                      "LP-CT",
                      "Lệ phí chứng thực",
                      Vnd.of(2_000),
                      Fee.CollectionStage.AT_RECEPTION))
              : List.of();
      List<DossierDocument> documents =
          List.of(
              new DossierDocument(
                  "doc-" + id,
                  Optional.empty(),
                  "Tờ khai",
                  "application/pdf",
                  52_000,
                  "ab".repeat(32),
                  random.nextInt(10) != 0,
                  false,
                  DossierDocument.CopyKind.ELECTRONIC,
                  Optional.empty()));
      List<DossierEvent> events = new ArrayList<>();
      Instant accepted = at;
      if (channel.isOnline()) {
        events.add(
            new DossierEvent.Submitted(
                ids.get(), code, at, procedure, citizen, channel, documents, fees, true));
        accepted = at.plus(Duration.ofMinutes(5 + random.nextInt(60)));
        events.add(new DossierEvent.Accepted(ids.get(), code, accepted));
      } else {
        events.add(
            new DossierEvent.Received(
                ids.get(), code, at, procedure, citizen, channel, documents, fees, false));
      }
      Instant t = accepted.plus(Duration.ofMinutes(1 + random.nextInt(30)));
      if (fee) {
        events.add(new DossierEvent.PaymentRequested(ids.get(), code, t, fees));
        events.add(
            new DossierEvent.PaymentReceived(
                ids.get(),
                code,
                t,
                "PAY-" + id,
                Vnd.of(2_000),
                channel.isOnline(),
                Optional.empty()));
      }
      Instant due = policy.dueAt(accepted, procedure.processingTime().orElseThrow());
      long window = Duration.between(t, due).toMinutes();
      Instant done = t.plus(Duration.ofMinutes(1 + random.nextLong(Math.max(1, window - 1))));
      events.add(new DossierEvent.ResultReady(ids.get(), code, done, List.of()));
      Instant handedOver = done.plus(Duration.ofMinutes(30));
      events.add(new DossierEvent.ResultReturned(ids.get(), code, handedOver));
      if (random.nextInt(3) == 0) {
        Rating.Satisfaction level =
            random.nextInt(20) == 0
                ? Rating.Satisfaction.DISSATISFIED
                : random.nextBoolean()
                    ? Rating.Satisfaction.VERY_SATISFIED
                    : Rating.Satisfaction.SATISFIED;
        events.add(
            new DossierEvent.Rated(
                ids.get(),
                code,
                handedOver.plus(Duration.ofMinutes(5)),
                new Rating(level, Optional.empty())));
      }
      out.add(lifecycle.replay(events));
      if (i % 36 == 35) {
        day = day.plusDays(1);
      }
    }
    return out;
  }
}
