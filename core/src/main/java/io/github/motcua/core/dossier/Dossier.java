package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.Timeliness;
import io.github.motcua.core.id.DossierCode;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An immutable snapshot of a dossier (hồ sơ thủ tục hành chính): the state its events have led to.
 * {@link DossierLifecycle} produces snapshots from events; {@link #builder()} builds one directly,
 * for example when loading it from storage, and checks the same consistency rules.
 *
 * <p>Consistency rules, all reported at once by {@link InvalidInputException}: required parts
 * present; {@code version} equals the size of {@code history}, at least 1, with distinct event ids;
 * {@code acceptedAt} present exactly in the statuses reached after acceptance ({@link
 * DossierStatus#WITHDRAWN} may have it or not); {@code completedAt} present exactly in {@link
 * DossierStatus#RESULT_READY} and {@link DossierStatus#RETURNED}; {@code returnedAt} present
 * exactly in {@code RETURNED}; a rating only in {@code RETURNED}, with {@code ratedAt} exactly when
 * rated; instants in order {@code submittedAt <= acceptedAt <= completedAt <= returnedAt <=
 * lastEventAt}.
 *
 * <p>Personal data: {@code toString()} shows the applicant masked. Immutable and thread-safe.
 *
 * @param code the dossier's code (MaHoSo); not null
 * @param procedure the procedure it is filed under; not null
 * @param applicant its owner; not null
 * @param channel how it was submitted (KenhThucHien); not null
 * @param returnForm how the result goes back to the applicant (HinhThuc); not null ({@link
 *     Builder#build()} defaults it with {@link ReturnForm#defaultFor(SubmissionChannel)})
 * @param status its current status (TrangThaiHoSo); not null
 * @param identityVerified whether the applicant logged in with a VNeID-verified account
 *     (TaiKhoanDuocXacThucVoiVNeID)
 * @param submittedAt when it was submitted online, or handed in at the counter or by post; not null
 * @param acceptedAt when it was accepted (NgayTiepNhan; for a counter dossier the same as {@code
 *     submittedAt}); not null, may be empty
 * @param completedAt when processing finished with a result (NgayKetThucXuLy); not null, may be
 *     empty
 * @param returnedAt when the result was handed over (NgayTra); not null, may be empty
 * @param dueAt when the result is due (NgayHenTra), as computed by the lifecycle's {@link
 *     DueDateRule}; not null, may be empty
 * @param statusReason the reason given for a refusal, a stop or a withdrawal; not null, may be
 *     empty
 * @param documents every document submitted, supplements included, in order (TaiLieuNop); not null
 * @param fees every fee and charge due, in order, each fee code once (DanhSachLePhi; a fee is due
 *     once, see {@link Fee}); not null
 * @param payments every payment received, in order; not null
 * @param steps every completed processing step, in order; not null
 * @param supplements every supplement request, in order (DanhSachHoSoBoSung); not null
 * @param results the result documents (DanhSachGiayToKetQua); not null
 * @param rating the applicant's rating; not null, may be empty
 * @param ratedAt when the rating was given; not null, empty exactly when {@code rating} is
 * @param version the number of events applied, at least 1
 * @param lastEventAt when the last applied event occurred; not null
 * @param history the trace of every applied event, in order; not null
 */
public record Dossier(
    DossierCode code,
    ProcedureRef procedure,
    Applicant applicant,
    SubmissionChannel channel,
    ReturnForm returnForm,
    DossierStatus status,
    boolean identityVerified,
    Instant submittedAt,
    Optional<Instant> acceptedAt,
    Optional<Instant> completedAt,
    Optional<Instant> returnedAt,
    Optional<Instant> dueAt,
    Optional<String> statusReason,
    List<DossierDocument> documents,
    List<Fee> fees,
    List<Payment> payments,
    List<ProcessingStep> steps,
    List<SupplementRequest> supplements,
    List<DossierDocument> results,
    Optional<Rating> rating,
    Optional<Instant> ratedAt,
    int version,
    Instant lastEventAt,
    List<AppliedEvent> history) {

  /**
   * Validates the snapshot.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public Dossier {
    Checks c = new Checks("Dossier");
    c.required("code", code);
    c.required("procedure", procedure);
    c.required("applicant", applicant);
    c.required("channel", channel);
    c.required("returnForm", returnForm);
    c.required("status", status);
    c.required("submittedAt", submittedAt);
    boolean accepted = c.optional("acceptedAt", acceptedAt);
    boolean completed = c.optional("completedAt", completedAt);
    boolean returned = c.optional("returnedAt", returnedAt);
    c.optional("dueAt", dueAt);
    c.optionalText("statusReason", statusReason, Checks.LONG_TEXT);
    c.list("documents", documents);
    if (c.list("fees", fees)) {
      c.distinctFees("fees", fees);
    }
    c.list("payments", payments);
    c.list("steps", steps);
    c.list("supplements", supplements);
    c.list("results", results);
    boolean rated = c.optional("rating", rating);
    boolean hasRatedAt = c.optional("ratedAt", ratedAt);
    c.required("lastEventAt", lastEventAt);
    if (c.list("history", history)) {
      c.that(version >= 1, "version", "range", "is at least 1.");
      c.that(
          version == history.size(),
          "version",
          "inconsistent",
          "equals the number of events in history.");
      Set<UUID> ids = new HashSet<>();
      // Field names are built only for a broken rule: every apply builds a snapshot and checks
      // its whole history.
      for (int i = 0; i < history.size(); i++) {
        AppliedEvent h = history.get(i);
        if (!ids.add(h.eventId())) {
          c.that(
              false,
              "history[" + i + "].eventId",
              "duplicate",
              "appears more than once in history.");
        }
        if (i > 0 && h.occurredAt().isBefore(history.get(i - 1).occurredAt())) {
          c.notBefore(
              "history[" + i + "].occurredAt",
              history.get(i - 1).occurredAt(),
              h.occurredAt(),
              "is not before the previous event.");
        }
      }
      if (!history.isEmpty() && lastEventAt != null) {
        c.that(
            lastEventAt.equals(history.get(history.size() - 1).occurredAt()),
            "lastEventAt",
            "inconsistent",
            "equals the instant of the last event in history.");
      }
    }
    if (status != null && acceptedAt != null && completedAt != null && returnedAt != null) {
      if (status != DossierStatus.WITHDRAWN) {
        c.that(
            accepted == needsAcceptance(status),
            "acceptedAt",
            "inconsistent",
            accepted
                ? "is empty in status " + status + "."
                : "is required in status " + status + ".");
      }
      boolean done = status == DossierStatus.RESULT_READY || status == DossierStatus.RETURNED;
      c.that(
          completed == done,
          "completedAt",
          "inconsistent",
          done ? "is required in status " + status + "." : "is empty in status " + status + ".");
      boolean handedOver = status == DossierStatus.RETURNED;
      c.that(
          returned == handedOver,
          "returnedAt",
          "inconsistent",
          handedOver
              ? "is required in status RETURNED."
              : "is empty until the result is returned.");
      c.that(
          !rated || handedOver, "rating", "inconsistent", "is only given to a returned dossier.");
    }
    if (status != null && supplements != null && c.count() == 0) {
      for (int i = 0; i + 1 < supplements.size(); i++) {
        c.that(
            supplements.get(i).isAnswered(),
            "supplements[" + i + "].receivedAt",
            "inconsistent",
            "is required: only the last supplement request may be open.");
      }
      boolean open =
          !supplements.isEmpty() && !supplements.get(supplements.size() - 1).isAnswered();
      if (status == DossierStatus.SUPPLEMENT_REQUESTED) {
        c.that(
            open,
            "supplements",
            "inconsistent",
            "ends with an open request in status " + status + ".");
      } else if (status != DossierStatus.WITHDRAWN && status != DossierStatus.STOPPED) {
        c.that(
            !open, "supplements", "inconsistent", "has no open request in status " + status + ".");
      }
    }
    if (rating != null && ratedAt != null) {
      c.that(rated == hasRatedAt, "ratedAt", "inconsistent", "is present exactly when rated.");
    }
    if (acceptedAt != null && completedAt != null && returnedAt != null && ratedAt != null) {
      Instant accept = acceptedAt.orElse(null);
      Instant complete = completedAt.orElse(null);
      Instant handOver = returnedAt.orElse(null);
      c.notBefore("acceptedAt", submittedAt, accept, "is not before submittedAt.");
      c.notBefore(
          "completedAt",
          accept != null ? accept : submittedAt,
          complete,
          "is not before acceptedAt.");
      c.notBefore("returnedAt", complete, handOver, "is not before completedAt.");
      c.notBefore("ratedAt", handOver, ratedAt.orElse(null), "is not before returnedAt.");
      c.notBefore("lastEventAt", submittedAt, lastEventAt, "is not before submittedAt.");
    }
    c.throwIfAny();
    documents = List.copyOf(documents);
    fees = List.copyOf(fees);
    payments = List.copyOf(payments);
    steps = List.copyOf(steps);
    supplements = List.copyOf(supplements);
    results = List.copyOf(results);
    history = List.copyOf(history);
  }

  private static boolean needsAcceptance(DossierStatus status) {
    return status != DossierStatus.SUBMITTED && status != DossierStatus.REFUSED;
  }

  /**
   * Tells whether any payment for the dossier was made online (DuocThanhToanTrucTuyen).
   *
   * @return true when at least one payment was online
   */
  public boolean paidOnline() {
    // A loop, not a stream: reports call this once per dossier over millions of dossiers.
    for (Payment p : payments) {
      if (p.online()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether the dossier has a digitised component (HoSoCoThanhPhanSoHoa).
   *
   * @return true when at least one submitted document was digitised
   */
  public boolean digitised() {
    for (DossierDocument d : documents) {
      if (d.digitised()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns whether the dossier was handled early, on time or late (trước hạn, đúng hạn, quá hạn),
   * comparing {@link #completedAt()} with {@link #dueAt()} in Vietnam time ({@code
   * Asia/Ho_Chi_Minh}): {@code EARLY} when finished on a calendar day before the due day, {@code
   * ON_TIME} on the due day and not after the due instant, {@code LATE} after it.
   *
   * @return the timeliness, or null while the dossier is not finished (no {@code completedAt}) or
   *     has no due date
   */
  public Timeliness timeliness() {
    if (completedAt.isEmpty() || dueAt.isEmpty()) {
      return null;
    }
    return Timeliness.of(completedAt.get(), dueAt.get(), DeadlinePolicy.VIETNAM);
  }

  /**
   * Tells whether an event was applied to this snapshot.
   *
   * @param eventId the event id; not null
   * @return true when the history holds the id
   */
  public boolean hasApplied(UUID eventId) {
    return history.stream().anyMatch(h -> h.eventId().equals(eventId));
  }

  /**
   * Returns the open supplement request, if the dossier waits for the applicant.
   *
   * @return the last supplement request when it is not answered yet
   */
  public Optional<SupplementRequest> openSupplement() {
    return supplements.isEmpty() || supplements.get(supplements.size() - 1).isAnswered()
        ? Optional.empty()
        : Optional.of(supplements.get(supplements.size() - 1));
  }

  /**
   * Returns a builder holding this snapshot's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Returns an empty builder. Lists default to empty, optionals to empty, {@code version} to 0.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a {@link Dossier}; {@link #build()} checks every rule and reports all violations. Not
   * thread-safe; a builder is for one thread.
   */
  public static final class Builder {
    private DossierCode code;
    private ProcedureRef procedure;
    private Applicant applicant;
    private SubmissionChannel channel;
    private ReturnForm returnForm;
    private DossierStatus status;
    private boolean identityVerified;
    private Instant submittedAt;
    private Optional<Instant> acceptedAt = Optional.empty();
    private Optional<Instant> completedAt = Optional.empty();
    private Optional<Instant> returnedAt = Optional.empty();
    private Optional<Instant> dueAt = Optional.empty();
    private Optional<String> statusReason = Optional.empty();
    private List<DossierDocument> documents = List.of();
    private List<Fee> fees = List.of();
    private List<Payment> payments = List.of();
    private List<ProcessingStep> steps = List.of();
    private List<SupplementRequest> supplements = List.of();
    private List<DossierDocument> results = List.of();
    private Optional<Rating> rating = Optional.empty();
    private Optional<Instant> ratedAt = Optional.empty();
    private int version;
    private Instant lastEventAt;
    private List<AppliedEvent> history = List.of();

    private Builder() {}

    private Builder(Dossier d) {
      code = d.code;
      procedure = d.procedure;
      applicant = d.applicant;
      channel = d.channel;
      returnForm = d.returnForm;
      status = d.status;
      identityVerified = d.identityVerified;
      submittedAt = d.submittedAt;
      acceptedAt = d.acceptedAt;
      completedAt = d.completedAt;
      returnedAt = d.returnedAt;
      dueAt = d.dueAt;
      statusReason = d.statusReason;
      documents = d.documents;
      fees = d.fees;
      payments = d.payments;
      steps = d.steps;
      supplements = d.supplements;
      results = d.results;
      rating = d.rating;
      ratedAt = d.ratedAt;
      version = d.version;
      lastEventAt = d.lastEventAt;
      history = d.history;
    }

    /**
     * Sets the dossier code.
     *
     * @param code the code
     * @return this builder
     */
    public Builder code(DossierCode code) {
      this.code = code;
      return this;
    }

    /**
     * Sets the procedure.
     *
     * @param procedure the procedure
     * @return this builder
     */
    public Builder procedure(ProcedureRef procedure) {
      this.procedure = procedure;
      return this;
    }

    /**
     * Sets the applicant.
     *
     * @param applicant the applicant
     * @return this builder
     */
    public Builder applicant(Applicant applicant) {
      this.applicant = applicant;
      return this;
    }

    /**
     * Sets the submission channel.
     *
     * @param channel the channel
     * @return this builder
     */
    public Builder channel(SubmissionChannel channel) {
      this.channel = channel;
      return this;
    }

    /**
     * Sets how the result goes back to the applicant; by default {@link
     * ReturnForm#defaultFor(SubmissionChannel)} of the channel.
     *
     * @param returnForm the return form, or null for the default
     * @return this builder
     */
    public Builder returnForm(ReturnForm returnForm) {
      this.returnForm = returnForm;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the status
     * @return this builder
     */
    public Builder status(DossierStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets whether the applicant's identity was verified with VNeID.
     *
     * @param identityVerified true when verified
     * @return this builder
     */
    public Builder identityVerified(boolean identityVerified) {
      this.identityVerified = identityVerified;
      return this;
    }

    /**
     * Sets when the dossier was submitted.
     *
     * @param submittedAt the instant
     * @return this builder
     */
    public Builder submittedAt(Instant submittedAt) {
      this.submittedAt = submittedAt;
      return this;
    }

    /**
     * Sets when the dossier was accepted.
     *
     * @param acceptedAt the instant, or null for none
     * @return this builder
     */
    public Builder acceptedAt(Instant acceptedAt) {
      this.acceptedAt = Optional.ofNullable(acceptedAt);
      return this;
    }

    /**
     * Sets when processing finished with a result.
     *
     * @param completedAt the instant, or null for none
     * @return this builder
     */
    public Builder completedAt(Instant completedAt) {
      this.completedAt = Optional.ofNullable(completedAt);
      return this;
    }

    /**
     * Sets when the result was handed over.
     *
     * @param returnedAt the instant, or null for none
     * @return this builder
     */
    public Builder returnedAt(Instant returnedAt) {
      this.returnedAt = Optional.ofNullable(returnedAt);
      return this;
    }

    /**
     * Sets when the result is due.
     *
     * @param dueAt the due date
     * @return this builder
     */
    public Builder dueAt(Optional<Instant> dueAt) {
      this.dueAt = dueAt;
      return this;
    }

    /**
     * Sets the reason of a refusal, stop or withdrawal.
     *
     * @param statusReason the reason, or null for none
     * @return this builder
     */
    public Builder statusReason(String statusReason) {
      this.statusReason = Optional.ofNullable(statusReason);
      return this;
    }

    /**
     * Sets the submitted documents.
     *
     * @param documents the documents
     * @return this builder
     */
    public Builder documents(List<DossierDocument> documents) {
      this.documents = documents;
      return this;
    }

    /**
     * Sets the fees and charges due.
     *
     * @param fees the fees
     * @return this builder
     */
    public Builder fees(List<Fee> fees) {
      this.fees = fees;
      return this;
    }

    /**
     * Sets the payments received.
     *
     * @param payments the payments
     * @return this builder
     */
    public Builder payments(List<Payment> payments) {
      this.payments = payments;
      return this;
    }

    /**
     * Sets the completed processing steps.
     *
     * @param steps the steps
     * @return this builder
     */
    public Builder steps(List<ProcessingStep> steps) {
      this.steps = steps;
      return this;
    }

    /**
     * Sets the supplement requests.
     *
     * @param supplements the requests
     * @return this builder
     */
    public Builder supplements(List<SupplementRequest> supplements) {
      this.supplements = supplements;
      return this;
    }

    /**
     * Sets the result documents.
     *
     * @param results the documents
     * @return this builder
     */
    public Builder results(List<DossierDocument> results) {
      this.results = results;
      return this;
    }

    /**
     * Sets the rating and when it was given.
     *
     * @param rating the rating, or null for none
     * @param ratedAt when it was given, or null for none
     * @return this builder
     */
    public Builder rating(Rating rating, Instant ratedAt) {
      this.rating = Optional.ofNullable(rating);
      this.ratedAt = Optional.ofNullable(ratedAt);
      return this;
    }

    /**
     * Sets the history of applied events; also sets {@code version} to its size and {@code
     * lastEventAt} to the last event's instant.
     *
     * @param history the history
     * @return this builder
     */
    public Builder history(List<AppliedEvent> history) {
      this.history = history;
      if (history != null) {
        this.version = history.size();
        if (!history.isEmpty() && history.get(history.size() - 1) != null) {
          this.lastEventAt = history.get(history.size() - 1).occurredAt();
        }
      }
      return this;
    }

    /**
     * Sets the number of applied events (normally set by {@link #history(List)}).
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(int version) {
      this.version = version;
      return this;
    }

    /**
     * Sets when the last event occurred (normally set by {@link #history(List)}).
     *
     * @param lastEventAt the instant
     * @return this builder
     */
    public Builder lastEventAt(Instant lastEventAt) {
      this.lastEventAt = lastEventAt;
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     * @throws InvalidInputException listing every broken rule
     */
    public Dossier build() {
      return new Dossier(
          code,
          procedure,
          applicant,
          channel,
          returnForm != null || channel == null ? returnForm : ReturnForm.defaultFor(channel),
          status,
          identityVerified,
          submittedAt,
          acceptedAt,
          completedAt,
          returnedAt,
          dueAt,
          statusReason,
          documents,
          fees,
          payments,
          steps,
          supplements,
          results,
          rating,
          ratedAt,
          version,
          lastEventAt,
          history);
    }
  }
}
