package io.github.motcua.core.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.AppliedEvent;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payment;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.ReturnForm;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.dossier.SupplementRequest;
import io.github.motcua.core.dossier.Violation;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the canonical JSON of the dossier model from a Jackson tree, collecting every problem with
 * its JSON path instead of stopping at the first. Unknown properties are ignored. Package-private;
 * one instance per document, not thread-safe.
 *
 * <p>Hostile documents can hold a great many problems (every empty object in a list lacks all its
 * properties), so the cost of each is constant: the first {@link JsonErrors#MAX_VIOLATIONS} are
 * kept, the rest only counted, and the check that keeps a model rule from repeating a reading
 * failure looks only at the failures inside the value being built, each subtree's failures
 * collapsing to one entry once the value is built. Reading a document with {@code v} problems costs
 * time and memory in {@code O(n + v)}, {@code v} itself being {@code O(n)}.
 */
final class Reading {

  /** Longest path kept in a violation; deeper paths are cut (hostile nesting). */
  private static final int MAX_PATH = 300;

  /** The first violations, in document order. */
  private final List<Violation> kept = new ArrayList<>();

  /**
   * Paths (uncut) of the failures not yet inside a built value, in document order: a value's
   * failures are replaced by its own path once it is built (see {@link #build}).
   */
  private final List<String> open = new ArrayList<>();

  private int count;

  /** Reads an element of a list or an object property. */
  @FunctionalInterface
  interface NodeReader<T> {
    T read(JsonNode node, String path);
  }

  /** Whether a violation would still be kept, so that its path is worth building. */
  boolean keepsDetail() {
    return kept.size() < JsonErrors.MAX_VIOLATIONS;
  }

  void add(String path, String code, String message) {
    count++;
    open.add(path);
    if (keepsDetail()) {
      String p = path.length() > MAX_PATH ? path.substring(0, MAX_PATH) + "..." : path;
      kept.add(new Violation(p, code, message));
    }
  }

  /** Throws when anything was found. */
  void throwIfAny() {
    if (count > 0) {
      throw JsonErrors.invalid(kept, count, null);
    }
  }

  // --- events and snapshots ------------------------------------------------------------------

  DossierEvent event(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    String type = string(node, path, "type");
    if (type == null) {
      return null;
    }
    if (!DossierEvent.typeNames().contains(type)) {
      add(
          path + ".type",
          "unknown-type",
          "is not an event type; known types: "
              + String.join(", ", DossierEvent.typeNames())
              + ".");
      return null;
    }
    UUID id = uuid(node, path, "eventId");
    DossierCode code = identifier(node, path, "dossierCode", DossierCode::parse);
    Instant at = instant(node, path, "occurredAt");
    switch (type) {
      case "Submitted":
      case "Received":
        {
          ProcedureRef procedure = object(node, path, "procedure", this::procedure);
          Applicant applicant = object(node, path, "applicant", this::applicant);
          SubmissionChannel channel = enumValue(node, path, "channel", SubmissionChannel.class);
          Boolean verified = bool(node, path, "identityVerified");
          List<DossierDocument> documents = list(node, path, "documents", this::document);
          List<Fee> fees = list(node, path, "fees", this::fee);
          boolean v = verified != null && verified;
          return build(
              path,
              () ->
                  type.equals("Submitted")
                      ? new DossierEvent.Submitted(
                          id, code, at, procedure, applicant, channel, documents, fees, v)
                      : new DossierEvent.Received(
                          id, code, at, procedure, applicant, channel, documents, fees, v));
        }
      case "Accepted":
        return build(path, () -> new DossierEvent.Accepted(id, code, at));
      case "Refused":
        {
          String reason = string(node, path, "reason");
          return build(path, () -> new DossierEvent.Refused(id, code, at, reason));
        }
      case "StepCompleted":
        {
          ProcessingStep step = object(node, path, "step", this::step);
          return build(path, () -> new DossierEvent.StepCompleted(id, code, at, step));
        }
      case "SupplementRequested":
        {
          String reason = string(node, path, "reason");
          List<String> missing = list(node, path, "missingItems", this::stringValue);
          return build(
              path, () -> new DossierEvent.SupplementRequested(id, code, at, reason, missing));
        }
      case "SupplementReceived":
        {
          List<DossierDocument> documents = list(node, path, "documents", this::document);
          return build(path, () -> new DossierEvent.SupplementReceived(id, code, at, documents));
        }
      case "PaymentRequested":
        {
          List<Fee> fees = list(node, path, "fees", this::fee);
          return build(path, () -> new DossierEvent.PaymentRequested(id, code, at, fees));
        }
      case "PaymentReceived":
        {
          String reference = string(node, path, "paymentReference");
          Vnd amount = vnd(node, path, "amount");
          Boolean online = bool(node, path, "online");
          Optional<String> receipt = optionalString(node, path, "receiptNumber");
          return build(
              path,
              () ->
                  new DossierEvent.PaymentReceived(
                      id, code, at, reference, amount, online != null && online, receipt));
        }
      case "Withdrawn":
        {
          Optional<String> reason = optionalString(node, path, "reason");
          return build(path, () -> new DossierEvent.Withdrawn(id, code, at, reason));
        }
      case "Stopped":
        {
          String reason = string(node, path, "reason");
          return build(path, () -> new DossierEvent.Stopped(id, code, at, reason));
        }
      case "ResultReady":
        {
          List<DossierDocument> results = list(node, path, "results", this::document);
          return build(path, () -> new DossierEvent.ResultReady(id, code, at, results));
        }
      case "ResultReturned":
        return build(path, () -> new DossierEvent.ResultReturned(id, code, at));
      case "Rated":
        {
          Rating rating = object(node, path, "rating", this::rating);
          return build(path, () -> new DossierEvent.Rated(id, code, at, rating));
        }
      case "ReceiptRecorded":
        {
          String kind = string(node, path, "kind");
          String key = string(node, path, "receiptKey");
          String document = string(node, path, "document");
          return build(
              path, () -> new DossierEvent.ReceiptRecorded(id, code, at, kind, key, document));
        }
      default:
        throw new IllegalStateException("event type without a reader: " + type);
    }
  }

  Dossier dossier(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    Dossier.Builder b =
        Dossier.builder()
            .code(identifier(node, path, "code", DossierCode::parse))
            .procedure(object(node, path, "procedure", this::procedure))
            .applicant(object(node, path, "applicant", this::applicant))
            .channel(enumValue(node, path, "channel", SubmissionChannel.class))
            .returnForm(
                node.has("returnForm")
                    ? enumValue(node, path, "returnForm", ReturnForm.class)
                    : null)
            .status(enumValue(node, path, "status", DossierStatus.class));
    Boolean verified = bool(node, path, "identityVerified");
    b.identityVerified(verified != null && verified)
        .submittedAt(instant(node, path, "submittedAt"))
        .acceptedAt(optionalInstant(node, path, "acceptedAt").orElse(null))
        .completedAt(optionalInstant(node, path, "completedAt").orElse(null))
        .returnedAt(optionalInstant(node, path, "returnedAt").orElse(null))
        .dueAt(optionalInstant(node, path, "dueAt"))
        .statusReason(optionalString(node, path, "statusReason").orElse(null))
        .documents(list(node, path, "documents", this::document))
        .fees(dueOnce(list(node, path, "fees", this::fee)))
        .payments(list(node, path, "payments", this::payment))
        .steps(list(node, path, "steps", this::step))
        .supplements(list(node, path, "supplements", this::supplement))
        .results(list(node, path, "results", this::document))
        .rating(
            optionalObject(node, path, "rating", this::rating).orElse(null),
            optionalInstant(node, path, "ratedAt").orElse(null));
    Integer version = integer(node, path, "version");
    Instant lastEventAt = instant(node, path, "lastEventAt");
    b.history(list(node, path, "history", this::applied))
        .version(version == null ? 0 : version)
        .lastEventAt(lastEventAt);
    return build(path, b::build);
  }

  // --- parts ----------------------------------------------------------------------------------

  ProcedureRef procedure(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    ProcedureCode code = identifier(node, path, "code", ProcedureCode::parse);
    String name = string(node, path, "name");
    String fieldCode = string(node, path, "fieldCode");
    String fieldName = string(node, path, "fieldName");
    Optional<ProcessingTime> limit =
        optionalString(node, path, "processingTime")
            .map(text -> processingTime(text, path + ".processingTime"));
    return build(path, () -> new ProcedureRef(code, name, fieldCode, fieldName, limit));
  }

  private ProcessingTime processingTime(String text, String path) {
    try {
      return ProcessingTime.parse(text);
    } catch (InvalidInputException e) {
      add(path, e.code(), e.getMessage());
      return null;
    }
  }

  Applicant applicant(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    Applicant.Kind kind = enumValue(node, path, "kind", Applicant.Kind.class);
    String name = string(node, path, "name");
    Optional<PersonalId> id = optionalIdentifier(node, path, "personalId", PersonalId::parse);
    Optional<TaxCode> tax = optionalIdentifier(node, path, "taxCode", TaxCode::parse);
    Contact contact = optionalObject(node, path, "contact", this::contact).orElse(Contact.none());
    Optional<NationalPortalAccountId> account =
        optionalIdentifier(node, path, "nationalPortalAccountId", NationalPortalAccountId::parse);
    return build(path, () -> new Applicant(kind, name, id, tax, contact, account));
  }

  Contact contact(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    Optional<String> phone = optionalString(node, path, "phone");
    Optional<String> email = optionalString(node, path, "email");
    Optional<String> address = optionalString(node, path, "address");
    return build(path, () -> new Contact(phone, email, address));
  }

  DossierDocument document(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    String documentId = string(node, path, "documentId");
    Optional<String> component = optionalString(node, path, "componentCode");
    String name = string(node, path, "name");
    String mediaType = string(node, path, "mediaType");
    Long size = whole(node, path, "sizeBytes");
    String sha256 = string(node, path, "sha256");
    Boolean digitised = bool(node, path, "digitised");
    Boolean reused = bool(node, path, "reused");
    DossierDocument.CopyKind copyKind =
        enumValue(node, path, "copyKind", DossierDocument.CopyKind.class);
    Optional<String> location = optionalString(node, path, "location");
    Optional<String> resultCode = optionalString(node, path, "resultCode");
    Boolean fromStore =
        node.has("fromNationalStore") ? bool(node, path, "fromNationalStore") : null;
    return build(
        path,
        () ->
            new DossierDocument(
                documentId,
                component,
                name,
                mediaType,
                size == null ? 0 : size,
                sha256,
                digitised != null && digitised,
                reused != null && reused,
                copyKind,
                location,
                resultCode,
                fromStore != null && fromStore));
  }

  /**
   * A snapshot written before "a fee is due once" may list a repeated fee twice: it is read with
   * each fee once, the later line winning, as the lifecycle now builds it.
   */
  private static List<Fee> dueOnce(List<Fee> fees) {
    return fees == null || fees.contains(null) ? fees : Fee.oncePerCode(fees);
  }

  Fee fee(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    Fee.Kind kind = enumValue(node, path, "kind", Fee.Kind.class);
    String code = string(node, path, "code");
    String name = string(node, path, "name");
    Vnd amount = vnd(node, path, "amount");
    Fee.CollectionStage stage = enumValue(node, path, "stage", Fee.CollectionStage.class);
    return build(path, () -> new Fee(kind, code, name, amount, stage));
  }

  Payment payment(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    String reference = string(node, path, "reference");
    Vnd amount = vnd(node, path, "amount");
    Boolean online = bool(node, path, "online");
    Optional<String> receipt = optionalString(node, path, "receiptNumber");
    Instant paidAt = instant(node, path, "paidAt");
    return build(
        path, () -> new Payment(reference, amount, online != null && online, receipt, paidAt));
  }

  ProcessingStep step(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    String officer = string(node, path, "officer");
    String title = string(node, path, "title");
    String department = string(node, path, "department");
    String content = string(node, path, "content");
    Instant started = instant(node, path, "startedAt");
    Instant finished = instant(node, path, "finishedAt");
    Optional<Instant> due = optionalInstant(node, path, "dueAt");
    return build(
        path,
        () -> new ProcessingStep(officer, title, department, content, started, finished, due));
  }

  SupplementRequest supplement(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    Instant requested = instant(node, path, "requestedAt");
    String reason = string(node, path, "reason");
    List<String> missing = list(node, path, "missingItems", this::stringValue);
    Optional<Instant> received = optionalInstant(node, path, "receivedAt");
    List<DossierDocument> documents = list(node, path, "documents", this::document);
    return build(
        path, () -> new SupplementRequest(requested, reason, missing, received, documents));
  }

  Rating rating(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    Rating.Satisfaction level = enumValue(node, path, "level", Rating.Satisfaction.class);
    Optional<String> comment = optionalString(node, path, "comment");
    return build(path, () -> new Rating(level, comment));
  }

  AppliedEvent applied(JsonNode node, String path) {
    if (!isObject(node, path)) {
      return null;
    }
    UUID id = uuid(node, path, "eventId");
    String type = string(node, path, "type");
    Instant at = instant(node, path, "occurredAt");
    String digest = string(node, path, "digest");
    return build(path, () -> new AppliedEvent(id, type, at, digest));
  }

  // --- scalars --------------------------------------------------------------------------------

  /**
   * Builds a value, turning the model's violations into JSON violations under {@code path}.
   * Violations at a path where reading already failed (the same path, above or below it) are left
   * out: they repeat that failure.
   */
  <T> T build(String path, Supplier<T> constructor) {
    // Reading is depth first, so the failures inside this value are the last open entries.
    int start = open.size();
    while (start > 0 && atOrUnder(open.get(start - 1), path)) {
      start--;
    }
    try {
      return constructor.get();
    } catch (InvalidInputException e) {
      Set<String> failed = new HashSet<>();
      Set<String> failedOrAbove = new HashSet<>();
      for (String f : open.subList(start, open.size())) {
        failed.add(f);
        for (String above = f; above.length() > path.length(); above = parent(above)) {
          failedOrAbove.add(above);
        }
        failedOrAbove.add(path);
      }
      for (Violation v : e.violations()) {
        String placed = v.under(path).path();
        if (!failedOrAbove.contains(placed) && !hasFailedAncestor(placed, path, failed)) {
          add(placed, v.code(), v.message());
        }
      }
      return null;
    } finally {
      if (open.size() > start) {
        open.subList(start, open.size()).clear();
        open.add(path);
      }
    }
  }

  /** Whether {@code placed} (at or under {@code path}) lies at or under one of the failures. */
  private static boolean hasFailedAncestor(String placed, String path, Set<String> failed) {
    if (failed.isEmpty()) {
      return false;
    }
    for (String above = placed; above.length() >= path.length(); above = parent(above)) {
      if (failed.contains(above)) {
        return true;
      }
      if (above.length() == path.length()) {
        break;
      }
    }
    return false;
  }

  /** The path one level up: {@code $.a.b} to {@code $.a}, {@code $.a[2]} to {@code $.a}. */
  private static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  private static boolean atOrUnder(String child, String parent) {
    if (!child.startsWith(parent)) {
      return false;
    }
    if (child.length() == parent.length() || parent.isEmpty()) {
      return true;
    }
    char next = child.charAt(parent.length());
    return next == '.' || next == '[';
  }

  boolean isObject(JsonNode node, String path) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      add(path, "required", "is required.");
      return false;
    }
    if (!node.isObject()) {
      add(path, "type", "must be an object.");
      return false;
    }
    return true;
  }

  /** Returns the property, or null (after recording a violation) when it is absent or null. */
  private JsonNode required(JsonNode object, String path, String name) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      add(path + "." + name, "required", "is required.");
      return null;
    }
    return value;
  }

  /** Returns the property, or null when it is absent or JSON null. */
  private static JsonNode present(JsonNode object, String name) {
    JsonNode value = object.get(name);
    return value == null || value.isNull() ? null : value;
  }

  String string(JsonNode object, String path, String name) {
    JsonNode value = required(object, path, name);
    return value == null ? null : stringValue(value, path + "." + name);
  }

  String stringValue(JsonNode value, String path) {
    if (value == null || value.isNull()) {
      add(path, "required", "is required.");
      return null;
    }
    if (!value.isTextual()) {
      add(path, "type", "must be a string.");
      return null;
    }
    return value.textValue();
  }

  Optional<String> optionalString(JsonNode object, String path, String name) {
    JsonNode value = present(object, name);
    if (value == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(stringValue(value, path + "." + name));
  }

  Boolean bool(JsonNode object, String path, String name) {
    JsonNode value = required(object, path, name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      add(path + "." + name, "type", "must be true or false.");
      return null;
    }
    return value.booleanValue();
  }

  Long whole(JsonNode object, String path, String name) {
    JsonNode value = required(object, path, name);
    if (value == null) {
      return null;
    }
    String at = path + "." + name;
    if (!value.isIntegralNumber()) {
      add(at, "type", "must be a whole number.");
      return null;
    }
    if (!value.canConvertToLong()) {
      add(at, "range", "is out of range (a 64-bit whole number).");
      return null;
    }
    return value.longValue();
  }

  Integer integer(JsonNode object, String path, String name) {
    Long value = whole(object, path, name);
    if (value == null) {
      return null;
    }
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      add(path + "." + name, "range", "is out of range (a 32-bit whole number).");
      return null;
    }
    return value.intValue();
  }

  Vnd vnd(JsonNode object, String path, String name) {
    Long value = whole(object, path, name);
    return value == null ? null : Vnd.of(value);
  }

  UUID uuid(JsonNode object, String path, String name) {
    String text = string(object, path, name);
    if (text == null) {
      return null;
    }
    // UUID.fromString accepts short groups such as 1-1-1-1-1; the canonical form is 36 characters.
    if (text.length() == 36) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    add(
        path + "." + name,
        "format",
        "must be a UUID such as 3f1c2a9e-0b7d-4c55-9a51-2d4f0e6b8c10.");
    return null;
  }

  Instant instant(JsonNode object, String path, String name) {
    JsonNode value = required(object, path, name);
    return value == null ? null : instantValue(value, path + "." + name);
  }

  Optional<Instant> optionalInstant(JsonNode object, String path, String name) {
    JsonNode value = present(object, name);
    return value == null
        ? Optional.empty()
        : Optional.ofNullable(instantValue(value, path + "." + name));
  }

  private Instant instantValue(JsonNode value, String path) {
    String text = stringValue(value, path);
    if (text == null) {
      return null;
    }
    if (text.length() <= 64) {
      try {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeException e) {
        // reported below
      }
    }
    add(
        path,
        "format",
        "must be an ISO-8601 date and time with an offset, such as 2025-08-15T08:30:00+07:00.");
    return null;
  }

  <E extends Enum<E>> E enumValue(JsonNode object, String path, String name, Class<E> type) {
    String text = string(object, path, name);
    if (text == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(text)) {
        return constant;
      }
    }
    add(
        path + "." + name,
        "enum",
        "must be one of "
            + Arrays.stream(type.getEnumConstants())
                .map(Enum::name)
                .collect(Collectors.joining(", "))
            + ".");
    return null;
  }

  <T> T identifier(JsonNode object, String path, String name, Function<String, T> parser) {
    String text = string(object, path, name);
    return text == null ? null : identifierValue(text, path + "." + name, parser);
  }

  <T> Optional<T> optionalIdentifier(
      JsonNode object, String path, String name, Function<String, T> parser) {
    Optional<String> text = optionalString(object, path, name);
    return text.map(t -> identifierValue(t, path + "." + name, parser));
  }

  <T> T identifierValue(String text, String path, Function<String, T> parser) {
    try {
      return parser.apply(text);
    } catch (InvalidInputException e) {
      add(path, e.code(), e.getMessage());
      return null;
    }
  }

  <T> T object(JsonNode object, String path, String name, NodeReader<T> reader) {
    JsonNode value = required(object, path, name);
    return value == null ? null : reader.read(value, path + "." + name);
  }

  <T> Optional<T> optionalObject(JsonNode object, String path, String name, NodeReader<T> reader) {
    JsonNode value = present(object, name);
    return value == null
        ? Optional.empty()
        : Optional.ofNullable(reader.read(value, path + "." + name));
  }

  <T> List<T> list(JsonNode object, String path, String name, NodeReader<T> reader) {
    JsonNode value = required(object, path, name);
    if (value == null) {
      return null;
    }
    String at = path + "." + name;
    if (!value.isArray()) {
      add(at, "type", "must be an array.");
      return null;
    }
    List<T> out = new ArrayList<>(value.size());
    boolean ok = true;
    for (int i = 0; i < value.size(); i++) {
      T element = reader.read(value.get(i), at + "[" + i + "]");
      ok &= element != null;
      out.add(element);
    }
    return ok ? out : null;
  }
}
