package io.github.motcua.portal.internal;

import static io.github.motcua.portal.internal.NationalCalls.LOOK_UP;
import static io.github.motcua.portal.internal.NationalCalls.PROGRESS;
import static io.github.motcua.portal.internal.NationalCalls.RATINGS;
import static io.github.motcua.portal.internal.NationalCalls.SYNC;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.NationalPortalProfile;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishResult;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes one event to the national portal (docs/domain.md §4): the dossier record with {@code
 * DongBoHoSoMC} (a create turned into an update, or back, as the portal's reply asks), a completed
 * step with {@code CapNhatTienDoHoSoMC} after one look-up of the portal's copy (left out on a first
 * attempt), a rating with {@code DongBoDanhGia}. Each publish has its own {@link Exchange}.
 * Thread-safe.
 */
public final class NationalPublisher {

  private final NationalCalls calls;
  private final PortalHttp http;
  private final NationalReplies replies;
  private final DossierRecords records;
  private final RecordMemory memory;
  private final NationalPortalProfile profile;
  private final String agencyName;

  /**
   * Creates the publisher of one client.
   *
   * @param calls the calls
   * @param replies the reply reader
   * @param records the record mapper
   * @param memory what the portal is known to hold
   * @param profile the profile
   * @param agencyName the processing agency's name ({@code DonViXuLy})
   */
  public NationalPublisher(
      NationalCalls calls,
      NationalReplies replies,
      DossierRecords records,
      RecordMemory memory,
      NationalPortalProfile profile,
      String agencyName) {
    this.calls = calls;
    this.http = calls.http();
    this.replies = replies;
    this.records = records;
    this.memory = memory;
    this.profile = profile;
    this.agencyName = agencyName;
  }

  /**
   * The record of a dossier as this client sends it.
   *
   * @param snapshot the dossier
   * @return the record
   */
  public ObjectNode record(Dossier snapshot) {
    return records.record(snapshot, agencyName);
  }

  /**
   * Returns what the portal is known to hold.
   *
   * @return the memory
   */
  public RecordMemory memory() {
    return memory;
  }

  /**
   * Publishes one event (see {@code NationalPortalClient.publish(Publication)}).
   *
   * @param publication the publication
   * @return what was sent
   */
  public PublishResult publish(Publication publication) {
    DossierEvent event = publication.event();
    Dossier snapshot = publication.snapshot();
    PortalCalls.checkPublish(event, snapshot);
    if (event instanceof DossierEvent.ReceiptRecorded) {
      // For the tax authority, not the portal: nothing to send here.
      return new PublishResult("national", snapshot.code(), event.eventId(), List.of(), null);
    }
    String key = event.eventId().toString();
    List<String> ops = new ArrayList<>();
    Exchange exchange = new Exchange();
    ObjectNode record = records.record(snapshot, agencyName);
    byte[] digest = memory.digest(calls.write(record));
    boolean held = memory.holds(event, snapshot, digest);
    try {
      if (event instanceof DossierEvent.Submitted || event instanceof DossierEvent.Received) {
        ops.add(syncRecord(record, true, key, exchange));
      } else if (event instanceof DossierEvent.StepCompleted s) {
        ops.addAll(
            publishStep(
                snapshot, record, s.step(), key, exchange, publication.firstAttempt(), held));
      } else if (event instanceof DossierEvent.Rated r) {
        ObjectNode rating = records.rating(snapshot, r.rating(), r.occurredAt());
        calls.call(RATINGS, calls.dataParams(List.of(rating)), key + ":rating", exchange);
        ops.add(RATINGS);
      } else {
        ops.add(syncRecord(record, false, key, exchange));
      }
    } catch (RuntimeException e) {
      memory.forget(snapshot.code());
      throw e;
    }
    remember(event, snapshot, digest, !(event instanceof DossierEvent.Rated) || held);
    return new PublishResult(
        "national", snapshot.code(), event.eventId(), ops, exchange.lastRequestId());
  }

  /**
   * Remembers the record the portal holds after a publish, or forgets the dossier when that is not
   * known (a rating does not send the record).
   */
  void remember(DossierEvent event, Dossier snapshot, byte[] digest, boolean portalHolds) {
    if (portalHolds) {
      memory.stored(event, snapshot.code(), digest);
    } else {
      memory.forget(snapshot.code());
    }
  }

  private String sync(ObjectNode record, boolean create, String key, Exchange exchange) {
    ObjectNode params = calls.dataParams(List.of(record));
    params.put("isUpdating", isUpdating(!create));
    calls.call(SYNC, params, key + (create ? ":create" : ":update"), exchange);
    return SYNC + (create ? ":create" : ":update");
  }

