package io.github.motcua.benchmarks;

import io.github.motcua.core.dossier.DossierEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The part of a {@link LifecycleBenchmark} replay spent recording what was applied: the SHA-256
 * digest ({@link DossierEvent#digest()}) of every event of one history, over the same 1,024 seeded
 * histories. Absolute.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EventDigestBenchmark {

  private static final int HISTORIES = 1024;

  private final List<List<DossierEvent>> histories = new ArrayList<>();
  private int next;

  /** Builds the histories (the same seed as the replay benchmark). */
  @Setup
  public void setUp() {
    BenchmarkDossiers data = new BenchmarkDossiers(5);
    for (int i = 1; i <= HISTORIES; i++) {
      histories.add(data.history(i));
    }
  }

  /**
   * Digests every event of one history.
   *
   * @return the total length of the digests, so that none is left out
   */
  @Benchmark
  public int digests() {
    next = (next + 1) & (HISTORIES - 1);
    int n = 0;
    for (DossierEvent e : histories.get(next)) {
      n += e.digest().length();
    }
    return n;
  }
}
