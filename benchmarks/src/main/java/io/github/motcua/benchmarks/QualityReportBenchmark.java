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
 * The quarterly service quality report over {@code dossiers} snapshots (1,000,000 by default),
 * grouped by agency and procedure, against a plain loop over the same snapshots that counts the
 * same main figures (received, online, handled early / on time / late, in progress, overdue,
 * refused, withdrawn, rated) with no groups. The snapshots are 10,000 distinct folded histories
 * visited in turn, so that a million do not need a million in memory; one operation is one whole
 * report.
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

  /** motcua: the report with groups by agency and procedure. */
  @Benchmark
  public ServiceQualityReport reportMotcua() {
    return ServiceQualityReport.builder()
        .period(period)
        .groupByAgency(true)
        .groupByProcedure(true)
        .compute(all());
  }

  /** Plain loop: the same main figures, no groups. */
  @Benchmark
  public long[] reportRaw() {
    Instant start = period.start();
    Instant end = period.end();
    long[] n = new long[11];
    for (Dossier d : all()) {
      if (!d.submittedAt().isBefore(start) && d.submittedAt().isBefore(end)) {
        n[0]++;
        if (d.channel() != SubmissionChannel.COUNTER) {
          n[1]++;
        }
      }
      if (d.completedAt().isPresent()) {
        Instant c = d.completedAt().get();
        if (!c.isBefore(start) && c.isBefore(end)) {
          Timeliness t = d.timeliness();
          n[t == null ? 2 : 3 + t.ordinal()]++;
        }
      } else if (d.acceptedAt().isPresent()) {
        n[6]++;
        if (d.dueAt().isPresent() && d.dueAt().get().isBefore(end)) {
          n[7]++;
        }
      }
      DossierStatus s = d.status();
      if (s == DossierStatus.REFUSED || s == DossierStatus.WITHDRAWN) {
        n[8]++;
      }
      if (d.rating().isPresent()) {
        n[9]++;
      }
    }
    return n;
  }
}
