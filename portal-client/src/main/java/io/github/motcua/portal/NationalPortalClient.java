package io.github.motcua.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import io.github.motcua.portal.internal.Failures;
import io.github.motcua.portal.internal.PortalCalls;
import io.github.motcua.portal.internal.PortalHttp;
import io.github.motcua.portal.internal.RecordMemory;
import io.github.motcua.portal.internal.Redact;
import io.github.motcua.portal.internal.Reply;
import io.github.motcua.portal.internal.SingleFlight;
import io.github.motcua.portal.internal.Urls;
import io.github.motcua.portal.internal.VietnamTime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

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
public final class NationalPortalClient implements PortalClient {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final String SYNC = "DongBoHoSoMC";
  private static final String PROGRESS = "CapNhatTienDoHoSoMC";
  private static final String LOOK_UP = "TraCuuHoSo";
  private static final String PROCEDURE = "LayThuTuc";
  private static final String PROCEDURES = "LayDanhSachTTHC";
  private static final String RATINGS = "DongBoDanhGia";
  private static final String ACCOUNT_ID = "TraCuuTechID";

  private final HttpUrl loginUrl;
  private final HttpUrl serviceUrl;
  private final String username;
  private final String password;
  private final String unitCode;
  private final String dstCode;
  private final String agencyName;
  private final HttpUrl shareUrl;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final NationalPortalProfile profile;
  private final Map<String, String> wireToCanonical;
  private final PortalHttp http;
  private final DossierRecords records;
  private final SingleFlight<String> sessions;
  private final RecordMemory memory;

