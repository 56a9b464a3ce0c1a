package io.github.motcua.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.AppliedEvent;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payment;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SupplementRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Writes the canonical JSON of the dossier model: properties in a fixed order, empty optionals left
 * out, lists always written, identifiers as strings, amounts as whole numbers of đồng, instants as
 * ISO-8601 in UTC. Package-private; stateless and thread-safe.
 */
final class Writing {

  private Writing() {}

  /** Writes one element of a list or property value. */
  @FunctionalInterface
  interface ValueWriter<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  static void event(JsonGenerator g, DossierEvent e) throws IOException {
    g.writeStartObject();
    g.writeStringField("type", e.type());
    g.writeStringField("eventId", e.eventId().toString());
    g.writeStringField("dossierCode", e.dossierCode().value());
    instant(g, "occurredAt", e.occurredAt());
    if (e instanceof DossierEvent.Submitted s) {
      submission(
          g,
          s.procedure(),
          s.applicant(),
          s.channel().name(),
          s.documents(),
          s.fees(),
          s.identityVerified());
    } else if (e instanceof DossierEvent.Received s) {
      submission(
          g,
          s.procedure(),
          s.applicant(),
          s.channel().name(),
          s.documents(),
          s.fees(),
          s.identityVerified());
    } else if (e instanceof DossierEvent.Refused r) {
      g.writeStringField("reason", r.reason());
    } else if (e instanceof DossierEvent.StepCompleted s) {
      g.writeFieldName("step");
      step(g, s.step());
    } else if (e instanceof DossierEvent.SupplementRequested s) {
      g.writeStringField("reason", s.reason());
      list(g, "missingItems", s.missingItems(), JsonGenerator::writeString);
    } else if (e instanceof DossierEvent.SupplementReceived s) {
      list(g, "documents", s.documents(), Writing::document);
    } else if (e instanceof DossierEvent.PaymentRequested p) {
      list(g, "fees", p.fees(), Writing::fee);
    } else if (e instanceof DossierEvent.PaymentReceived p) {
      g.writeStringField("paymentReference", p.paymentReference());
      g.writeNumberField("amount", p.amount().amount());
      g.writeBooleanField("online", p.online());
      optionalString(g, "receiptNumber", p.receiptNumber());
    } else if (e instanceof DossierEvent.Withdrawn w) {
      optionalString(g, "reason", w.reason());
    } else if (e instanceof DossierEvent.Stopped s) {
      g.writeStringField("reason", s.reason());
    } else if (e instanceof DossierEvent.ResultReady r) {
      list(g, "results", r.results(), Writing::document);
    } else if (e instanceof DossierEvent.Rated r) {
      g.writeFieldName("rating");
      rating(g, r.rating());
    } else if (e instanceof DossierEvent.ReceiptRecorded r) {
      g.writeStringField("kind", r.kind());
      g.writeStringField("receiptKey", r.receiptKey());
      g.writeStringField("document", r.document());
    }
    // Accepted and ResultReturned carry nothing beyond the common properties.
    g.writeEndObject();
  }

  private static void submission(
      JsonGenerator g,
      ProcedureRef procedure,
      Applicant applicant,
      String channel,
      List<DossierDocument> documents,
      List<Fee> fees,
      boolean identityVerified)
      throws IOException {
    g.writeFieldName("procedure");
    procedure(g, procedure);
    g.writeFieldName("applicant");
    applicant(g, applicant);
    g.writeStringField("channel", channel);
    g.writeBooleanField("identityVerified", identityVerified);
    list(g, "documents", documents, Writing::document);
    list(g, "fees", fees, Writing::fee);
  }

