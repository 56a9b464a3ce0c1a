package io.github.motcua.core.report;

import io.github.motcua.core.calendar.Timeliness;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Rating.Satisfaction;
import io.github.motcua.core.dossier.SubmissionChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Predicate;

/** Running counts of one group; one instance per group, filled in a single pass. */
final class Tally {

  /** The bounds of a report, computed once. */
  record Bounds(Instant start, Instant end, Instant asOf) {
    boolean inPeriod(Instant t) {
      return !t.isBefore(start) && t.isBefore(end);
    }
  }

  private long received;
  private long onlineFull;
  private long onlinePartial;
  private long handled;
  private long early;
  private long onTime;
  private long late;
  private long noDueDate;
  private long inProgress;
  private long overdue;
  private long refused;
  private long withdrawn;
  private long stopped;
  private long digitised;
  private long withFees;
  private long paidOnline;
  private long rated;
  private long synced;
  private long reused;
  private Duration processingTime = Duration.ZERO;
  private final long[] ratings = new long[Satisfaction.values().length];

  /**
   * What one dossier counts for, worked out once however many groups it is added to.
   *
   * @param received submitted within the period
   * @param channel the submission channel
   * @param digitised has a digitised component
   * @param withFees has fees
   * @param paidOnline paid online
   * @param handled completed within the period
   * @param timeliness early, on time or late when handled; null without a due date
   * @param ended refused, withdrawn or stopped within the period; null otherwise
   * @param inProgress in progress at the as-of instant
   * @param overdue in progress and past its due instant
   * @param rating the rating given within the period, or null
   * @param synced received and published to the national portal
   * @param reused received with a reused document or one from the national data store
   * @param processingTime from acceptance to the result when handled, null otherwise
   */
  record Facts(
      boolean received,
      SubmissionChannel channel,
      boolean digitised,
      boolean withFees,
      boolean paidOnline,
      boolean handled,
      Timeliness timeliness,
      DossierStatus ended,
      boolean inProgress,
      boolean overdue,
      Satisfaction rating,
      boolean synced,
      boolean reused,
      Duration processingTime) {

    static Facts of(Dossier d, Bounds b, Predicate<Dossier> published) {
      boolean received = b.inPeriod(d.submittedAt());
      boolean withFees = received && !d.fees().isEmpty();
      boolean handled = d.completedAt().isPresent() && b.inPeriod(d.completedAt().get());
      DossierStatus status = d.status();
      boolean ended =
          status == DossierStatus.REFUSED
              || status == DossierStatus.WITHDRAWN
              || status == DossierStatus.STOPPED;
      boolean inProgress = isInProgress(d, ended, b.asOf());
      return new Facts(
          received,
          d.channel(),
          received && d.digitised(),
          withFees,
          withFees && d.paidOnline(),
          handled,
          handled ? d.timeliness() : null,
          ended && b.inPeriod(d.lastEventAt()) ? status : null,
          inProgress,
          inProgress && d.dueAt().isPresent() && d.dueAt().get().isBefore(b.asOf()),
          d.rating().isPresent() && b.inPeriod(d.ratedAt().get()) ? d.rating().get().level() : null,
          received && published != null && published.test(d),
          received && d.documents().stream().anyMatch(x -> x.reused() || x.fromNationalStore()),
          handled && d.acceptedAt().isPresent()
              ? Duration.between(d.acceptedAt().get(), d.completedAt().get())
              : null);
    }
  }

  void add(Facts f) {
    if (f.received()) {
      received++;
      switch (f.channel()) {
        case ONLINE_FULL -> onlineFull++;
        case ONLINE_PARTIAL -> onlinePartial++;
        default -> {}
      }
      if (f.digitised()) {
        digitised++;
      }
      if (f.synced()) {
        synced++;
      }
      if (f.reused()) {
        reused++;
      }
      if (f.withFees()) {
        withFees++;
        if (f.paidOnline()) {
          paidOnline++;
        }
      }
    }
    if (f.handled()) {
      handled++;
      if (f.processingTime() != null && !f.processingTime().isNegative()) {
        processingTime = processingTime.plus(f.processingTime());
      }
      Timeliness t = f.timeliness();
      if (t == null) {
        noDueDate++;
      } else {
        switch (t) {
          case EARLY -> early++;
          case ON_TIME -> onTime++;
          case LATE -> late++;
        }
      }
    }
    if (f.ended() != null) {
      switch (f.ended()) {
        case REFUSED -> refused++;
        case WITHDRAWN -> withdrawn++;
        default -> stopped++;
      }
    }
    if (f.inProgress()) {
      inProgress++;
      if (f.overdue()) {
        overdue++;
      }
    }
    if (f.rating() != null) {
      rated++;
      ratings[f.rating().ordinal()]++;
    }
  }

  private static boolean isInProgress(Dossier d, boolean ended, Instant asOf) {
    if (d.acceptedAt().isEmpty() || d.acceptedAt().get().isAfter(asOf)) {
      return false;
    }
    if (d.completedAt().isPresent() && !d.completedAt().get().isAfter(asOf)) {
      return false;
    }
    // A refusal, withdrawal or stop is the last event of its history.
    return !(ended && !d.lastEventAt().isAfter(asOf));
  }

  QualityFigures figures() {
    Map<Satisfaction, Long> dist = new EnumMap<>(Satisfaction.class);
    for (Satisfaction s : Satisfaction.values()) {
      dist.put(s, ratings[s.ordinal()]);
    }
    return new QualityFigures(
        received,
        onlineFull,
        onlinePartial,
        handled,
        early,
        onTime,
        late,
        noDueDate,
        inProgress,
        overdue,
        refused,
        withdrawn,
        stopped,
        digitised,
        withFees,
        paidOnline,
        rated,
        dist,
        synced,
        reused,
        processingTime);
  }
}