  /**
   * Sends processing steps with {@code CapNhatTienDoHoSoMC}, in chunks of {@link
   * NationalPortalProfile#progressChunkSize()}, each compared with the portal's copy first.
   *
   * @param snapshot the dossier the steps belong to
   * @param steps the steps, in order
   * @param key the base of the idempotency keys (an event id)
   * @param exchange the exchange of the call
   * @return one {@code CapNhatTienDoHoSoMC} entry per chunk sent
   */
  public List<String> publishSteps(
      Dossier snapshot, List<ProcessingStep> steps, String key, Exchange exchange) {
    List<String> ops = new ArrayList<>();
    int size = profile.progressChunkSize();
    for (int from = 0; from < steps.size(); from += size) {
      List<ObjectNode> chunk = new ArrayList<>();
      for (ProcessingStep step : steps.subList(from, Math.min(steps.size(), from + size))) {
        chunk.add(records.step(snapshot, step));
      }
      String chunkKey = key + ":steps:" + (from / size);
      http.execute(
          PROGRESS,
          true,
          attempt -> {
            // The portal appends steps and honours no idempotency key, and this chunk may
            // have been stored by an earlier attempt or an earlier delivery of the same event
            // whose reply was lost: send only what the portal lacks.
            List<ObjectNode> toSend = missingSteps(snapshot.code(), chunk, chunkKey);
            if (toSend.isEmpty()) {
              return exchange.lastRequestId();
            }
            return calls
                .attempt(PROGRESS, calls.dataParams(toSend), chunkKey, exchange)
                .requestId();
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
      Exchange exchange,
      boolean firstAttempt,
      boolean recordHeld) {
    String chunkKey = key + ":steps:0";
    List<String> ops = new ArrayList<>();
    // On a first attempt the portal holds none of this step: the chunk is sent whole.
    JsonNode portal = null;
    if (firstAttempt) {
      if (!recordHeld) {
        ops.add(syncRecord(record, false, key, exchange));
      }
    } else {
      portal =
          http.execute(LOOK_UP, true, attempt -> portalCopy(snapshot.code(), chunkKey, exchange));
      if (portal == null) {
        ops.add(syncRecord(record, true, key, exchange));
      } else if (!NationalReplies.sameRecord(record, portal)) {
        ops.add(syncRecord(record, false, key, exchange));
      }
    }
    List<ObjectNode> chunk = List.of(records.step(snapshot, step));
    JsonNode copy = portal;
    http.execute(
        PROGRESS,
        true,
        (attempt, earlierMayHaveLanded) -> {
          List<ObjectNode> toSend =
              earlierMayHaveLanded
                  ? missingSteps(snapshot.code(), chunk, chunkKey)
                  : NationalReplies.missing(copy, chunk);
          if (toSend.isEmpty()) {
            return exchange.lastRequestId();
          }
          return calls.attempt(PROGRESS, calls.dataParams(toSend), chunkKey, exchange).requestId();
        });
    ops.add(PROGRESS);
    return ops;
  }

  /** The portal's copy of a dossier (canonical names, steps included), or null when unknown. */
  private JsonNode portalCopy(DossierCode code, String key, Exchange exchange) throws IOException {
    try {
      return replies.firstResult(
          calls.attempt(LOOK_UP, calls.lookUpParams(code), key + ":check", exchange).node());
    } catch (InvalidInputException e) {
      if (Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return null;
      }
      throw e;
    }
  }

  /** Sends a record, turning a create into an update (or back) as the portal's reply asks. */
  /**
   * Sends a record, as a create or an update first, whichever the portal's reply asks in the end.
   *
   * @param record the record
   * @param create whether to try a create first
   * @param key the base of the idempotency keys
   * @param exchange the exchange of the call
   * @return the operation that took effect
   */
  public String syncRecord(ObjectNode record, boolean create, String key, Exchange exchange) {
    try {
      return sync(record, create, key, exchange);
    } catch (InvalidInputException e) {
      if (create && Failures.reason(e) == Failures.Reason.ALREADY_EXISTS) {
        return sync(record, false, key, exchange);
      }
      if (!create && Failures.reason(e) == Failures.Reason.NOT_FOUND) {
        return sync(record, true, key, exchange);
      }
      throw e;
    }
  }

  List<ObjectNode> missingSteps(DossierCode code, List<ObjectNode> chunk, String key)
      throws IOException {
    return NationalReplies.missing(portalCopy(code, key, new Exchange()), chunk);
  }

  /** {@code isUpdating} as public code sends it: the strings {@code True} and {@code False}. */
  static String isUpdating(boolean updating) {
    return updating ? "True" : "False";
  }
}
