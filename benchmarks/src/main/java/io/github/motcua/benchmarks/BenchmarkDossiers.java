package io.github.motcua.benchmarks;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.money.Vnd;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded dossier histories shared by the benchmarks: a commune's procedures with processing-time
 * limits, citizens, documents, fees, online payments, steps, supplements, results and ratings, so
 * that every field a snapshot has is filled somewhere. The same seed gives the same data.
 */
final class BenchmarkDossiers {

  static final AgencyCode UNIT = AgencyCode.parse("000.00.31.H56");
  static final Instant START = Instant.parse("2025-07-01T01:30:00Z");

  private static final ProcedureRef[] PROCEDURES = {
    new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
        .withProcessingTime(ProcessingTime.ofWorkingDays(1)),
    new ProcedureRef(ProcedureCode.parse("1.000894"), "Đăng ký kết hôn", "HT", "Hộ tịch")
        .withProcessingTime(ProcessingTime.ofWorkingDays(3)),
    new ProcedureRef(
            ProcedureCode.parse("2.000908"), "Chứng thực bản sao từ bản chính", "CT", "Chứng thực")
        .withProcessingTime(ProcessingTime.ofWorkingHours(4)),
    new ProcedureRef(
            ProcedureCode.parse("1.004227"), "Đăng ký thường trú", "CT", "Đăng ký, quản lý cư trú")
        .withProcessingTime(ProcessingTime.ofWorkingDays(7)),
  };

  private final Random random;
  private long ids;

  BenchmarkDossiers(long seed) {
    this.random = new Random(seed);
  }

  /** The lifecycle the benchmarks fold with: Vietnam's deadline policy sets every due date. */
  static DossierLifecycle lifecycle() {
    return DossierLifecycle.create(DeadlinePolicy.vietnam());
  }

  /**
   * Folds {@code count} distinct histories into snapshots.
   *
   * @param count how many dossiers
   * @return the snapshots, in order
   */
  List<Dossier> snapshots(int count) {
    DossierLifecycle lifecycle = lifecycle();
    List<Dossier> out = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      out.add(lifecycle.replay(history(i)));
    }
    return out;
  }

  /**
   * A legal history of the dossier with this sequence number: 3 to 16 events, most of them ending
   * with a returned result, some refused, withdrawn or still in progress.
   *
   * @param sequence the dossier's sequence number, 1 to 99999
   * @return the events in order
   */
  List<DossierEvent> history(int sequence) {
    DossierCode code =
        DossierCode.of(
            UNIT, LocalDate.of(2025, 7, 1).plusDays(sequence % 90), sequence % 99_999 + 1);
    ProcedureRef procedure = PROCEDURES[random.nextInt(PROCEDURES.length)];
    Instant t =
        START.plus(Duration.ofDays(sequence % 90)).plus(Duration.ofMinutes(random.nextInt(9 * 60)));
    List<DossierEvent> events = new ArrayList<>();
    boolean online = random.nextInt(3) > 0;
    boolean paid = random.nextBoolean();
    Applicant applicant =
        Applicant.citizen(
                "Nguyễn Văn An", PersonalId.parse(String.format("0010900%05d", sequence % 100_000)))
            .withContact(
                new Contact(
                    Optional.of("0912345678"), Optional.of("an@example.vn"), Optional.empty()));
    if (online) {
      events.add(
          new DossierEvent.Submitted(
              id(),
              code,
              t,
              procedure,
              applicant,
              random.nextBoolean()
                  ? SubmissionChannel.ONLINE_FULL
                  : SubmissionChannel.ONLINE_PARTIAL,
              List.of(document("D1", true), document("D2", random.nextBoolean())),
              List.of(),
              true));
      if (random.nextInt(20) == 0) {
        events.add(new DossierEvent.Refused(id(), code, t.plusSeconds(900), "Không đủ điều kiện"));
        return events;
      }
      events.add(new DossierEvent.Accepted(id(), code, t = t.plusSeconds(900)));
    } else {
      events.add(
          new DossierEvent.Received(
              id(),
              code,
              t,
              procedure,
              applicant,
              SubmissionChannel.COUNTER,
              List.of(document("D1", random.nextBoolean())),
              List.of(),
              false));
    }
    if (paid) {
      events.add(
          new DossierEvent.PaymentRequested(id(), code, t = t.plusSeconds(300), List.of(fee())));
      events.add(
          new DossierEvent.PaymentReceived(
              id(),
              code,
              t = t.plusSeconds(600),
              String.format("DVC%017d", ids),
              Vnd.of(50_000),
              online,
              Optional.of(String.format("%07d", ids % 10_000_000))));
    }
    int steps = 1 + random.nextInt(4);
    for (int s = 1; s <= steps; s++) {
      Instant from = t;
      t = t.plus(Duration.ofMinutes(30 + random.nextInt(600)));
      events.add(
          new DossierEvent.StepCompleted(
              id(),
              code,
              t,
              new ProcessingStep(
                  "Trần Thị Bình",
                  "Chuyên viên",
                  "Một cửa",
                  "Thẩm định " + s,
                  from,
                  t,
                  Optional.empty())));
      if (random.nextInt(10) == 0) {
        events.add(
            new DossierEvent.SupplementRequested(
                id(), code, t = t.plusSeconds(600), "Thiếu giấy tờ", List.of("Bản sao CCCD")));
        events.add(
            new DossierEvent.SupplementReceived(
                id(), code, t = t.plus(Duration.ofHours(20)), List.of(document("S" + s, true))));
      }
    }
    int end = random.nextInt(20);
    if (end == 0) {
      events.add(new DossierEvent.Withdrawn(id(), code, t.plusSeconds(60), Optional.empty()));
      return events;
    }
    if (end == 1) {
      return events; // still in progress
    }
    events.add(
        new DossierEvent.ResultReady(
            id(),
            code,
            t = t.plus(Duration.ofHours(random.nextInt(30))),
            List.of(document("R1", false))));
    events.add(new DossierEvent.ResultReturned(id(), code, t = t.plus(Duration.ofHours(2))));
    if (random.nextBoolean()) {
      events.add(
          new DossierEvent.Rated(
              id(),
              code,
              t.plusSeconds(600),
              new Rating(
                  Rating.Satisfaction.values()[random.nextInt(Rating.Satisfaction.values().length)],
                  Optional.of("Nhanh"))));
    }
    return events;
  }

  private UUID id() {
    return new UUID(0x6d6f74637561L, ++ids);
  }

  private static DossierDocument document(String id, boolean digitised) {
    return new DossierDocument(
        id,
        Optional.of("TP01"),
        "Tờ khai đăng ký",
        "application/pdf",
        20_480,
        "ab".repeat(32),
        digitised,
        false,
        DossierDocument.CopyKind.ELECTRONIC,
        Optional.of("https://files.example.vn/" + id));
  }

  private static Fee fee() {
    return new Fee(
        Fee.Kind.CHARGE,
        "LP01",
        "Lệ phí đăng ký",
        Vnd.of(50_000),
        Fee.CollectionStage.AT_RECEPTION);
  }
}
