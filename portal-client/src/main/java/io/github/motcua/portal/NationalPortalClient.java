package io.github.motcua.portal;

import static io.github.motcua.portal.internal.NationalCalls.ACCOUNT_ID;
import static io.github.motcua.portal.internal.NationalCalls.LOOK_UP;
import static io.github.motcua.portal.internal.NationalCalls.PROCEDURE;
import static io.github.motcua.portal.internal.NationalCalls.PROCEDURES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.portal.internal.DossierRecords;
import io.github.motcua.portal.internal.Exchange;
import io.github.motcua.portal.internal.Failures;
import io.github.motcua.portal.internal.NationalCalls;
import io.github.motcua.portal.internal.NationalPublisher;
import io.github.motcua.portal.internal.NationalReplies;
import io.github.motcua.portal.internal.NationalSharedCalls;
import io.github.motcua.portal.internal.PortalHttp;
import io.github.motcua.portal.internal.RecordMemory;
import io.github.motcua.portal.internal.Urls;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * A client of the National Public Service Portal (Cổng Dịch vụ công quốc gia, DVCQG) through its
 * adapter, following docs/domain.md §4.
 *
 * <p>It logs in with the adapter credentials and the unit code (header {@code dstcode}), caches the
 * session, and when the portal declares it expired logs in again once, however many threads saw it
 * expire. Every call is a POST of {@code {session, madonvi, service, ...}} to the integration
 * endpoint, retried under the {@link RetryPolicy} and carrying an {@code Idempotency-Key} derived
 * from the event id.
 *
 * <p>{@link #publish(DossierEvent, Dossier)} sends the dossier record with {@code DongBoHoSoMC} (a
 * create for the first event, an update afterwards; an "already exists" reply turns a create into
 * an update, a "not found" reply turns an update into a create), processing steps with {@code
 * CapNhatTienDoHoSoMC} in chunks (the portal appends steps, so before sending a chunk the client
 * looks the dossier up with {@code TraCuuHoSo} and sends only the steps the portal lacks: a step is
 * never stored twice, even when an event is delivered again), and ratings with {@code
 * DongBoDanhGia}. For a completed step the one look-up serves twice: the record is sent only when
 * the portal's copy differs from it, so a step usually costs two calls. A step a sync outbox
 * delivers for the first time ({@link Publication#firstAttempt()}) costs one: no earlier attempt
 * can have stored it, so the look-up is left out, and the record goes first only when this client
 * did not store the same record for the event just before. Dates are {@code yyyyMMddHHmmss} in
 * Vietnam time; codes and field names come from the {@link NationalPortalProfile}.
 *
 * <p>Thread-safe; build one per unit and share it.
 *
 * <pre>{@code
 * NationalPortalClient national = NationalPortalClient.builder()
 *     .adapterUrl("https://adapter.example.gov.vn")
 *     .credentials("user", password)
 *     .unitCode("000.00.31.H56")
 *     .agencyName("UBND xã Tân Hòa")
 *     .build();
 * national.publish(event, snapshot);
 * }</pre>
 */
public final class NationalPortalClient implements BatchPublisher {

  private final ObjectMapper mapper;
  private final NationalCalls.Endpoint endpoint;
  private final PortalHttp http;
  private final NationalCalls calls;
  private final NationalReplies replies;
  private final NationalPublisher publisher;
  private final NationalSharedCalls shared;
  private final NationalPortalProfile profile;

  private NationalPortalClient(Builder b) {
    HttpUrl base = Urls.base(b.adapterUrl, "national.adapter-url");
    this.profile = b.profile;
    this.mapper = b.mapper;
    this.endpoint =
        new NationalCalls.Endpoint(
            Urls.resolve(base, profile.loginPath(), "national.login-path"),
            Urls.resolve(base, profile.servicePath(), "national.service-path"),
            Urls.resolve(base, profile.sharePath(), "national.share-path"),
            b.username,
            b.password,
            b.unitCode,
            b.dstCode == null ? b.unitCode : b.dstCode);
    this.http = new PortalHttp("national", b.okHttp, b.retryPolicy, b.clock);
    this.calls = new NationalCalls(endpoint, http, mapper, profile, b.clock);
    this.replies = new NationalReplies(mapper, profile);
    DossierRecords records = new DossierRecords(mapper, profile);
    this.publisher =
        new NationalPublisher(
            calls, replies, records, new RecordMemory(b.recordMemory), profile, b.agencyName);
    this.shared = new NationalSharedCalls(calls, publisher, records, profile, this::publish);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public PublishResult publish(DossierEvent event, Dossier snapshot) {
    return publish(new Publication(event, snapshot));
  }

  /**
   * Publishes an event as {@link #publish(DossierEvent, Dossier)} does. On a first attempt ({@link
   * Publication#firstAttempt()}) a completed step is sent without the look-up before it: no earlier
   * attempt can have stored it, and the record is sent first only when this client did not store
   * the same record for the event just before (see {@link Builder#recordMemory(int)}). A step then
   * costs one call instead of two.
   *
   * <p>Every request asks the publication's {@link Publication#fence() fence} first; once it is no
   * longer held the publish stops with a {@link RetryLaterException} ({@code portal.fenced}) before
   * its next request.
   *
   * @param publication the event, its snapshot, and whether it is a first attempt
   * @return what was sent
   */
  @Override
  public PublishResult publish(Publication publication) {
    return http.publishing(publication, () -> publisher.publish(publication));
  }

  /**
   * Returns {@link NationalPortalProfile#recordChunkSize()} for events that send a dossier record
   * or a rating, {@link NationalPortalProfile#sharedStepChunkSize()} for completed steps, 1 for a
   * receipt document (which the portal does not receive).
   *
   * @param event the event
   *     <p>Not API: for a {@code SyncWorker}, which groups the events it claimed by this limit.
   * @return how many such events of different dossiers {@link #publishAll} sends in one call
   */
  @Override
  public int batchLimit(DossierEvent event) {
    return shared.batchLimit(event);
  }

  /**
   * Returns the call an event shares with others: {@code create} for a submitted or received
   * dossier, {@code update} for another change of the record, {@code rating} for a rating ({@code
   * DongBoDanhGia}), {@code step} for a completed step ({@code CapNhatTienDoHoSoMC}). Not API: for
   * a {@code SyncWorker}.
   *
   * @param event the event
   * @return the kind
   */
  @Override
  public String batchKind(DossierEvent event) {
    return shared.batchKind(event);
  }

  /**
   * Publishes events of different dossiers: dossier records go together in {@code DongBoHoSoMC}
   * calls ({@code data[]} of up to {@link NationalPortalProfile#recordChunkSize()}, creates and
   * updates apart), ratings together in {@code DongBoDanhGia} calls. Completed steps on a first
   * attempt whose record the portal is known to hold (see {@link #publish(Publication)}) go
   * together in {@code CapNhatTienDoHoSoMC} calls (up to {@link
   * NationalPortalProfile#sharedStepChunkSize()}), without look-ups; a retry of such a call after
   * an ambiguous failure looks each dossier up and sends only the steps the portal lacks. Other
   * steps are published one by one as {@link #publish} sends them.
   *
   * <p>When the portal refuses a shared call (a record that already exists, one it does not know, a
   * field it rejects), each of its events is published alone, so that a create turns into an update
   * where needed and a refusal is charged to its own event (steps then with a look-up each, as the
   * portal may have stored some of them). A shared call that fails otherwise (network, session,
   * reply) fails each of its events alike.
   *
   * <p>Not API: a {@code SyncWorker} calls it with the events it claimed together; an integrator
   * calls {@link #publish(Publication)}.
   *
   * @param publications the events with their snapshots; when a dossier appears twice, everything
   *     is published one by one, in order
   * @return one outcome per publication, in the same order
   */
  @Override
  public List<PublishOutcome> publishAll(List<Publication> publications) {
    return http.publishing(publications, () -> shared.publishAll(publications));
  }

  /**
   * Creates a dossier record with {@code DongBoHoSoMC} ({@code isUpdating} {@code False}), turned
   * into an update when the portal answers that the dossier exists.
   *
   * @param snapshot the dossier
   * @param idempotencyBase the base of the idempotency keys (an event id)
   * @return {@code DongBoHoSoMC:create} or {@code DongBoHoSoMC:update}, whichever took effect
   */
  public String createDossier(Dossier snapshot, String idempotencyBase) {
    // Sent outside of an event: what this client remembers of the dossier no longer holds.
    publisher.memory().forget(snapshot.code());
    return publisher.syncRecord(publisher.record(snapshot), true, idempotencyBase, new Exchange());
  }

  /**
   * Updates a dossier record with {@code DongBoHoSoMC} ({@code isUpdating} {@code True}), turned
   * into a create when the portal answers that it does not know the dossier.
   *
   * @param snapshot the dossier
   * @param idempotencyBase the base of the idempotency keys (an event id)
   * @return {@code DongBoHoSoMC:update} or {@code DongBoHoSoMC:create}, whichever took effect
   */
  public String updateDossier(Dossier snapshot, String idempotencyBase) {
    publisher.memory().forget(snapshot.code());
    return publisher.syncRecord(publisher.record(snapshot), false, idempotencyBase, new Exchange());
  }

  /**
   * Sends processing steps with {@code CapNhatTienDoHoSoMC}, in chunks of {@link
   * NationalPortalProfile#progressChunkSize()}. Each chunk is first compared with the portal's copy
   * of the dossier (a {@code TraCuuHoSo} call), and only the missing steps are sent; a step is
   * identified by its time, officer and content.
   *
   * @param snapshot the dossier the steps belong to
   * @param steps the steps, in order
   * @param idempotencyBase the base of the idempotency keys (an event id)
   * @return one {@code CapNhatTienDoHoSoMC} entry per chunk sent
   */
  public List<String> publishSteps(
      Dossier snapshot, List<ProcessingStep> steps, String idempotencyBase) {
    publisher.memory().forget(snapshot.code());
    return publisher.publishSteps(snapshot, steps, idempotencyBase, new Exchange());
  }

  /**
   * Looks a dossier up with {@code TraCuuHoSo}.
   *
   * @param code the dossier code
   * @return the portal's record, empty when the portal does not know the dossier
   * @throws MotcuaException when the call fails
   */
  public Optional<NationalDossierRecord> lookUp(DossierCode code) {
    ObjectNode params = calls.lookUpParams(code);
    JsonNode result;
    try {
      result =
          http.execute(
              LOOK_UP,
              true,
              attempt ->
                  replies.firstResult(calls.attempt(LOOK_UP, params, null, new Exchange()).node()));
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    return result == null ? Optional.empty() : Optional.of(replies.toRecord(result));
  }

  /**
   * Reads one procedure from the national catalogue with {@code LayThuTuc}.
   *
   * @param code the procedure code
   * @return the procedure, empty when the catalogue does not have it
   */
  public Optional<NationalProcedure> procedure(ProcedureCode code) {
    ObjectNode params = mapper.createObjectNode();
    params.put("maTTHC", code.value());
    try {
      JsonNode result =
          http.execute(
              PROCEDURE,
              true,
              attempt ->
                  calls.attempt(PROCEDURE, params, null, new Exchange()).node().path("result"));
      JsonNode first = result.isArray() ? result.path(0) : result;
      if (!first.isObject()) {
        return Optional.empty();
      }
      return Optional.of(NationalReplies.toProcedure(first));
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Reads the procedure catalogue with {@code LayDanhSachTTHC}.
   *
   * @return the procedures, in the portal's order
   */
  public List<NationalProcedure> procedures() {
    JsonNode result =
        http.execute(
            PROCEDURES,
            true,
            attempt ->
                calls
                    .attempt(PROCEDURES, mapper.createObjectNode(), null, new Exchange())
                    .node()
                    .path("result"));
    List<NationalProcedure> out = new ArrayList<>();
    for (JsonNode p : result) {
      out.add(NationalReplies.toProcedure(p));
    }
    return List.copyOf(out);
  }

  /**
   * Looks up the national-portal account of an applicant with {@code TraCuuTechID} on the sharing
   * endpoint ({@code provider}, {@code mstorcmnd}; the reply's {@code result[0].TECHNICALID}), so
   * that a counter dossier appears in the applicant's own account (docs/domain.md §2, §4).
   *
   * @param idNumber the applicant's personal ID number
   * @return the account id, empty when the portal knows no account for it
   */
  public Optional<NationalPortalAccountId> accountId(PersonalId idNumber) {
    return accountId(idNumber.value());
  }

  /**
   * Looks up the national-portal account of an organisation by its tax code with {@code
   * TraCuuTechID}.
   *
   * @param taxCode the tax code
   * @return the account id, empty when the portal knows no account for it
   */
  public Optional<NationalPortalAccountId> accountId(TaxCode taxCode) {
    return accountId(taxCode.value());
  }

  private Optional<NationalPortalAccountId> accountId(String number) {
    ObjectNode params = mapper.createObjectNode();
    params.put("provider", profile.accountProvider());
    params.put("mstorcmnd", number);
    JsonNode result;
    try {
      result =
          http.execute(
              ACCOUNT_ID,
              true,
              attempt ->
                  calls.attempt(ACCOUNT_ID, params, null, new Exchange()).node().path("result"));
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    String id = NationalReplies.any(result.isArray() ? result.path(0) : result, "TECHNICALID");
    if (id.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(NationalPortalAccountId.parse(id));
    } catch (io.github.motcua.core.InvalidInputException e) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail(
              "The national portal's TECHNICALID is not an account id.", 200, null, null),
          e);
    }
  }

  /** How many logins this client made (the first and each renewal); for the tests. */
  long loginCount() {
    return calls.loginCount();
  }

  @Override
  public CircuitState circuitState() {
    return http.circuitState();
  }

  /**
   * Returns the retry policy this client was built with.
   *
   * @return the policy; never empty
   */
  @Override
  public Optional<RetryPolicy> retryPolicy() {
    return Optional.of(http.policy());
  }

  @Override
  public String toString() {
    return "NationalPortalClient[" + endpoint.serviceUrl() + ", unit " + endpoint.unitCode() + "]";
  }

  /** Builds a {@link NationalPortalClient}. Not thread-safe. */
  public static final class Builder extends PortalClientBuilder<Builder> {
    private String adapterUrl;
    private String username;
    private String password;
    private String unitCode;
    private String dstCode;
    private String agencyName;
    private NationalPortalProfile profile = NationalPortalProfile.defaults();

    private Builder() {
      super("national");
    }

    /**
     * Sets the adapter's base URL (required).
     *
     * @param adapterUrl an http(s) URL
     * @return this builder
     */
    public Builder adapterUrl(String adapterUrl) {
      this.adapterUrl = adapterUrl;
      return this;
    }

    /**
     * Sets the adapter credentials (required). The password is never logged.
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      this.username = username;
      this.password = password;
      return this;
    }

    /**
     * Sets the unit code sent as {@code madonvi} in every call (required), and as the {@code
     * dstcode} header unless {@link #dstCode(String)} sets another.
     *
     * @param unitCode an agency code such as {@code 000.00.31.H56}
     * @return this builder
     * @throws io.github.motcua.core.InvalidInputException when it is not an agency code
     */
    public Builder unitCode(String unitCode) {
      this.unitCode = AgencyCode.parse(unitCode).value();
      return this;
    }

    /**
     * Sets the {@code dstcode} header sent with the login and every call, when the adapter was
     * given another code than {@code madonvi} (public code keeps the two as separate settings;
     * docs/domain.md §4). Default: the unit code.
     *
     * @param dstCode the code, 1 to 100 visible characters
     * @return this builder
     * @throws ConfigurationException when it is blank or has spaces
     */
    public Builder dstCode(String dstCode) {
      if (dstCode == null || !dstCode.matches("[\\x21-\\x7E]{1,100}")) {
        throw new ConfigurationException(
            "portal.config.national.dst-code", "dstcode is 1 to 100 visible ASCII characters.");
      }
      this.dstCode = dstCode;
      return this;
    }

    /**
     * Sets the processing agency's name, sent as {@code DonViXuLy} (required): public code sends
     * the agency's name there, not its code (docs/domain.md §4).
     *
     * @param agencyName the name, such as {@code UBND xã Tân Hòa}
     * @return this builder
     * @throws ConfigurationException when it is blank or longer than 500 characters
     */
    public Builder agencyName(String agencyName) {
      if (agencyName == null || agencyName.isBlank() || agencyName.length() > 500) {
        throw new ConfigurationException(
            "portal.config.national.agency-name", "The agency name is 1 to 500 characters.");
      }
      this.agencyName = agencyName.strip();
      return this;
    }

    /**
     * Sets the profile; default {@link NationalPortalProfile#defaults()}.
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(NationalPortalProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ConfigurationException naming the first missing setting
     */
    public NationalPortalClient build() {
      if (adapterUrl == null) {
        throw new ConfigurationException(
            "portal.config.national.adapter-url", "The adapter URL is required.");
      }
      if (username == null || username.isEmpty() || password == null || password.isEmpty()) {
        throw new ConfigurationException(
            "portal.config.national.credentials",
            "The adapter user name and password are required.");
      }
      if (unitCode == null) {
        throw new ConfigurationException(
            "portal.config.national.unit-code", "The unit code (dstcode, madonvi) is required.");
      }
      if (agencyName == null) {
        throw new ConfigurationException(
            "portal.config.national.agency-name", "The agency name (DonViXuLy) is required.");
      }
      applyDefaults();
      return new NationalPortalClient(this);
    }
  }
}
