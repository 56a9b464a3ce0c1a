package io.github.motcua.portal.sync;

import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.money.Vnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Seeded, legal dossier histories of exactly {@code eventsPerDossier} events (at least 10), and an
 * interleaving of them in time order, as a commune would record them.
 */
final class EventScript {

  static final String UNIT = "000.00.31.H56";

  private final Map<DossierCode, List<DossierEvent>> byDossier = new LinkedHashMap<>();
  private final List<DossierEvent> interleaved;

  EventScript(int dossiers, int eventsPerDossier, long seed) {
    if (eventsPerDossier < 10) {
      throw new IllegalArgumentException("at least 10 events per dossier");
    }
    Random random = new Random(seed);
    Instant start = Instant.parse("2025-08-15T01:00:00Z");
    List<List<DossierEvent>> queues = new ArrayList<>();
    for (int i = 1; i <= dossiers; i++) {
      DossierCode code = DossierCode.parse(UNIT + "-250815-" + String.format("%05d", i));
      List<DossierEvent> events = history(code, start.plusSeconds(i), eventsPerDossier, random);
      byDossier.put(code, events);
      queues.add(new ArrayList<>(events));
    }
    // Interleave: repeatedly take the next event of a random dossier that has one left.
    List<DossierEvent> out = new ArrayList<>();
    List<Integer> open = new ArrayList<>();
    for (int i = 0; i < queues.size(); i++) {
      open.add(i);
    }
    while (!open.isEmpty()) {
      int pick = random.nextInt(open.size());
      List<DossierEvent> q = queues.get(open.get(pick));
      out.add(q.remove(0));
      if (q.isEmpty()) {
        open.remove(pick);
      }
    }
    interleaved = Collections.unmodifiableList(out);
  }

  List<DossierEvent> interleaved() {
    return interleaved;
  }

  Map<DossierCode, List<DossierEvent>> byDossier() {
    return byDossier;
  }

  Dossier fold(DossierCode code) {
    return DossierLifecycle.create().replay(byDossier.get(code));
  }

  private static List<DossierEvent> history(
      DossierCode code, Instant t0, int count, Random random) {
    List<DossierEvent> e = new ArrayList<>();
    Instant[] t = {t0};
    java.util.function.Supplier<Instant> next =
        () -> {
          t[0] = t[0].plus(Duration.ofMinutes(1 + random.nextInt(90)));
          return t[0];
        };
    PersonalId id =
        PersonalId.parse(
            String.format("0010%02d%06d", 60 + random.nextInt(40), random.nextInt(1_000_000)));
    ProcedureRef procedure =
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch");
    e.add(
        new DossierEvent.Submitted(
            uuid(random),
            code,
            next.get(),
            procedure,
            Applicant.citizen("Nguyễn Văn An", id),
            SubmissionChannel.ONLINE_FULL,
            List.of(),
            List.of(fee()),
            random.nextBoolean()));
    e.add(new DossierEvent.Accepted(uuid(random), code, next.get()));
    int steps = count - 9;
    int supplementAfter = random.nextInt(steps);
    int paymentAfter = random.nextInt(steps);
    for (int s = 0; s < steps; s++) {
      Instant started = t[0];
      Instant finished = next.get();
      e.add(
          new DossierEvent.StepCompleted(
              uuid(random),
              code,
              finished,
              new ProcessingStep(
                  "Trần Thị Bình",
                  "Chuyên viên",
                  "Bộ phận một cửa",
                  "Bước xử lý " + (s + 1),
                  started,
                  finished,
                  Optional.empty())));
      if (s == supplementAfter) {
        e.add(
            new DossierEvent.SupplementRequested(
                uuid(random), code, next.get(), "Thiếu giấy tờ", List.of("Bản sao CCCD")));
        e.add(
            new DossierEvent.SupplementReceived(
                uuid(random), code, next.get(), List.of(document(random))));
      }
      if (s == paymentAfter) {
        e.add(new DossierEvent.PaymentRequested(uuid(random), code, next.get(), List.of(fee())));
        e.add(
            new DossierEvent.PaymentReceived(
                uuid(random),
                code,
                next.get(),
                "PAY" + random.nextInt(1_000_000),
                Vnd.of(8_000),
                true,
                Optional.empty()));
      }
    }
    e.add(new DossierEvent.ResultReady(uuid(random), code, next.get(), List.of()));
    e.add(new DossierEvent.ResultReturned(uuid(random), code, next.get()));
    e.add(
        new DossierEvent.Rated(
            uuid(random),
            code,
            next.get(),
            new Rating(Rating.Satisfaction.VERY_SATISFIED, Optional.empty())));
    return e;
  }

  private static Fee fee() {
    return new Fee(
        Fee.Kind.CHARGE, "LP01", "Lệ phí", Vnd.of(8_000), Fee.CollectionStage.AT_RECEPTION);
  }

  private static DossierDocument document(Random random) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < 64; i++) {
      hex.append(Character.forDigit(random.nextInt(16), 16));
    }
    return new DossierDocument(
        "DOC" + random.nextInt(1_000_000),
        Optional.empty(),
        "Bản sao CCCD",
        "application/pdf",
        1024,
        hex.toString(),
        true,
        false,
        DossierDocument.CopyKind.ELECTRONIC,
        Optional.empty());
  }

  private static UUID uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong());
  }
}
