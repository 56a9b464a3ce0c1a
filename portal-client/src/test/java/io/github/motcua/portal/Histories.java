package io.github.motcua.portal;

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

/** Seeded dossier histories for the tests. */
final class Histories {

  static final AgencyCode UNIT = AgencyCode.parse("000.00.31.H56");
  static final Instant T0 = Instant.parse("2025-08-15T01:30:00Z"); // 08:30 in Vietnam
  static final ProcedureRef BIRTH =
      new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch");
  static final PersonalId ID = PersonalId.parse("038090001234");
  static final String APPLICANT = "Nguyễn Văn An";

  private final Random random;
  private long uuidCounter;

  Histories(long seed) {
    this.random = new Random(seed);
  }

  UUID id() {
    return new UUID(0x5eedL, ++uuidCounter + random.nextInt(1000) * 1_000_000_000L);
  }

  static DossierCode code(int sequence) {
    return DossierCode.of(UNIT, LocalDate.of(2025, 8, 15), sequence);
  }

  static Applicant applicant() {
    return Applicant.citizen(APPLICANT, ID)
        .withContact(
            new Contact(Optional.of("0912345678"), Optional.of("an@example.vn"), Optional.empty()));
  }

  static DossierDocument document(String id, boolean digitised) {
    return new DossierDocument(
        id,
        Optional.of("TP01"),
        "To khai dang ky khai sinh",
        "application/pdf",
        1024,
        "a".repeat(64),
        digitised,
        false,
        DossierDocument.CopyKind.ELECTRONIC,
        Optional.of("https://files.example.vn/" + id));
  }

  static Fee fee() {
    return new Fee(
        Fee.Kind.CHARGE,
        "LP01",
        "Lệ phí đăng ký",
        Vnd.of(50_000),
        Fee.CollectionStage.AT_RECEPTION);
  }

  /** The long happy path: every event type but Received, Refused, Withdrawn and Stopped. */
  List<DossierEvent> fullLifecycle(DossierCode code) {
    Instant t = T0;
    List<DossierEvent> events = new ArrayList<>();
    events.add(
        new DossierEvent.Submitted(
            id(),
            code,
            t,
            BIRTH,
            applicant(),
            SubmissionChannel.ONLINE_FULL,
            List.of(document("D1", true)),
            List.of(fee()),
            true));
    events.add(new DossierEvent.Accepted(id(), code, t = t.plus(Duration.ofHours(1))));
    events.add(
        new DossierEvent.StepCompleted(id(), code, t = t.plus(Duration.ofHours(1)), step(t, 1)));
    events.add(
        new DossierEvent.SupplementRequested(
            id(),
            code,
            t = t.plus(Duration.ofHours(1)),
            "Thiếu giấy chứng sinh",
            List.of("Giấy chứng sinh")));
    events.add(
        new DossierEvent.SupplementReceived(
            id(), code, t = t.plus(Duration.ofHours(20)), List.of(document("D2", true))));
    events.add(
        new DossierEvent.PaymentRequested(
            id(), code, t = t.plus(Duration.ofHours(1)), List.of(fee())));
    events.add(
        new DossierEvent.PaymentReceived(
            id(),
            code,
            t = t.plus(Duration.ofHours(1)),
            "20250815093012000001",
            Vnd.of(50_000),
            true,
            Optional.of("0000123")));
    events.add(
        new DossierEvent.StepCompleted(id(), code, t = t.plus(Duration.ofHours(1)), step(t, 2)));
    events.add(
        new DossierEvent.ResultReady(
            id(), code, t = t.plus(Duration.ofHours(1)), List.of(document("R1", false))));
    events.add(new DossierEvent.ResultReturned(id(), code, t = t.plus(Duration.ofHours(2))));
    events.add(
        new DossierEvent.Rated(
            id(),
            code,
            t.plus(Duration.ofHours(1)),
            new Rating(Rating.Satisfaction.VERY_SATISFIED, Optional.of("Nhanh"))));
    return events;
  }

  /** A random legal history of 2 to 12 events. */
  List<DossierEvent> randomHistory(DossierCode code) {
    Instant t = T0.plus(Duration.ofMinutes(random.nextInt(10_000)));
    List<DossierEvent> events = new ArrayList<>();
    boolean counter = random.nextInt(5) == 0;
    if (counter) {
      events.add(
          new DossierEvent.Received(
              id(),
              code,
              t,
              BIRTH,
              applicant(),
              SubmissionChannel.COUNTER,
              List.of(document("D1", random.nextBoolean())),
              List.of(fee()),
              false));
    } else {
      events.add(
          new DossierEvent.Submitted(
              id(),
              code,
              t,
              BIRTH,
              applicant(),
              SubmissionChannel.ONLINE_PARTIAL,
              List.of(document("D1", true)),
              List.of(),
              random.nextBoolean()));
      int r = random.nextInt(10);
      if (r == 0) {
        events.add(
            new DossierEvent.Refused(id(), code, t = t.plusSeconds(600), "Không đủ điều kiện"));
        return events;
      }
      events.add(new DossierEvent.Accepted(id(), code, t = t.plusSeconds(600)));
    }
    int steps = random.nextInt(6);
    for (int i = 1; i <= steps; i++) {
      t = t.plusSeconds(60 + random.nextInt(3600));
      events.add(new DossierEvent.StepCompleted(id(), code, t, step(t, i)));
      if (random.nextInt(8) == 0) {
        events.add(
            new DossierEvent.SupplementRequested(
                id(), code, t = t.plusSeconds(60), "Bổ sung", List.of("Bản sao")));
        events.add(
            new DossierEvent.SupplementReceived(
                id(), code, t = t.plusSeconds(3600), List.of(document("S" + i, true))));
      }
    }
    int end = random.nextInt(10);
    if (end == 0) {
      events.add(new DossierEvent.Withdrawn(id(), code, t.plusSeconds(60), Optional.empty()));
    } else if (end == 1) {
      events.add(new DossierEvent.Stopped(id(), code, t.plusSeconds(60), "Dừng theo yêu cầu"));
    } else {
      events.add(new DossierEvent.ResultReady(id(), code, t = t.plusSeconds(600), List.of()));
      events.add(new DossierEvent.ResultReturned(id(), code, t = t.plusSeconds(600)));
      if (random.nextBoolean()) {
        events.add(
            new DossierEvent.Rated(
                id(),
                code,
                t.plusSeconds(60),
                new Rating(Rating.Satisfaction.SATISFIED, Optional.empty())));
      }
    }
    return events;
  }

  static ProcessingStep step(Instant at, int n) {
    return new ProcessingStep(
        "Cán bộ " + n,
        "Chuyên viên",
        "Bộ phận một cửa",
        "Thẩm định bước " + n,
        at.minus(Duration.ofMinutes(30)),
        at,
        Optional.of(at.plus(Duration.ofDays(1))));
  }

  /** Each event with the snapshot right after it. */
  static List<Dossier> snapshots(List<DossierEvent> events) {
    DossierLifecycle lifecycle = DossierLifecycle.create();
    List<Dossier> out = new ArrayList<>();
    Dossier d = null;
    for (DossierEvent e : events) {
      d = d == null ? lifecycle.start(e) : lifecycle.apply(d, e);
      out.add(d);
    }
    return out;
  }
}
