package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to a dossier (sự kiện của hồ sơ). A dossier is a fold of its events:
 * {@link DossierLifecycle} applies them in order, refusing those the law does not allow in the
 * dossier's status, and the result is a {@link Dossier} snapshot.
 *
 * <p>Every event has a unique {@link #eventId()} (delivery may repeat an event; applying it again
 * is a no-op), the {@link #dossierCode()} it belongs to and the instant it {@link #occurredAt()}.
 * The events are records nested here; their JSON form names them by {@link #type()}.
 *
 * <p>Each record validates its fields on construction and reports every broken rule at once ({@link
 * InvalidInputException}). Lists are copied and unmodifiable. Events are immutable and thread-safe;
 * {@code toString()} masks personal data.
 */
public sealed interface DossierEvent
    permits DossierEvent.Submitted,
        DossierEvent.Received,
        DossierEvent.Accepted,
        DossierEvent.Refused,
        DossierEvent.StepCompleted,
        DossierEvent.SupplementRequested,
        DossierEvent.SupplementReceived,
        DossierEvent.PaymentRequested,
        DossierEvent.PaymentReceived,
        DossierEvent.Withdrawn,
        DossierEvent.Stopped,
        DossierEvent.ResultReady,
        DossierEvent.ResultReturned,
        DossierEvent.Rated,
        DossierEvent.ReceiptRecorded {

  /**
   * Returns the event's unique id.
   *
   * @return the id; never null
   */
  UUID eventId();

  /**
   * Returns the dossier the event belongs to.
   *
   * @return the dossier code; never null
   */
  DossierCode dossierCode();

  /**
   * Returns when the event happened.
   *
   * @return the instant; never null
   */
  Instant occurredAt();

  /**
   * Returns the event's type name, as written in the JSON {@code "type"} property.
   *
   * @return the simple name of the record, such as {@code Submitted}
   */
  default String type() {
    return getClass().getSimpleName();
  }

  /**
   * Returns the SHA-256 digest of the event's whole content (type, id, dossier code, instant and
   * every field, personal data included), as lower-case hex. Two events have the same digest
   * exactly when they are equal; it identifies an event in {@link Dossier#history()} without
   * keeping its content.
   *
   * @return 64 lower-case hexadecimal digits
   */
  default String digest() {
    return EventDigest.of(this);
  }

  /**
   * Returns the type names of every event, in the order of the lifecycle.
   *
   * @return {@code Submitted}, {@code Received}, {@code Accepted}, ... {@code Rated}
   */
  static List<String> typeNames() {
    return EventTypes.NAMES;
  }

  /**
   * Returns the record classes of every event, in the order of {@link #typeNames()}.
   *
   * @return an unmodifiable list
   */
  static List<Class<? extends DossierEvent>> types() {
    return EventTypes.TYPES;
  }

  private static Checks base(
      String what, UUID eventId, DossierCode dossierCode, Instant occurredAt) {
    Checks c = new Checks(what);
    c.required("eventId", eventId);
    c.required("dossierCode", dossierCode);
    c.required("occurredAt", occurredAt);
    return c;
  }

  /**
   * A dossier submitted online (nộp trực tuyến); it waits for acceptance in {@link
   * DossierStatus#SUBMITTED}. Starts a history.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param procedure the procedure the dossier is filed under; not null
   * @param applicant the dossier's owner; not null
   * @param channel how it was submitted: an online channel ({@link SubmissionChannel#ONLINE_FULL}
   *     or {@link SubmissionChannel#ONLINE_PARTIAL}); not null
   * @param documents the documents submitted; not null, may be empty
   * @param fees the fees and charges due; not null, may be empty
   * @param identityVerified whether the applicant logged in with a VNeID-verified account
   *     (TaiKhoanDuocXacThucVoiVNeID)
   */
  record Submitted(
      UUID eventId,
      DossierCode dossierCode,
      Instant occurredAt,
      ProcedureRef procedure,
      Applicant applicant,
      SubmissionChannel channel,
      List<DossierDocument> documents,
      List<Fee> fees,
      boolean identityVerified)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Submitted {
      Checks c = base("Submitted", eventId, dossierCode, occurredAt);
      c.required("procedure", procedure);
      c.required("applicant", applicant);
      if (c.required("channel", channel)) {
        c.that(
            channel.isOnline(),
            "channel",
            "inconsistent",
            "is an online channel for a Submitted event (use Received for the counter or post).");
      }
      c.list("documents", documents);
      if (c.list("fees", fees)) {
        c.distinctFees("fees", fees);
      }
      c.throwIfAny();
      documents = List.copyOf(documents);
      fees = List.copyOf(fees);
    }
  }

  /**
   * A dossier handed in at the counter or by post and accepted at once (tiếp nhận trực tiếp); it
   * starts in {@link DossierStatus#ACCEPTED}. Starts a history.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param procedure the procedure the dossier is filed under; not null
   * @param applicant the dossier's owner; not null
   * @param channel how it was submitted: {@link SubmissionChannel#COUNTER} or {@link
   *     SubmissionChannel#POSTAL}; not null
   * @param documents the documents submitted; not null, may be empty
   * @param fees the fees and charges due; not null, may be empty
   * @param identityVerified whether the applicant logged in with a VNeID-verified account
   *     (TaiKhoanDuocXacThucVoiVNeID)
   */
  record Received(
      UUID eventId,
      DossierCode dossierCode,
      Instant occurredAt,
      ProcedureRef procedure,
      Applicant applicant,
      SubmissionChannel channel,
      List<DossierDocument> documents,
      List<Fee> fees,
      boolean identityVerified)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Received {
      Checks c = base("Received", eventId, dossierCode, occurredAt);
      c.required("procedure", procedure);
      c.required("applicant", applicant);
      if (c.required("channel", channel)) {
        c.that(
            !channel.isOnline(),
            "channel",
            "inconsistent",
            "is COUNTER or POSTAL for a Received event (use Submitted for online dossiers).");
      }
      c.list("documents", documents);
      if (c.list("fees", fees)) {
        c.distinctFees("fees", fees);
      }
      c.throwIfAny();
      documents = List.copyOf(documents);
      fees = List.copyOf(fees);
    }
  }

  /**
   * An online dossier accepted for processing (tiếp nhận): the processing clock starts.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   */
  record Accepted(UUID eventId, DossierCode dossierCode, Instant occurredAt)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Accepted {
      Checks c = base("Accepted", eventId, dossierCode, occurredAt);

      c.throwIfAny();
    }
  }

  /**
   * A dossier refused at reception (từ chối tiếp nhận).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param reason why, at most 4000 characters; not null
   */
  record Refused(UUID eventId, DossierCode dossierCode, Instant occurredAt, String reason)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Refused {
      Checks c = base("Refused", eventId, dossierCode, occurredAt);
      c.text("reason", reason, Checks.LONG_TEXT);
      c.throwIfAny();
    }
  }

  /**
   * A processing step completed (cập nhật tiến độ xử lý).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param step the step; not null
   */
  record StepCompleted(
      UUID eventId, DossierCode dossierCode, Instant occurredAt, ProcessingStep step)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public StepCompleted {
      Checks c = base("StepCompleted", eventId, dossierCode, occurredAt);
      c.required("step", step);
      c.throwIfAny();
    }
  }

  /**
   * The applicant asked for more documents (yêu cầu bổ sung); the processing clock pauses.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param reason why, at most 4000 characters; not null
   * @param missingItems what is missing, at least one item, each at most 500 characters; not null
   */
  record SupplementRequested(
      UUID eventId,
      DossierCode dossierCode,
      Instant occurredAt,
      String reason,
      List<String> missingItems)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public SupplementRequested {
      Checks c = base("SupplementRequested", eventId, dossierCode, occurredAt);
      if (c.textList("missingItems", missingItems, Checks.SHORT_TEXT)) {
        c.that(!missingItems.isEmpty(), "missingItems", "empty", "lists at least one item.");
      }
      c.text("reason", reason, Checks.LONG_TEXT);
      c.throwIfAny();
      missingItems = List.copyOf(missingItems);
    }
  }

  /**
   * The applicant's supplement received (nhận hồ sơ bổ sung); processing resumes.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param documents the documents received, at least one; not null
   */
  record SupplementReceived(
      UUID eventId, DossierCode dossierCode, Instant occurredAt, List<DossierDocument> documents)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public SupplementReceived {
      Checks c = base("SupplementReceived", eventId, dossierCode, occurredAt);
      if (c.list("documents", documents)) {
        c.that(!documents.isEmpty(), "documents", "empty", "lists at least one document.");
      }
      c.throwIfAny();
      documents = List.copyOf(documents);
    }
  }

  /**
   * The applicant asked to pay fees, charges or taxes (yêu cầu thực hiện nghĩa vụ tài chính).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param fees the fees due, at least one; not null
   */
  record PaymentRequested(UUID eventId, DossierCode dossierCode, Instant occurredAt, List<Fee> fees)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public PaymentRequested {
      Checks c = base("PaymentRequested", eventId, dossierCode, occurredAt);
      if (c.list("fees", fees)) {
        c.that(!fees.isEmpty(), "fees", "empty", "lists at least one fee.");
        c.distinctFees("fees", fees);
      }
      c.throwIfAny();
      fees = List.copyOf(fees);
    }
  }

  /**
   * A payment received (đã thanh toán); processing resumes.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param paymentReference the payment platform's transaction reference or the counter's voucher
   *     number, at most 500 characters; not null
   * @param amount the amount paid, more than zero; not null
   * @param online whether it was paid online rather than at the counter
   * @param receiptNumber the number of the e-receipt issued for it, at most 500 characters; not
   *     null, may be empty
   */
  record PaymentReceived(
      UUID eventId,
      DossierCode dossierCode,
      Instant occurredAt,
      String paymentReference,
      Vnd amount,
      boolean online,
      Optional<String> receiptNumber)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public PaymentReceived {
      Checks c = base("PaymentReceived", eventId, dossierCode, occurredAt);
      c.text("paymentReference", paymentReference, Checks.SHORT_TEXT);
      if (c.required("amount", amount)) {
        c.that(amount.amount() > 0, "amount", "range", "is more than zero.");
      }
      c.optionalText("receiptNumber", receiptNumber, Checks.SHORT_TEXT);
      c.throwIfAny();
    }
  }

  /**
   * The dossier withdrawn at the applicant's request (công dân yêu cầu rút hồ sơ).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param reason the reason given, at most 4000 characters; not null, may be empty
   */
  record Withdrawn(
      UUID eventId, DossierCode dossierCode, Instant occurredAt, Optional<String> reason)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Withdrawn {
      Checks c = base("Withdrawn", eventId, dossierCode, occurredAt);
      c.optionalText("reason", reason, Checks.LONG_TEXT);
      c.throwIfAny();
    }
  }

  /**
   * Processing stopped (dừng xử lý).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param reason why, at most 4000 characters; not null
   */
  record Stopped(UUID eventId, DossierCode dossierCode, Instant occurredAt, String reason)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Stopped {
      Checks c = base("Stopped", eventId, dossierCode, occurredAt);
      c.text("reason", reason, Checks.LONG_TEXT);
      c.throwIfAny();
    }
  }

  /**
   * Processing finished and the result is ready (đã xử lý xong).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param results the result documents; not null, may be empty (a paper-only result)
   */
  record ResultReady(
      UUID eventId, DossierCode dossierCode, Instant occurredAt, List<DossierDocument> results)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public ResultReady {
      Checks c = base("ResultReady", eventId, dossierCode, occurredAt);
      c.list("results", results);
      c.throwIfAny();
      results = List.copyOf(results);
    }
  }

  /**
   * The result handed over to the applicant (đã trả kết quả).
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   */
  record ResultReturned(UUID eventId, DossierCode dossierCode, Instant occurredAt)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public ResultReturned {
      Checks c = base("ResultReturned", eventId, dossierCode, occurredAt);

      c.throwIfAny();
    }
  }

  /**
   * The applicant's satisfaction rating of a returned dossier (đánh giá); allowed once.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when it happened; not null
   * @param rating the rating; not null
   */
  record Rated(UUID eventId, DossierCode dossierCode, Instant occurredAt, Rating rating)
      implements DossierEvent {

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public Rated {
      Checks c = base("Rated", eventId, dossierCode, occurredAt);
      c.required("rating", rating);
      c.throwIfAny();
    }
  }

  /**
   * An e-receipt document issued for the dossier's fees (biên lai điện tử), to be delivered to the
   * tax authority: a receipt, a replacing or adjusting receipt, or a cancellation. It changes
   * neither the dossier's status nor its record on the portals, which do not publish it; a receipt
   * destination (motcua-portal-client's {@code ReceiptDestination}) sends it. Allowed in every
   * status once the dossier exists.
   *
   * @param eventId the event's unique id, used to recognise a repeated delivery; not null
   * @param dossierCode the dossier the event belongs to; not null
   * @param occurredAt when the document was issued; not null
   * @param kind {@code ISSUED}, {@code REPLACEMENT}, {@code ADJUSTMENT} or {@code CANCELLATION};
   *     not null
   * @param receiptKey the receipt's identity: unit tax code, form symbol, receipt symbol and number
   *     joined by {@code :}, at most 500 characters; not null
   * @param document the signed XML document, Base64, at most {@value #MAX_DOCUMENT} characters; not
   *     null
   */
  record ReceiptRecorded(
      UUID eventId,
      DossierCode dossierCode,
      Instant occurredAt,
      String kind,
      String receiptKey,
      String document)
      implements DossierEvent {

    /** The kinds of receipt document. */
    public static final List<String> KINDS =
        List.of("ISSUED", "REPLACEMENT", "ADJUSTMENT", "CANCELLATION");

    /** The longest Base64 document accepted: 1.5 MiB of XML. */
    public static final int MAX_DOCUMENT = 2_097_152;

    /**
     * Validates the event.
     *
     * @throws InvalidInputException listing every broken rule
     */
    public ReceiptRecorded {
      Checks c = base("ReceiptRecorded", eventId, dossierCode, occurredAt);
      if (c.required("kind", kind)) {
        c.that(KINDS.contains(kind), "kind", "value", "is one of " + KINDS + ".");
      }
      c.text("receiptKey", receiptKey, Checks.SHORT_TEXT);
      c.text("document", document, MAX_DOCUMENT);
      if (document != null && !document.isBlank()) {
        c.that(
            document.chars().allMatch(ch -> ch < 128 && BASE64.indexOf(ch) >= 0),
            "document",
            "base64",
            "is Base64.");
      }
      c.throwIfAny();
    }

    private static final String BASE64 =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    /**
     * Returns a summary without the document.
     *
     * @return the type, id, dossier, kind and key
     */
    @Override
    public String toString() {
      return "ReceiptRecorded[eventId="
          + eventId
          + ", dossierCode="
          + dossierCode
          + ", occurredAt="
          + occurredAt
          + ", kind="
          + kind
          + ", receiptKey="
          + receiptKey
          + ", document="
          + (document == null ? 0 : document.length())
          + " chars]";
    }
  }
}
