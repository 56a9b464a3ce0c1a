package io.github.motcua.benchmarks;

import io.github.motcua.core.calendar.Timeliness;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.report.ReportPeriod;
import io.github.motcua.core.report.ServiceQualityReport;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The quarterly service quality report over {@code dossiers} snapshots (1,000,000 by default)
 * against a plain loop over the same snapshots that counts the same figures (received, online full
 * / partial, digitised, with fees, paid online, handled early / on time / late / without due date,
 * refused, withdrawn, stopped, in progress, overdue, rated and the rating distribution); and,
 * alone, the same report grouped by agency and by procedure as well. The snapshots are 10,000
 * distinct folded histories visited in turn, so that a million do not need a million in memory; one
 * operation is one whole report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QualityReportBenchmark {

  private static final int DISTINCT = 10_000;

  /** How many snapshots one report covers. */
  @Param({"1000000"})
  public int dossiers;

  private List<Dossier> snapshots;
  private ReportPeriod period;

  /** Folds the distinct histories. */
  @Setup
  public void setUp() {
    snapshots = new BenchmarkDossiers(3).snapshots(DISTINCT);
    period = ReportPeriod.quarter(2025, 3);
  }

  private Iterable<Dossier> all() {
    return () ->
        new Iterator<>() {
          private int i;

          @Override
          public boolean hasNext() {
            return i < dossiers;
          }

          @Override
          public Dossier next() {
            if (i >= dossiers) {
              throw new NoSuchElementException();
            }
            return snapshots.get(i++ % DISTINCT);
          }
        };
  }

  /** motcua: the report's figures, no groups. */
  @Benchmark
  public ServiceQualityReport reportMotcua() {
    return ServiceQualityReport.of(all(), period);
  }

  /** motcua: the report with groups by agency and by procedure as well. */
  @Benchmark
  public ServiceQualityReport reportGrouped() {
    return ServiceQualityReport.builder()
        .period(period)
        .groupByAgency(true)
        .groupByProcedure(true)
        .compute(all());
  }

  /** Plain loop: the same seventeen counts and the rating distribution, no groups. */
  @Benchmark
  public long[] reportRaw() {
    Instant start = period.start();
    Instant end = period.end();
    long[] n = new long[24];
    for (Dossier d : all()) {
      if (!d.submittedAt().isBefore(start) && d.submittedAt().isBefore(end)) {
        n[0]++;
        n[d.channel() == SubmissionChannel.ONLINE_FULL ? 1 : 2]++;
        if (d.digitised()) {
          n[3]++;
        }
        if (!d.fees().isEmpty()) {
          n[4]++;
          if (d.paidOnline()) {
            n[5]++;
          }
        }
      }
      Instant completed = d.completedAt().orElse(null);
      if (completed != null && !completed.isBefore(start) && completed.isBefore(end)) {
        n[6]++;
        Timeliness t = d.timeliness();
        n[t == null ? 7 : 8 + t.ordinal()]++;
      }
      DossierStatus s = d.status();
      boolean ended =
          s == DossierStatus.REFUSED || s == DossierStatus.WITHDRAWN || s == DossierStatus.STOPPED;
      if (ended && !d.lastEventAt().isBefore(start) && d.lastEventAt().isBefore(end)) {
        n[11 + s.ordinal() % 3]++;
      }
      Instant accepted = d.acceptedAt().orElse(null);
      if (accepted != null
          && !accepted.isAfter(end)
          && (completed == null || completed.isAfter(end))
          && !(ended && !d.lastEventAt().isAfter(end))) {
        n[14]++;
        if (d.dueAt().isPresent() && d.dueAt().get().isBefore(end)) {
          n[15]++;
        }
      }
      if (d.rating().isPresent()) {
        Instant rated = d.ratedAt().get();
        if (!rated.isBefore(start) && rated.isBefore(end)) {
          n[16]++;
          n[17 + d.rating().get().level().ordinal()]++;
        }
      }
    }
    return n;
  }
}