  private NationalPortalClient(Builder b) {
    HttpUrl base = Urls.base(b.adapterUrl, "national.adapter-url");
    this.profile = b.profile;
    this.loginUrl = Urls.resolve(base, profile.loginPath(), "national.login-path");
    this.serviceUrl = Urls.resolve(base, profile.servicePath(), "national.service-path");
    this.username = b.username;
    this.password = b.password;
    this.unitCode = b.unitCode;
    this.dstCode = b.dstCode == null ? b.unitCode : b.dstCode;
    this.agencyName = b.agencyName;
    this.shareUrl = Urls.resolve(base, profile.sharePath(), "national.share-path");
    this.mapper = b.mapper;
    this.clock = b.clock;
    this.http = new PortalHttp("national", b.okHttp, b.retryPolicy, b.clock);
    this.records = new DossierRecords(mapper, profile);
    Map<String, String> inverse = new HashMap<>();
    profile.fieldNames(LOOK_UP).forEach((canonical, wire) -> inverse.put(wire, canonical));
    this.wireToCanonical = Map.copyOf(inverse);
    this.sessions = PortalCalls.credential(this::login, clock);
    this.memory = new RecordMemory(b.recordMemory);
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
   * longer held the publish stops with {@link RetryLaterException} before its next request.
   *
   * @param publication the event, its snapshot, and whether it is a first attempt
   * @return what was sent
   */
  @Override
  public PublishResult publish(Publication publication) {
    return http.fenced(publication.fence(), () -> publishFenced(publication));
  }

  private PublishResult publishFenced(Publication publication) {
    DossierEvent event = publication.event();
    Dossier snapshot = publication.snapshot();
    PortalCalls.checkPublish(event, snapshot);
    if (event instanceof DossierEvent.ReceiptRecorded) {
      // For the tax authority, not the portal: nothing to send here.
      return new PublishResult("national", snapshot.code(), event.eventId(), List.of(), null);
    }
    String key = event.eventId().toString();
    List<String> ops = new ArrayList<>();
    String[] lastRequest = new String[1];
    ObjectNode record = records.record(snapshot, agencyName);
    byte[] digest = memory.digest(write(record));
    boolean held = memory.holds(event, snapshot, digest);
    try {
      if (event instanceof DossierEvent.Submitted || event instanceof DossierEvent.Received) {
        ops.add(syncRecord(record, true, key, lastRequest));
      } else if (event instanceof DossierEvent.StepCompleted s) {
        ops.addAll(
            publishStep(
                snapshot, record, s.step(), key, lastRequest, publication.firstAttempt(), held));
      } else if (event instanceof DossierEvent.Rated r) {
        ObjectNode rating = records.rating(snapshot, r.rating(), r.occurredAt());
        lastRequest[0] = call(RATINGS, dataParams(List.of(rating)), key + ":rating", lastRequest);
        ops.add(RATINGS);
      } else {
        ops.add(syncRecord(record, false, key, lastRequest));
      }
    } catch (RuntimeException e) {
      memory.forget(snapshot.code());
      throw e;
    }
    remember(event, snapshot, digest, !(event instanceof DossierEvent.Rated) || held);
    return new PublishResult("national", snapshot.code(), event.eventId(), ops, lastRequest[0]);
  }

  /**
   * Remembers the record the portal holds after a publish, or forgets the dossier when that is not
   * known (a rating does not send the record).
   */
  private void remember(DossierEvent event, Dossier snapshot, byte[] digest, boolean portalHolds) {
    if (portalHolds) {
      memory.stored(event, snapshot.code(), digest);
    } else {
      memory.forget(snapshot.code());
    }
  }

  /**
   * Returns {@link NationalPortalProfile#recordChunkSize()} for events that send a dossier record
   * or a rating, {@link NationalPortalProfile#sharedStepChunkSize()} for completed steps, 1 for a
   * receipt document (which the portal does not receive).
   *
   * @param event the event
   * @return how many such events of different dossiers {@link #publishAll} sends in one call
   */
  @Override
  public int batchLimit(DossierEvent event) {
    if (event instanceof DossierEvent.ReceiptRecorded) {
      return 1;
    }
    return event instanceof DossierEvent.StepCompleted
        ? profile.sharedStepChunkSize()
        : profile.recordChunkSize();
  }

  /**
   * Returns the call an event shares with others: {@code create} for a submitted or received
   * dossier, {@code update} for another change of the record, {@code rating} for a rating ({@code
   * DongBoDanhGia}), {@code step} for a completed step ({@code CapNhatTienDoHoSoMC}).
   *
   * @param event the event
   * @return the kind
   */
  @Override
  public String batchKind(DossierEvent event) {
    Shared kind = shared(event);
    return kind == null ? "step" : kind.name().toLowerCase(Locale.ROOT);
  }

  /** The shared call an event goes in; null for a completed step. */
  private static Shared shared(DossierEvent event) {
    if (event instanceof DossierEvent.StepCompleted) {
      return null;
    }
    if (event instanceof DossierEvent.Rated) {
      return Shared.RATING;
    }
    return event instanceof DossierEvent.Submitted || event instanceof DossierEvent.Received
        ? Shared.CREATE
        : Shared.UPDATE;
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
   * @param publications the events with their snapshots; when a dossier appears twice, everything
   *     is published one by one, in order
   * @return one outcome per publication, in the same order
   */
  @Override
  public List<PublishOutcome> publishAll(List<Publication> publications) {
    return http.fenced(PortalCalls.fenceOfAll(publications), () -> publishAllFenced(publications));
  }

  private List<PublishOutcome> publishAllFenced(List<Publication> publications) {
    Set<DossierCode> dossiers = new HashSet<>();
    for (Publication p : publications) {
      if (!dossiers.add(p.snapshot().code())) {
        return PortalClient.super.publishAll(publications);
      }
    }
    PublishOutcome[] outcomes = new PublishOutcome[publications.size()];
    Map<Shared, List<Integer>> shared = new EnumMap<>(Shared.class);
    List<Integer> steps = new ArrayList<>();
    byte[][] digests = new byte[publications.size()][];
    for (int i = 0; i < publications.size(); i++) {
      Publication p = publications.get(i);
      Shared kind = shared(p.event());
      if (p.event() instanceof DossierEvent.ReceiptRecorded) {
        outcomes[i] = publishAlone(p);
      } else if (kind != null) {
        shared.computeIfAbsent(kind, k -> new ArrayList<>()).add(i);
      } else {
        digests[i] = profile.sharedStepChunkSize() > 1 ? shareableStep(p) : null;
        if (digests[i] != null) {
          steps.add(i);
        } else {
          outcomes[i] = publishAlone(p);
        }
      }
    }
    int stepSize = profile.sharedStepChunkSize();
    for (int from = 0; from < steps.size(); from += stepSize) {
      publishStepsTogether(
          steps.subList(from, Math.min(steps.size(), from + stepSize)),
          publications,
          digests,
          outcomes);
    }
    int size = profile.recordChunkSize();
    shared.forEach(
        (kind, indexes) -> {
          for (int from = 0; from < indexes.size(); from += size) {
            publishTogether(
                kind,
                indexes.subList(from, Math.min(indexes.size(), from + size)),
                publications,
                outcomes);
          }
        });
    return Arrays.asList(outcomes);
  }

  /** The calls that carry several dossiers' events. */
  private enum Shared {
    CREATE,
    UPDATE,
    RATING
  }

  private PublishOutcome publishAlone(Publication p) {
    return PublishOutcome.of(() -> publish(p));
  }

  /**
   * Tells whether a completed step can share a progress call: a first attempt (nothing of it can be
   * stored yet) of a valid event whose record this client stored for the event just before.
   *
   * @return the digest of the step's record when it can, null otherwise
   */
  private byte[] shareableStep(Publication p) {
    if (!p.firstAttempt()) {
      return null;
    }
    try {
      PortalCalls.checkPublish(p.event(), p.snapshot());
      byte[] digest = memory.digest(write(records.record(p.snapshot(), agencyName)));
      return memory.holds(p.event(), p.snapshot(), digest) ? digest : null;
    } catch (RuntimeException e) {
      return null; // published alone, which reports the problem
    }
  }

  /**
   * Sends first-attempt steps of different dossiers in one {@code CapNhatTienDoHoSoMC} call. The
   * first attempt sends them all; a retry after an ambiguous failure (the portal may have stored
   * them) looks each dossier up and sends only what it lacks, as a single step's retry does.
   */
  private void publishStepsTogether(
      List<Integer> indexes,
      List<Publication> publications,
      byte[][] digests,
      PublishOutcome[] out) {
    if (indexes.size() == 1) {
      out[indexes.get(0)] = publishAlone(publications.get(indexes.get(0)));
      return;
    }
    List<ObjectNode> data = new ArrayList<>(indexes.size());
    StringBuilder events = new StringBuilder();
    for (int i : indexes) {
      Publication p = publications.get(i);
      data.add(records.step(p.snapshot(), ((DossierEvent.StepCompleted) p.event()).step()));
      events.append(p.event().eventId()).append(' ');
    }
    String key =
        UUID.nameUUIDFromBytes(events.toString().getBytes(StandardCharsets.UTF_8)) + ":steps";
    String[] lastRequest = new String[1];
    try {
      lastRequest[0] =
          http.execute(
              PROGRESS,
              true,
              (attempt, earlierMayHaveLanded) -> {
                List<ObjectNode> toSend = data;
                if (earlierMayHaveLanded) {
                  toSend = new ArrayList<>();
                  for (int j = 0; j < indexes.size(); j++) {
                    DossierCode code = publications.get(indexes.get(j)).snapshot().code();
                    toSend.addAll(missingSteps(code, List.of(data.get(j)), key));
                  }
                  if (toSend.isEmpty()) {
                    return lastRequest[0];
                  }
                }
                return attempt(PROGRESS, dataParams(toSend), key, lastRequest).requestId();
              });
    } catch (RuntimeException e) {
      if (Failures.isRejection(e)) {
        // Each alone, looked up first: a portal may have stored part of a refused call.
        indexes.forEach(
            i -> {
              Publication p = publications.get(i);
              out[i] = publishAlone(p.notFirst());
            });
        return;
      }
      failAll(indexes, publications, out, e);
      return;
    }
    for (int i : indexes) {
      Publication p = publications.get(i);
      remember(p.event(), p.snapshot(), digests[i], true);
      out[i] = published(p, PROGRESS, lastRequest[0]);
    }
  }

  /** Fails each event of a shared call alike, forgetting what the portal holds of its dossier. */
  private void failAll(
      List<Integer> indexes,
      List<Publication> publications,
      PublishOutcome[] out,
      RuntimeException e) {
    for (int i : indexes) {
      memory.forget(publications.get(i).snapshot().code());
      out[i] = new PublishOutcome.Failed(e);
    }
  }

  private static PublishOutcome published(Publication p, String operation, String requestId) {
    return new PublishOutcome.Published(
        new PublishResult(
            "national", p.snapshot().code(), p.event().eventId(), List.of(operation), requestId));
  }

  private void publishTogether(
      Shared kind, List<Integer> indexes, List<Publication> publications, PublishOutcome[] out) {
    List<Integer> sent = new ArrayList<>(indexes.size());
    List<ObjectNode> data = new ArrayList<>(indexes.size());
    StringBuilder events = new StringBuilder();
    for (int i : indexes) {
      Publication p = publications.get(i);
      try {
        PortalCalls.checkPublish(p.event(), p.snapshot());
        data.add(
            kind == Shared.RATING
                ? records.rating(
                    p.snapshot(), ((DossierEvent.Rated) p.event()).rating(), p.event().occurredAt())
                : records.record(p.snapshot(), agencyName));
      } catch (RuntimeException e) {
        out[i] = new PublishOutcome.Failed(e);
        continue;
      }
      sent.add(i);
      events.append(p.event().eventId()).append(' ');
    }
    if (sent.size() <= 1) {
      sent.forEach(i -> out[i] = publishAlone(publications.get(i)));
      return;
    }
    ObjectNode params = dataParams(data);
    String service = kind == Shared.RATING ? RATINGS : SYNC;
    String operation =
        kind == Shared.RATING ? RATINGS : SYNC + (kind == Shared.CREATE ? ":create" : ":update");
    if (kind != Shared.RATING) {
      params.put("isUpdating", isUpdating(kind == Shared.UPDATE));
    }
    // One key per set of events: a retry of this call carries the same key, another set another.
    String key =
        UUID.nameUUIDFromBytes(events.toString().getBytes(StandardCharsets.UTF_8))
            + ":"
            + kind.name().toLowerCase(Locale.ROOT);
    String[] lastRequest = new String[1];
    try {
      call(service, params, key, lastRequest);
    } catch (RuntimeException e) {
      if (Failures.isRejection(e)) {
        sent.forEach(i -> out[i] = publishAlone(publications.get(i)));
        return;
      }
      failAll(sent, publications, out, e);
      return;
    }
    for (int j = 0; j < sent.size(); j++) {
      int i = sent.get(j);
      Publication p = publications.get(i);
      // The record as sent (a rating's call carries the rating instead).
      ObjectNode record =
          kind == Shared.RATING ? records.record(p.snapshot(), agencyName) : data.get(j);
      byte[] digest = memory.digest(write(record));
      remember(
          p.event(),
          p.snapshot(),
          digest,
          kind != Shared.RATING || memory.holds(p.event(), p.snapshot(), digest));
      out[i] = published(p, operation, lastRequest[0]);
    }
  }

  /**
   * Sends a dossier record with {@code DongBoHoSoMC}, creating or updating it as needed.
   *
   * @param snapshot the dossier
   * @param create true to try a create first, false to try an update first
   * @param idempotencyBase the base of the idempotency keys (an event id)
   * @return {@code DongBoHoSoMC:create} or {@code DongBoHoSoMC:update}, whichever took effect
   */
  public String syncDossier(Dossier snapshot, boolean create, String idempotencyBase) {
    // Sent outside of an event: what this client remembers of the dossier no longer holds.
    memory.forget(snapshot.code());
    return syncRecord(records.record(snapshot, agencyName), create, idempotencyBase, new String[1]);
  }

  private String sync(ObjectNode record, boolean create, String key, String[] lastRequest) {
    ObjectNode params = dataParams(List.of(record));
    params.put("isUpdating", isUpdating(!create));
    call(SYNC, params, key + (create ? ":create" : ":update"), lastRequest);
    return SYNC + (create ? ":create" : ":update");
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
    memory.forget(snapshot.code());
    return publishSteps(snapshot, steps, idempotencyBase, new String[1]);
  }

  private List<String> publishSteps(
      Dossier snapshot, List<ProcessingStep> steps, String key, String[] lastRequest) {
    List<String> ops = new ArrayList<>();
    int size = profile.progressChunkSize();
    for (int from = 0; from < steps.size(); from += size) {
      List<ObjectNode> chunk = new ArrayList<>();
      for (ProcessingStep step : steps.subList(from, Math.min(steps.size(), from + size))) {
        chunk.add(records.step(snapshot, step));
      }
      String chunkKey = key + ":steps:" + (from / size);
      lastRequest[0] =
          http.execute(
              PROGRESS,
              true,
              attempt -> {
                // The portal appends steps and honours no idempotency key, and this chunk may
                // have been stored by an earlier attempt or an earlier delivery of the same event
                // whose reply was lost: send only what the portal lacks.
                List<ObjectNode> toSend = missingSteps(snapshot.code(), chunk, chunkKey);
                if (toSend.isEmpty()) {
                  return lastRequest[0];
                }
                return attempt(PROGRESS, dataParams(toSend), chunkKey, lastRequest).requestId();
              });
      ops.add(PROGRESS);
    }
    return ops;
  }

  /**
   * Publishes a completed step: one look-up of the portal's copy tells both whether the record
   * needs an update (a step seldom changes it) and which of the step is already stored, so a step
   * costs a look-up and a progress call instead of an update, a look-up and a progress call. On a
   * first attempt nothing of the step can be stored yet and the look-up is left out: the record is
   * sent (as an update) only when the portal is not known to hold it. A retry of the progress call
   * after an ambiguous failure looks the dossier up again.
   */
  private List<String> publishStep(
      Dossier snapshot,
      ObjectNode record,
      ProcessingStep step,
      String key,
      String[] lastRequest,
      boolean firstAttempt,
      boolean recordHeld) {
    String chunkKey = key + ":steps:0";
    List<String> ops = new ArrayList<>();
    // On a first attempt the portal holds none of this step: the chunk is sent whole.
    JsonNode portal = null;
    if (firstAttempt) {
      if (!recordHeld) {
        ops.add(syncRecord(record, false, key, lastRequest));
      }
    } else {
      portal =
          http.execute(
              LOOK_UP, true, attempt -> portalCopy(snapshot.code(), chunkKey, lastRequest));
      if (portal == null) {
        ops.add(syncRecord(record, true, key, lastRequest));
      } else if (!sameRecord(record, portal)) {
        ops.add(syncRecord(record, false, key, lastRequest));
      }
    }
    List<ObjectNode> chunk = List.of(records.step(snapshot, step));
    JsonNode copy = portal;
    lastRequest[0] =
        http.execute(
            PROGRESS,
            true,
            (attempt, earlierMayHaveLanded) -> {
              List<ObjectNode> toSend =
                  earlierMayHaveLanded
                      ? missingSteps(snapshot.code(), chunk, chunkKey)
                      : missing(copy, chunk);
              if (toSend.isEmpty()) {
                return lastRequest[0];
              }
              return attempt(PROGRESS, dataParams(toSend), chunkKey, lastRequest).requestId();
            });
    ops.add(PROGRESS);
    return ops;
  }

  /** The portal's copy of a dossier (canonical names, steps included), or null when unknown. */
  private JsonNode portalCopy(DossierCode code, String key, String[] lastRequest)
      throws IOException {
    try {
      return firstResult(attempt(LOOK_UP, lookUpParams(code), key + ":check", lastRequest).node());
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  private ObjectNode lookUpParams(DossierCode code) {
    ObjectNode params = mapper.createObjectNode();
    params.put("mahoso", code.value());
    return params;
  }

  /**
   * Reads a {@code TraCuuHoSo} reply as public code does: {@code result} is an array, empty when
   * the portal does not know the dossier (docs/domain.md §4). A reply that is not found by the
   * reply table also means unknown.
   *
   * @return the first element with canonical names, or null when unknown
   */
  private JsonNode firstResult(JsonNode reply) {
    JsonNode result = reply.path("result");
    JsonNode first;
    if (result.isArray()) {
      if (result.isEmpty()) {
        return null;
      }
      first = result.get(0);
    } else if (result.isMissingNode() || result.isNull()) {
      return null;
    } else {
      first = result;
    }
    if (!first.isObject()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail(
              "The national portal's TraCuuHoSo result is not a list of records.", 200, null, null),
          null);
    }
    JsonNode copy = canonical(first.deepCopy());
    return foldCase(copy, profile.stepsField());
  }

  /**
   * Renames fields spelt in another case (public code reads the portal's replies in upper case in
   * places) to the canonical spelling of the record and step fields.
   */
  private JsonNode foldCase(JsonNode node, String stepsField) {
    if (!(node instanceof ObjectNode o)) {
      return node;
    }
    Map<String, String> known = new HashMap<>();
    for (String f : RECORD_FIELDS) {
      known.put(f.toLowerCase(Locale.ROOT), f);
    }
    known.put(stepsField.toLowerCase(Locale.ROOT), "QuaTrinhXuLy");
    ObjectNode out = mapper.createObjectNode();
    o.fields()
        .forEachRemaining(
            e ->
                out.set(
                    known.getOrDefault(e.getKey().toLowerCase(Locale.ROOT), e.getKey()),
                    e.getValue()));
    JsonNode steps = out.path("QuaTrinhXuLy");
    if (steps.isArray()) {
      ArrayNode folded = mapper.createArrayNode();
      steps.forEach(st -> folded.add(foldCase(st, stepsField)));
      out.set("QuaTrinhXuLy", folded);
    }
    return out;
  }

  private static final List<String> RECORD_FIELDS =
      List.of(
          "MaHoSo",
          "MaTTHC",
          "TenTTHC",
          "MaLinhVuc",
          "TenLinhVuc",
          "KenhThucHien",
          "ChuHoSo",
          "LoaiDoiTuong",
          "MaDoiTuong",
          "NgayTiepNhan",
          "NgayHenTra",
          "TrangThaiHoSo",
          "NgayTra",
          "HinhThuc",
          "NgayKetThucXuLy",
          "DonViXuLy",
          "TaiKhoanDuocXacThucVoiVNeID",
          "DuocThanhToanTrucTuyen",
          "HoSoCoThanhPhanSoHoa",
          "NguoiXuLy",
          "ChucDanh",
          "PhongBanXuLy",
          "NoiDungXuLy",
          "TrangThai",
          "ThoiDiemXuLy",
          "NgayBatDau",
          "NgayKetThucTheoQuyDinh");

  /** Whether the portal holds this record already: same fields, numbers compared by value. */
  private static boolean sameRecord(ObjectNode record, JsonNode portal) {
    if (!portal.isObject()) {
      return false;
    }
    ObjectNode stored = ((ObjectNode) portal).deepCopy();
    stored.remove("QuaTrinhXuLy");
    return record.equals(NUMBERS_BY_VALUE, stored);
  }

  /** Scalars compared by their text: the portal may answer a code sent as "4" with 4. */
  private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isValueNode() && b.isValueNode()) {
          return a.asText().equals(b.asText()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  /** Sends a record, turning a create into an update (or back) as the portal's reply asks. */
  private String syncRecord(ObjectNode record, boolean create, String key, String[] lastRequest) {
    try {
      return sync(record, create, key, lastRequest);
    } catch (InvalidInputException e) {
      if (create && Failures.reason(e) == Failures.Reason.ALREADY_EXISTS) {
        return sync(record, false, key, lastRequest);
      }
      if (!create && Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return sync(record, true, key, lastRequest);
      }
      throw e;
    }
  }

  private List<ObjectNode> missingSteps(DossierCode code, List<ObjectNode> chunk, String key)
      throws IOException {
    return missing(portalCopy(code, key, new String[1]), chunk);
  }

  /** The steps of a chunk that the portal's copy (null: no copy) does not hold. */
  private static List<ObjectNode> missing(JsonNode portal, List<ObjectNode> chunk) {
    if (portal == null) {
      return chunk;
    }
    Map<String, Integer> present = new HashMap<>();
    for (JsonNode step : portal.path("QuaTrinhXuLy")) {
      present.merge(DossierRecords.stepIdentity(step, Map.of()), 1, Integer::sum);
    }
    List<ObjectNode> missing = new ArrayList<>();
    for (ObjectNode step : chunk) {
      String id = DossierRecords.stepIdentity(step, Map.of());
      if (present.getOrDefault(id, 0) > 0) {
        present.merge(id, -1, Integer::sum);
      } else {
        missing.add(step);
      }
    }
    return missing;
  }

  /**
   * Looks a dossier up with {@code TraCuuHoSo}.
   *
   * @param code the dossier code
   * @return the portal's record, empty when the portal does not know the dossier
   * @throws MotcuaException when the call fails
   */
  public Optional<NationalDossierRecord> lookUp(DossierCode code) {
    ObjectNode params = lookUpParams(code);
    JsonNode result;
    try {
      result =
          http.execute(
              LOOK_UP,
              true,
              attempt -> firstResult(attempt(LOOK_UP, params, null, new String[1]).node()));
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    return result == null ? Optional.empty() : Optional.of(toRecord(result));
  }

  private NationalDossierRecord toRecord(JsonNode r) {
    try {
      List<NationalDossierRecord.Step> steps = new ArrayList<>();
      for (JsonNode s : r.path("QuaTrinhXuLy")) {
        steps.add(
            new NationalDossierRecord.Step(
                s.path("NguoiXuLy").asText(""),
                s.path("ChucDanh").asText(""),
                s.path("PhongBanXuLy").asText(""),
                s.path("NoiDungXuLy").asText(""),
                codeOf(s.path("TrangThai")),
                VietnamTime.parse(s.path("ThoiDiemXuLy").asText(""))));
      }
      int status = codeOf(r.path("TrangThaiHoSo"));
      return new NationalDossierRecord(
          required(r, "MaHoSo"),
          required(r, "MaTTHC"),
          r.path("TenTTHC").asText(""),
          r.path("ChuHoSo").asText(""),
          status,
          profile.status(status),
          VietnamTime.parse(required(r, "NgayTiepNhan")),
          optionalTime(r, "NgayHenTra"),
          optionalTime(r, "NgayKetThucXuLy"),
          optionalTime(r, "NgayTra"),
          codeOf(r.path("TaiKhoanDuocXacThucVoiVNeID")) == 1,
          codeOf(r.path("DuocThanhToanTrucTuyen")) == 1,
          codeOf(r.path("HoSoCoThanhPhanSoHoa")) == 1,
          steps);
    } catch (DateTimeException e) {
      throw new RetryLaterException(
          "portal.protocol.date",
          Failures.detail(
              "The national portal returned a date that is not yyyyMMddHHmmss.", 200, null, null),
          e);
    }
  }

  /** A code sent as a string ("4") or a number (4); 0 when absent or not a whole number. */
  private static int codeOf(JsonNode v) {
    String t = v.asText("").strip();
    return t.matches("-?\\d{1,9}") ? Integer.parseInt(t) : 0;
  }

  private static String required(JsonNode r, String field) {
    String v = r.path(field).asText("");
    if (v.isEmpty()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail("The national portal's record lacks " + field + ".", 200, null, null),
          null);
    }
    return v;
  }

  private static Optional<Instant> optionalTime(JsonNode r, String field) {
    String v = r.path(field).asText("");
    return v.isEmpty() ? Optional.empty() : Optional.of(VietnamTime.parse(v));
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
              attempt -> attempt(PROCEDURE, params, null, new String[1]).node().path("result"));
      JsonNode first = result.isArray() ? result.path(0) : result;
      if (!first.isObject()) {
        return Optional.empty();
      }
      return Optional.of(toProcedure(first));
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
                attempt(PROCEDURES, mapper.createObjectNode(), null, new String[1])
                    .node()
                    .path("result"));
    List<NationalProcedure> out = new ArrayList<>();
    for (JsonNode p : result) {
      out.add(toProcedure(p));
    }
    return List.copyOf(out);
  }

  /**
   * Reads a catalogue entry as public code reads it: upper-case names ({@code MATTHC}, {@code
   * TENTTHC}, {@code LINHVUCTHUCHIEN[0].MALINHVUC}, {@code
   * CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET}), the mixed-case names also accepted.
   */
  private static NationalProcedure toProcedure(JsonNode p) {
    JsonNode field = p.path("LINHVUCTHUCHIEN").path(0);
    String days =
        any(p.path("CACHTHUCTHUCHIEN").path(0).path("THOIGIAN").path(0), "THOIGIANGIAIQUYET");
    if (days.isEmpty()) {
      days = any(p, "ThoiHanGiaiQuyet");
    }
    String code = any(p, "MATTHC");
    if (code.isEmpty()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail("The national portal's procedure lacks MATTHC.", 200, null, null),
          null);
    }
    String fieldCode = any(field, "MALINHVUC");
    return new NationalProcedure(
        code,
        any(p, "TENTTHC"),
        fieldCode.isEmpty() ? any(p, "MALINHVUC") : fieldCode,
        field.isObject() ? any(field, "TENLINHVUC") : any(p, "TENLINHVUC"),
        days.matches("\\d{1,6}(\\.\\d+)?")
            ? OptionalInt.of((int) Double.parseDouble(days))
            : OptionalInt.empty());
  }

  /** A field's text whatever the case of its name; empty when absent. */
  private static String any(JsonNode node, String name) {
    if (!node.isObject()) {
      return "";
    }
    java.util.Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (n.equalsIgnoreCase(name) && node.get(n).isValueNode()) {
        return node.get(n).asText("").strip();
      }
    }
    return "";
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
              attempt -> attempt(ACCOUNT_ID, params, null, new String[1]).node().path("result"));
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
    String id = any(result.isArray() ? result.path(0) : result, "TECHNICALID");
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

