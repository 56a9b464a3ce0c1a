package io.github.motcua.benchmarks;

import io.github.motcua.core.dossier.AppliedEvent;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.ProcessingStep;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The raw side of the JSON benchmark: the same snapshot as plain records of strings, numbers,
 * booleans, instants and lists, with no validation, no identifier types and no custom serializers,
 * read and written by a plain Jackson {@code ObjectMapper} (with the JSR-310 module for the
 * instants). It holds the same fields as {@link Dossier} so that both sides write about the same
 * JSON.
 */
record PlainDossier(
    String code,
    Procedure procedure,
    Applicant applicant,
    String channel,
    String status,
    boolean identityVerified,
    Instant submittedAt,
    Instant acceptedAt,
    Instant completedAt,
    Instant returnedAt,
    Instant dueAt,
    String statusReason,
    List<Document> documents,
    List<Fee> fees,
    List<Payment> payments,
    List<Step> steps,
    List<Supplement> supplements,
    List<Document> results,
    Rating rating,
    Instant ratedAt,
    int version,
    Instant lastEventAt,
    List<Applied> history) {

  record Procedure(
      String code, String name, String fieldCode, String fieldName, String processingTime) {}

  record Applicant(
      String kind,
      String name,
      String personalId,
      String taxCode,
      String phone,
      String email,
      String address) {}

  record Document(
      String documentId,
      String componentCode,
      String name,
      String mediaType,
      long sizeBytes,
      String sha256,
      boolean digitised,
      boolean reused,
      String copyKind,
      String location) {}

  record Fee(String kind, String code, String name, long amount, String stage) {}

  record Payment(
      String reference, long amount, boolean online, String receiptNumber, Instant paidAt) {}

  record Step(
      String officer,
      String title,
      String department,
      String content,
      Instant startedAt,
      Instant finishedAt,
      Instant dueAt) {}

  record Supplement(
      Instant requestedAt,
      String reason,
      List<String> missingItems,
      Instant receivedAt,
      List<Document> documents) {}

  record Rating(String level, String comment) {}

  record Applied(String eventId, String type, Instant occurredAt, String digest) {}

  /** Copies a snapshot field by field. */
  static PlainDossier of(Dossier d) {
    return new PlainDossier(
        d.code().value(),
        new Procedure(
            d.procedure().code().value(),
            d.procedure().name(),
            d.procedure().fieldCode(),
            d.procedure().fieldName(),
            d.procedure().processingTime().map(Object::toString).orElse(null)),
        new Applicant(
            d.applicant().kind().name(),
            d.applicant().name(),
            d.applicant().personalId().map(p -> p.value()).orElse(null),
            d.applicant().taxCode().map(t -> t.value()).orElse(null),
            d.applicant().contact().phone().orElse(null),
            d.applicant().contact().email().orElse(null),
            d.applicant().contact().address().orElse(null)),
        d.channel().name(),
        d.status().name(),
        d.identityVerified(),
        d.submittedAt(),
        d.acceptedAt().orElse(null),
        d.completedAt().orElse(null),
        d.returnedAt().orElse(null),
        d.dueAt().orElse(null),
        d.statusReason().orElse(null),
        d.documents().stream().map(PlainDossier::document).toList(),
        d.fees().stream()
            .map(
                f ->
                    new Fee(
                        f.kind().name(), f.code(), f.name(), f.amount().amount(), f.stage().name()))
            .toList(),
        d.payments().stream()
            .map(
                p ->
                    new Payment(
                        p.reference(),
                        p.amount().amount(),
                        p.online(),
                        p.receiptNumber().orElse(null),
                        p.paidAt()))
            .toList(),
        d.steps().stream().map(PlainDossier::step).toList(),
        d.supplements().stream()
            .map(
                s ->
                    new Supplement(
                        s.requestedAt(),
                        s.reason(),
                        s.missingItems(),
                        s.receivedAt().orElse(null),
                        s.documents().stream().map(PlainDossier::document).toList()))
            .toList(),
        d.results().stream().map(PlainDossier::document).toList(),
        d.rating().map(r -> new Rating(r.level().name(), r.comment().orElse(null))).orElse(null),
        d.ratedAt().orElse(null),
        d.version(),
        d.lastEventAt(),
        d.history().stream().map(PlainDossier::applied).toList());
  }

  private static Document document(DossierDocument x) {
    return new Document(
        x.documentId(),
        x.componentCode().orElse(null),
        x.name(),
        x.mediaType(),
        x.sizeBytes(),
        x.sha256(),
        x.digitised(),
        x.reused(),
        x.copyKind().name(),
        x.location().orElse(null));
  }

  private static Step step(ProcessingStep s) {
    Optional<Instant> due = s.dueAt();
    return new Step(
        s.officer(),
        s.title(),
        s.department(),
        s.content(),
        s.startedAt(),
        s.finishedAt(),
        due.orElse(null));
  }

  private static Applied applied(AppliedEvent a) {
    return new Applied(a.eventId().toString(), a.type(), a.occurredAt(), a.digest());
  }
}