  static void dossier(JsonGenerator g, Dossier d) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", d.code().value());
    g.writeFieldName("procedure");
    procedure(g, d.procedure());
    g.writeFieldName("applicant");
    applicant(g, d.applicant());
    g.writeStringField("channel", d.channel().name());
    g.writeStringField("returnForm", d.returnForm().name());
    g.writeStringField("status", d.status().name());
    g.writeBooleanField("identityVerified", d.identityVerified());
    instant(g, "submittedAt", d.submittedAt());
    optionalInstant(g, "acceptedAt", d.acceptedAt());
    optionalInstant(g, "completedAt", d.completedAt());
    optionalInstant(g, "returnedAt", d.returnedAt());
    optionalInstant(g, "dueAt", d.dueAt());
    optionalString(g, "statusReason", d.statusReason());
    list(g, "documents", d.documents(), Writing::document);
    list(g, "fees", d.fees(), Writing::fee);
    list(g, "payments", d.payments(), Writing::payment);
    list(g, "steps", d.steps(), Writing::step);
    list(g, "supplements", d.supplements(), Writing::supplement);
    list(g, "results", d.results(), Writing::document);
    if (d.rating().isPresent()) {
      g.writeFieldName("rating");
      rating(g, d.rating().get());
    }
    optionalInstant(g, "ratedAt", d.ratedAt());
    g.writeNumberField("version", d.version());
    instant(g, "lastEventAt", d.lastEventAt());
    list(g, "history", d.history(), Writing::applied);
    g.writeEndObject();
  }

  static void procedure(JsonGenerator g, ProcedureRef p) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", p.code().value());
    g.writeStringField("name", p.name());
    g.writeStringField("fieldCode", p.fieldCode());
    g.writeStringField("fieldName", p.fieldName());
    if (p.processingTime().isPresent()) {
      g.writeStringField("processingTime", p.processingTime().get().toString());
    }
    g.writeEndObject();
  }

  static void applicant(JsonGenerator g, Applicant a) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", a.kind().name());
    g.writeStringField("name", a.name());
    if (a.personalId().isPresent()) {
      g.writeStringField("personalId", a.personalId().get().value());
    }
    if (a.taxCode().isPresent()) {
      g.writeStringField("taxCode", a.taxCode().get().value());
    }
    if (a.nationalPortalAccountId().isPresent()) {
      g.writeStringField("nationalPortalAccountId", a.nationalPortalAccountId().get().value());
    }
    g.writeFieldName("contact");
    contact(g, a.contact());
    g.writeEndObject();
  }

  static void contact(JsonGenerator g, Contact c) throws IOException {
    g.writeStartObject();
    optionalString(g, "phone", c.phone());
    optionalString(g, "email", c.email());
    optionalString(g, "address", c.address());
    g.writeEndObject();
  }

  static void document(JsonGenerator g, DossierDocument d) throws IOException {
    g.writeStartObject();
    g.writeStringField("documentId", d.documentId());
    optionalString(g, "componentCode", d.componentCode());
    g.writeStringField("name", d.name());
    g.writeStringField("mediaType", d.mediaType());
    g.writeNumberField("sizeBytes", d.sizeBytes());
    g.writeStringField("sha256", d.sha256());
    g.writeBooleanField("digitised", d.digitised());
    g.writeBooleanField("reused", d.reused());
    g.writeStringField("copyKind", d.copyKind().name());
    optionalString(g, "location", d.location());
    optionalString(g, "resultCode", d.resultCode());
    if (d.fromNationalStore()) {
      g.writeBooleanField("fromNationalStore", true);
    }
    g.writeEndObject();
  }

  static void fee(JsonGenerator g, Fee f) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", f.kind().name());
    g.writeStringField("code", f.code());
    g.writeStringField("name", f.name());
    g.writeNumberField("amount", f.amount().amount());
    g.writeStringField("stage", f.stage().name());
    g.writeEndObject();
  }

  static void payment(JsonGenerator g, Payment p) throws IOException {
    g.writeStartObject();
    g.writeStringField("reference", p.reference());
    g.writeNumberField("amount", p.amount().amount());
    g.writeBooleanField("online", p.online());
    optionalString(g, "receiptNumber", p.receiptNumber());
    instant(g, "paidAt", p.paidAt());
    g.writeEndObject();
  }

  static void step(JsonGenerator g, ProcessingStep s) throws IOException {
    g.writeStartObject();
    g.writeStringField("officer", s.officer());
    g.writeStringField("title", s.title());
    g.writeStringField("department", s.department());
    g.writeStringField("content", s.content());
    instant(g, "startedAt", s.startedAt());
    instant(g, "finishedAt", s.finishedAt());
    optionalInstant(g, "dueAt", s.dueAt());
    g.writeEndObject();
  }

  static void supplement(JsonGenerator g, SupplementRequest s) throws IOException {
    g.writeStartObject();
    instant(g, "requestedAt", s.requestedAt());
    g.writeStringField("reason", s.reason());
    list(g, "missingItems", s.missingItems(), JsonGenerator::writeString);
    optionalInstant(g, "receivedAt", s.receivedAt());
    list(g, "documents", s.documents(), Writing::document);
    g.writeEndObject();
  }

  static void rating(JsonGenerator g, Rating r) throws IOException {
    g.writeStartObject();
    g.writeStringField("level", r.level().name());
    optionalString(g, "comment", r.comment());
    g.writeEndObject();
  }

  static void applied(JsonGenerator g, AppliedEvent a) throws IOException {
    g.writeStartObject();
    g.writeStringField("eventId", a.eventId().toString());
    g.writeStringField("type", a.type());
    instant(g, "occurredAt", a.occurredAt());
    g.writeStringField("digest", a.digest());
    g.writeEndObject();
  }

  private static <T> void list(JsonGenerator g, String name, List<T> values, ValueWriter<T> writer)
      throws IOException {
    g.writeArrayFieldStart(name);
    for (T value : values) {
      writer.write(g, value);
    }
    g.writeEndArray();
  }

  private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
    g.writeStringField(name, value.toString());
  }

  private static void optionalInstant(JsonGenerator g, String name, Optional<Instant> value)
      throws IOException {
    if (value.isPresent()) {
      instant(g, name, value.get());
    }
  }

  private static void optionalString(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    }
  }
}