  /**
   * Returns how many logins this client made (the first and each renewal).
   *
   * @return the count
   */
  public long loginCount() {
    return sessions.obtainedCount();
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

  private ObjectNode dataParams(List<ObjectNode> data) {
    ObjectNode params = mapper.createObjectNode();
    ArrayNode array = params.putArray("data");
    data.forEach(d -> array.add(d.deepCopy()));
    return params;
  }

  private String call(String service, ObjectNode params, String key, String[] lastRequest) {
    return http.execute(
        service, true, attempt -> attempt(service, params, key, lastRequest).requestId());
  }

  private record Answer(JsonNode node, String requestId) {}

  private Answer attempt(String service, ObjectNode params, String key, String[] lastRequest)
      throws IOException {
    String session = PortalCalls.current(sessions);
    ObjectNode body = mapper.createObjectNode();
    body.put("session", session);
    body.put("madonvi", unitCode);
    body.put("service", profile.service(service));
    JsonNode renamed = DossierRecords.rename(params.deepCopy(), profile.fieldNames(service));
    body.setAll((ObjectNode) renamed);
    Request.Builder request =
        new Request.Builder()
            .url(ACCOUNT_ID.equals(service) ? shareUrl : serviceUrl)
            .header("dstcode", dstCode)
            .post(RequestBody.create(write(body), JSON));
    if (key != null) {
      request.header(PortalHttp.IDEMPOTENCY_KEY, key);
    }
    Reply reply = http.send(request.build());
    lastRequest[0] = reply.requestId();
    JsonNode node = parseObject(reply);
    JsonNode codeNode = node.path("error_code");
    String code = codeNode.isValueNode() && !codeNode.isNull() ? codeNode.asText("").strip() : "";
    if (code.isEmpty()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail(
              "The national portal's reply to " + service + " has no error_code.",
              reply.status(),
              null,
              reply.requestId()),
          null);
    }
    JsonNode messageNode = node.path("message");
    String message = messageNode.isValueNode() ? messageNode.asText(null) : null;
    NationalPortalProfile.ReplyKind kind = profile.classify(code, message);
    switch (kind) {
      case SUCCESS:
        return new Answer(node, reply.requestId());
      case SESSION_EXPIRED:
        sessions.invalidate(session);
        throw new RetryLaterException(
            "portal.auth.expired",
            Failures.detail(
                "The national portal declared the session expired.",
                reply.status(),
                code,
                reply.requestId()));
      case AUTHENTICATION:
        throw new ConfigurationException(
            "portal.auth.refused",
            Failures.detail(
                "The national portal refused this unit's credentials for "
                    + service
                    + ": "
                    + Redact.message(message),
                reply.status(),
                code,
                reply.requestId()));
      case UNAVAILABLE:
        throw new RetryLaterException(
            "portal.unavailable.remote",
            Failures.detail(
                "The national portal is temporarily unable to answer "
                    + service
                    + ": "
                    + Redact.message(message)
                    + " (code "
                    + Redact.code(code)
                    + ")",
                reply.status(),
                null,
                reply.requestId()),
            null,
            null);
      default:
        throw Failures.rejected(
            "portal.rejected",
            "The national portal refused " + service,
            reply.status(),
            code,
            message == null ? "" : message,
            kind == NationalPortalProfile.ReplyKind.ALREADY_EXISTS
                ? Failures.Reason.ALREADY_EXISTS
                : kind == NationalPortalProfile.ReplyKind.NOT_FOUND
                    ? Failures.Reason.NOT_FOUND
                    : Failures.Reason.REFUSED,
            reply.requestId());
    }
  }

