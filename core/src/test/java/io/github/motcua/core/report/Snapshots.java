package io.github.motcua.core.report;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.SupplementPeriod;
import io.github.motcua.core.dossier.AppliedEvent;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payment;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.dossier.SupplementRequest;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A seeded population of dossier snapshots built directly, as an integrator loads them from storage
 * (replaying every history through the lifecycle would take minutes for 100,000 dossiers on a
 * shared machine). Due dates come from the real {@link DeadlinePolicy}.
 */
final class Snapshots {

  private static final String DIGEST = "0".repeat(64);
  private static final Rating.Satisfaction[] LEVELS = Rating.Satisfaction.values();
  private static final SubmissionChannel[] CHANNELS = SubmissionChannel.values();

  private static DossierDocument document(boolean digitised) {
    return new DossierDocument(
        "doc",
        Optional.empty(),
        "Tờ khai",
        "application/pdf",
        1024,
        "a".repeat(64),
        digitised,
        false,
        DossierDocument.CopyKind.ELECTRONIC,
        Optional.empty());
  }

  private static final List<DossierDocument> DIGITISED = List.of(document(true));
  private static final List<DossierDocument> PAPER = List.of(document(false));
  private static final List<Fee> FEES =
      List.of(
          new Fee(
              Fee.Kind.CHARGE, "LP01", "Lệ phí", Vnd.of(50_000), Fee.CollectionStage.AT_RECEPTION));

  private Snapshots() {}

  static List<Dossier> population(
      int size,
      long seed,
      DeadlinePolicy policy,
      AgencyCode[] agencies,
      ProcedureRef[] procedures,
      Instant from,
      Instant to) {
    Random r = new Random(seed);
    long span = Duration.between(from, to).toMinutes();
    List<Dossier> out = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      out.add(
          one(r, i, policy, agencies, procedures, from.plus(Duration.ofMinutes(r.nextLong(span)))));
    }
    return out;
  }

  private static Duration minutes(Random r, int max) {
    return Duration.ofMinutes(1 + r.nextInt(max));
  }

  private static Dossier one(
      Random r,
      int i,
      DeadlinePolicy policy,
      AgencyCode[] agencies,
      ProcedureRef[] procedures,
      Instant at) {
    SubmissionChannel channel = CHANNELS[r.nextInt(CHANNELS.length)];
    AgencyCode agency = agencies[r.nextInt(agencies.length)];
    ProcedureRef procedure = procedures[r.nextInt(procedures.length)];
    boolean fee = r.nextBoolean();
    Dossier.Builder b =
        Dossier.builder()
            .code(DossierCode.of(agency, LocalDate.ofInstant(at, ReportPeriod.ZONE), i + 1))
            .procedure(procedure)
            .applicant(History.CITIZEN)
            .channel(channel)
            .submittedAt(at)
            .documents(r.nextInt(3) == 0 ? DIGITISED : PAPER)
            .fees(fee ? FEES : List.of());
    List<AppliedEvent> history = new ArrayList<>();
    history.add(event(i, history, channel.isOnline() ? "Submitted" : "Received", at));
    Instant t = at;
    if (channel.isOnline()) {
      if (r.nextInt(40) == 0) {
        t = t.plus(minutes(r, 600));
        history.add(event(i, history, "Refused", t));
        return b.status(DossierStatus.REFUSED)
            .statusReason("x")
            .history(history)
            .lastEventAt(t)
            .build();
      }
      t = t.plus(minutes(r, 2000));
      history.add(event(i, history, "Accepted", t));
    }
    Instant accepted = t;
    b.acceptedAt(accepted);
    int fate = r.nextInt(100);
    List<SupplementRequest> supplements = new ArrayList<>();
    DossierStatus status = DossierStatus.ACCEPTED;
    if (fate < 3 || (fate >= 3 && fate < 5)) {
      t = t.plus(minutes(r, 3000));
      history.add(event(i, history, fate < 3 ? "Withdrawn" : "Stopped", t));
      status = fate < 3 ? DossierStatus.WITHDRAWN : DossierStatus.STOPPED;
      if (fate >= 3) {
        b.statusReason("x");
      }
      return finish(b, policy, procedure, accepted, supplements, status, history, t);
    }
    if (fate < 12) {
      t = t.plus(minutes(r, 2000));
      Instant requested = t;
      history.add(event(i, history, "SupplementRequested", t));
      if (r.nextInt(3) == 0) {
        supplements.add(
            new SupplementRequest(requested, "x", List.of("CCCD"), Optional.empty(), List.of()));
        return finish(
            b,
            policy,
            procedure,
            accepted,
            supplements,
            DossierStatus.SUPPLEMENT_REQUESTED,
            history,
            t);
      }
      t = t.plus(minutes(r, 6000));
      history.add(event(i, history, "SupplementReceived", t));
      supplements.add(
          new SupplementRequest(requested, "x", List.of("CCCD"), Optional.of(t), PAPER));
      status = DossierStatus.IN_PROGRESS;
    }
    if (fee) {
      t = t.plus(minutes(r, 200));
      history.add(event(i, history, "PaymentRequested", t));
      history.add(event(i, history, "PaymentReceived", t));
      b.payments(
          List.of(new Payment("PAY-" + i, Vnd.of(50_000), r.nextInt(3) != 0, Optional.empty(), t)));
      status = DossierStatus.IN_PROGRESS;
    }
    if (fate < 20) {
      return finish(b, policy, procedure, accepted, supplements, status, history, t);
    }
    t = t.plus(minutes(r, 8000));
    history.add(event(i, history, "ResultReady", t));
    b.completedAt(t);
    status = DossierStatus.RESULT_READY;
    if (r.nextBoolean()) {
      t = t.plus(minutes(r, 3000));
      history.add(event(i, history, "ResultReturned", t));
      b.returnedAt(t);
      status = DossierStatus.RETURNED;
      if (r.nextBoolean()) {
        t = t.plus(minutes(r, 3000));
        history.add(event(i, history, "Rated", t));
        b.rating(new Rating(LEVELS[r.nextInt(LEVELS.length)], Optional.empty()), t);
      }
    }
    return finish(b, policy, procedure, accepted, supplements, status, history, t);
  }

  private static AppliedEvent event(int i, List<AppliedEvent> history, String type, Instant at) {
    return new AppliedEvent(new UUID(i, history.size()), type, at, DIGEST);
  }

  private static Dossier finish(
      Dossier.Builder b,
      DeadlinePolicy policy,
      ProcedureRef procedure,
      Instant accepted,
      List<SupplementRequest> supplements,
      DossierStatus status,
      List<AppliedEvent> history,
      Instant last) {
    List<SupplementPeriod> periods = new ArrayList<>();
    for (SupplementRequest s : supplements) {
      periods.add(
          new SupplementPeriod(
              local(s.requestedAt()), s.receivedAt().map(Snapshots::local).orElse(null)));
    }
    Optional<Instant> due =
        procedure
            .processingTime()
            .flatMap(limit -> policy.dueAt(local(accepted), limit, periods))
            .map(d -> d.atZone(ReportPeriod.ZONE).toInstant());
    return b.status(status)
        .supplements(supplements)
        .dueAt(due)
        .history(history)
        .lastEventAt(last)
        .build();
  }

  private static LocalDateTime local(Instant t) {
    return LocalDateTime.ofInstant(t, ReportPeriod.ZONE);
  }
}
