package io.github.motcua.benchmarks;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import java.util.ArrayList;
import java.util.List;
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
 * Replaying a dossier's history through {@link DossierLifecycle} with Vietnam's deadline policy
 * (what the sync worker does for a snapshot it has not cached, and what an integrator does to
 * rebuild a dossier from its events): transition rules, event digests, due dates. Absolute: no raw
 * library folds dossier events. One operation is one history of 3 to 16 events (1,024 seeded
 * histories visited in turn).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {

  private static final int HISTORIES = 1024;

  /** Due dates by Vietnam's deadline policy ({@code deadline}) or none ({@code none}). */
  @Param({"deadline", "none"})
  public String dueDates;

  private final List<List<DossierEvent>> histories = new ArrayList<>();
  private DossierLifecycle lifecycle;
  private int next;

  /** Builds the histories. */
  @Setup
  public void setUp() {
    BenchmarkDossiers data = new BenchmarkDossiers(5);
    for (int i = 1; i <= HISTORIES; i++) {
      histories.add(data.history(i));
    }
    lifecycle = dueDates.equals("none") ? DossierLifecycle.create() : BenchmarkDossiers.lifecycle();
  }

  /** One whole history replayed to its last snapshot. */
  @Benchmark
  public Dossier replay() {
    next = (next + 1) & (HISTORIES - 1);
    return lifecycle.replay(histories.get(next));
  }
}