  /** {@code isUpdating} as public code sends it: the strings {@code True} and {@code False}. */
  private static String isUpdating(boolean updating) {
    return updating ? "True" : "False";
  }

  private SingleFlight.Expiring<String> login() throws IOException {
    ObjectNode body = mapper.createObjectNode();
    body.put("username", username);
    body.put("password", password);
    Reply reply =
        http.send(
            new Request.Builder()
                .url(loginUrl)
                .header("dstcode", dstCode)
                .post(RequestBody.create(write(body), JSON))
                .build());
    JsonNode node = parseObject(reply);
    String code = node.path("error_code").asText("");
    String session = node.path("session").asText("");
    if (!"0".equals(code) || session.isEmpty()) {
      throw new ConfigurationException(
          "portal.auth.login",
          Failures.detail(
              "The national portal refused the login of the unit "
                  + unitCode
                  + ": "
                  + Redact.message(node.path("message").asText(null)),
              reply.status(),
              code.isEmpty() ? null : code,
              reply.requestId()));
    }
    Instant refreshAt = profile.sessionMaxAge().map(age -> clock.instant().plus(age)).orElse(null);
    return new SingleFlight.Expiring<>(session, refreshAt);
  }

  private JsonNode parseObject(Reply reply) {
    JsonNode node = PortalCalls.objectOrNull(mapper, reply.body());
    if (node == null) {
      throw new RetryLaterException(
          "portal.protocol",
          Failures.detail(
              "The national portal's reply (HTTP " + reply.status() + ") is not a JSON object.",
              reply.status(),
              null,
              reply.requestId()),
          null);
    }
    return node;
  }

  private JsonNode canonical(JsonNode node) {
    return DossierRecords.rename(node, wireToCanonical);
  }

  private String write(JsonNode node) {
    return PortalCalls.write(mapper, node);
  }

  @Override
  public String toString() {
    return "NationalPortalClient[" + serviceUrl + ", unit " + unitCode + "]";
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
