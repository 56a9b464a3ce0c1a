package io.github.motcua.core.report;

import io.github.motcua.core.calendar.Timeliness;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Rating.Satisfaction;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

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
  private final long[] ratings = new long[Satisfaction.values().length];

  void add(Dossier d, Bounds b) {
    if (b.inPeriod(d.submittedAt())) {
      received++;
      switch (d.channel()) {
        case ONLINE_FULL -> onlineFull++;
        case ONLINE_PARTIAL -> onlinePartial++;
        default -> {}
      }
      if (d.digitised()) {
        digitised++;
      }
      if (!d.fees().isEmpty()) {
        withFees++;
        if (d.paidOnline()) {
          paidOnline++;
        }
      }
    }
    if (d.completedAt().isPresent() && b.inPeriod(d.completedAt().get())) {
      handled++;
      Timeliness t = d.timeliness();
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
    DossierStatus status = d.status();
    boolean ended =
        status == DossierStatus.REFUSED
            || status == DossierStatus.WITHDRAWN
            || status == DossierStatus.STOPPED;
    if (ended && b.inPeriod(d.lastEventAt())) {
      switch (status) {
        case REFUSED -> refused++;
        case WITHDRAWN -> withdrawn++;
        default -> stopped++;
      }
    }
    if (isInProgress(d, ended, b.asOf())) {
      inProgress++;
      if (d.dueAt().isPresent() && d.dueAt().get().isBefore(b.asOf())) {
        overdue++;
      }
    }
    if (d.rating().isPresent() && b.inPeriod(d.ratedAt().get())) {
      rated++;
      ratings[d.rating().get().level().ordinal()]++;
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
        dist);
  }
}
