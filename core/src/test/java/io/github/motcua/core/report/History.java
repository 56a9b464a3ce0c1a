package io.github.motcua.core.report;

import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds the event history of one test dossier, as an integrator's system would record it. */
final class History {

  static final Applicant CITIZEN =
      Applicant.citizen("Nguyễn Văn An", PersonalId.parse("038203001234"));

  private final DossierCode code;
  private final long id;
  private final List<DossierEvent> events = new ArrayList<>();
  private final ProcedureRef procedure;
  private final SubmissionChannel channel;
  private final Instant submittedAt;
  private boolean digitised;
  private boolean withFee;
  private boolean started;

  private History(
      DossierCode code, long id, ProcedureRef procedure, SubmissionChannel channel, Instant at) {
    this.code = code;
    this.id = id;
    this.procedure = procedure;
    this.channel = channel;
    this.submittedAt = at;
  }

  static History of(
      DossierCode code, long id, ProcedureRef procedure, SubmissionChannel channel, Instant at) {
    return new History(code, id, procedure, channel, at);
  }

  static Instant vn(int y, int m, int d, int h, int min) {
    return LocalDateTime.of(y, m, d, h, min).atZone(ReportPeriod.ZONE).toInstant();
  }

  History digitised() {
    this.digitised = true;
    return this;
  }

  History withFee() {
    this.withFee = true;
    return this;
  }

  private UUID next() {
    return new UUID(id, events.size());
  }

  private void start() {
    if (started) {
      return;
    }
    started = true;
    List<DossierDocument> docs =
        List.of(
            new DossierDocument(
                "doc-" + id,
                Optional.empty(),
                "Tờ khai",
                "application/pdf",
                1024,
                "a".repeat(64),
                digitised,
                false,
                DossierDocument.CopyKind.ELECTRONIC,
                Optional.empty()));
    List<Fee> fees =
        withFee
            ? List.of(
                new Fee(
                    Fee.Kind.CHARGE,
                    "LP01",
                    "Lệ phí",
                    Vnd.of(50_000),
                    Fee.CollectionStage.AT_RECEPTION))
            : List.of();
    events.add(
        channel.isOnline()
            ? new DossierEvent.Submitted(
                next(), code, submittedAt, procedure, CITIZEN, channel, docs, fees, true)
            : new DossierEvent.Received(
                next(), code, submittedAt, procedure, CITIZEN, channel, docs, fees, false));
  }

  History accept(Instant at) {
    start();
    events.add(new DossierEvent.Accepted(next(), code, at));
    return this;
  }

  History received() {
    start();
    return this;
  }

  History supplement(Instant requested, Instant received) {
    start();
    events.add(
        new DossierEvent.SupplementRequested(
            next(), code, requested, "Thiếu giấy tờ", List.of("CCCD")));
    if (received != null) {
      events.add(
          new DossierEvent.SupplementReceived(
              next(),
              code,
              received,
              List.of(
                  new DossierDocument(
                      "sup-" + id,
                      Optional.empty(),
                      "CCCD",
                      "image/jpeg",
                      10,
                      "b".repeat(64),
                      false,
                      false,
                      DossierDocument.CopyKind.COPY,
                      Optional.empty()))));
    }
    return this;
  }

  History pay(Instant at, boolean online) {
    start();
    Fee fee =
        new Fee(
            Fee.Kind.CHARGE, "LP01", "Lệ phí", Vnd.of(50_000), Fee.CollectionStage.AT_RECEPTION);
    events.add(new DossierEvent.PaymentRequested(next(), code, at, List.of(fee)));
    events.add(
        new DossierEvent.PaymentReceived(
            next(), code, at, "PAY-" + id, Vnd.of(50_000), online, Optional.of("BL-" + id)));
    return this;
  }

  History result(Instant at) {
    start();
    events.add(new DossierEvent.ResultReady(next(), code, at, List.of()));
    return this;
  }

  History returned(Instant at) {
    events.add(new DossierEvent.ResultReturned(next(), code, at));
    return this;
  }

  History rate(Rating.Satisfaction level, Instant at) {
    events.add(new DossierEvent.Rated(next(), code, at, new Rating(level, Optional.empty())));
    return this;
  }

  History refuse(Instant at) {
    start();
    events.add(new DossierEvent.Refused(next(), code, at, "Không thuộc thẩm quyền"));
    return this;
  }

  History withdraw(Instant at) {
    start();
    events.add(new DossierEvent.Withdrawn(next(), code, at, Optional.empty()));
    return this;
  }

  History stop(Instant at) {
    start();
    events.add(new DossierEvent.Stopped(next(), code, at, "Dừng theo yêu cầu"));
    return this;
  }

  Dossier replay(DossierLifecycle lifecycle) {
    start();
    return lifecycle.replay(events);
  }
}
