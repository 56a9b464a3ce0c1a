package io.github.motcua.portal.internal;

import static io.github.motcua.portal.internal.NationalCalls.PROGRESS;
import static io.github.motcua.portal.internal.NationalCalls.RATINGS;
import static io.github.motcua.portal.internal.NationalCalls.SYNC;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.NationalPortalProfile;
import io.github.motcua.portal.Publication;
import io.github.motcua.portal.PublishOutcome;
import io.github.motcua.portal.PublishResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Publishes events of different dossiers to the national portal in shared calls: records together
 * in {@code DongBoHoSoMC} (creates and updates apart), ratings in {@code DongBoDanhGia}, first
 * attempts of completed steps in {@code CapNhatTienDoHoSoMC}; what cannot share a call, or what a
 * refused shared call carried, is published alone. Thread-safe.
 */
public final class NationalSharedCalls {

  private final NationalCalls calls;
  private final PortalHttp http;
  private final NationalPublisher publisher;
  private final DossierRecords records;
  private final RecordMemory memory;
  private final NationalPortalProfile profile;
  private final Function<Publication, PublishResult> alone;

  /**
   * Creates the shared calls of one client.
   *
   * @param calls the calls
   * @param publisher the publisher of one event
   * @param records the record mapper
   * @param profile the profile (chunk sizes)
   * @param alone publishes one event alone, as the client's {@code publish} does
   */
  public NationalSharedCalls(
      NationalCalls calls,
      NationalPublisher publisher,
      DossierRecords records,
      NationalPortalProfile profile,
      Function<Publication, PublishResult> alone) {
    this.calls = calls;
    this.http = calls.http();
    this.publisher = publisher;
    this.records = records;
    this.memory = publisher.memory();
    this.profile = profile;
    this.alone = alone;
  }

  /**
   * Returns how many events of this kind share one call.
   *
   * @param event the event
   * @return the chunk size of its call; 1 for a receipt document
   */
  public int batchLimit(DossierEvent event) {
    if (event instanceof DossierEvent.ReceiptRecorded) {
      return 1;
    }
    return event instanceof DossierEvent.StepCompleted
        ? profile.sharedStepChunkSize()
        : profile.recordChunkSize();
  }

  /**
   * Returns the call an event shares with others.
   *
   * @param event the event
   * @return {@code create}, {@code update}, {@code rating} or {@code step}
   */
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
   * Publishes events of different dossiers (see {@code NationalPortalClient.publishAll}).
   *
   * @param publications the publications
   * @return one outcome per publication, in order
   */
  public List<PublishOutcome> publishAll(List<Publication> publications) {
    Set<DossierCode> dossiers = new HashSet<>();
    for (Publication p : publications) {
      if (!dossiers.add(p.snapshot().code())) {
        List<PublishOutcome> each = new ArrayList<>(publications.size());
        publications.forEach(q -> each.add(publishAlone(q)));
        return each;
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
    return PublishOutcome.of(() -> alone.apply(p));
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
      byte[] digest = memory.digest(calls.write(publisher.record(p.snapshot())));
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
    Exchange exchange = new Exchange();
    try {
      http.execute(
          PROGRESS,
          true,
          (attempt, earlierMayHaveLanded) -> {
            List<ObjectNode> toSend = data;
            if (earlierMayHaveLanded) {
              toSend = new ArrayList<>();
              for (int j = 0; j < indexes.size(); j++) {
                DossierCode code = publications.get(indexes.get(j)).snapshot().code();
                toSend.addAll(publisher.missingSteps(code, List.of(data.get(j)), key));
              }
              if (toSend.isEmpty()) {
                return exchange.lastRequestId();
              }
            }
            return calls.attempt(PROGRESS, calls.dataParams(toSend), key, exchange).requestId();
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
      publisher.remember(p.event(), p.snapshot(), digests[i], true);
      out[i] = published(p, PROGRESS, exchange.lastRequestId());
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
                : publisher.record(p.snapshot()));
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
    ObjectNode params = calls.dataParams(data);
    String service = kind == Shared.RATING ? RATINGS : SYNC;
    String operation =
        kind == Shared.RATING ? RATINGS : SYNC + (kind == Shared.CREATE ? ":create" : ":update");
    if (kind != Shared.RATING) {
      params.put("isUpdating", NationalPublisher.isUpdating(kind == Shared.UPDATE));
    }
    // One key per set of events: a retry of this call carries the same key, another set another.
    String key =
        UUID.nameUUIDFromBytes(events.toString().getBytes(StandardCharsets.UTF_8))
            + ":"
            + kind.name().toLowerCase(Locale.ROOT);
    Exchange exchange = new Exchange();
    try {
      calls.call(service, params, key, exchange);
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
      ObjectNode record = kind == Shared.RATING ? publisher.record(p.snapshot()) : data.get(j);
      byte[] digest = memory.digest(calls.write(record));
      publisher.remember(
          p.event(),
          p.snapshot(),
          digest,
          kind != Shared.RATING || memory.holds(p.event(), p.snapshot(), digest));
      out[i] = published(p, operation, exchange.lastRequestId());
    }
  }
}
