package io.github.motcua.benchmarks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.json.MotcuaJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Dossier snapshot JSON: motcua's {@link MotcuaJson} (identifier types, validation of every record
 * on read, hardened parser limits) against a plain Jackson {@code ObjectMapper} writing and reading
 * {@link PlainDossier}, the same fields as plain records. The snapshot is a full history
 * (documents, fee, payment, steps, result, rating; 8 to 12 applied events).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DossierJsonBenchmark {

  private Dossier dossier;
  private PlainDossier plain;
  private String motcuaJson;
  private String plainJson;
  private ObjectMapper jackson;
  private String hostileJson;

  /** Folds one long history and writes it both ways. */
  @Setup
  public void setUp() throws Exception {
    BenchmarkDossiers data = new BenchmarkDossiers(7);
    Dossier longest = null;
    for (Dossier d : data.snapshots(200)) {
      if (longest == null || d.history().size() > longest.history().size()) {
        longest = d;
      }
    }
    dossier = longest;
    plain = PlainDossier.of(dossier);
    jackson =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    motcuaJson = MotcuaJson.write(dossier);
    plainJson = jackson.writeValueAsString(plain);
    StringBuilder hostile =
        new StringBuilder(
            "{\"type\":\"Submitted\",\"eventId\":\"3f1c2a9e-0b7d-4c55-9a51-000000000001\","
                + "\"dossierCode\":\"000.00.31.H56-250815-0001\","
                + "\"occurredAt\":\"2025-08-15T01:30:00Z\",\"documents\":[{}");
    hostile.append(",{}".repeat(5_999));
    hostileJson = hostile.append("]}").toString();
  }

  /** motcua: snapshot to JSON. */
  @Benchmark
  public String writeMotcua() {
    return MotcuaJson.write(dossier);
  }

  /** Plain Jackson: the equivalent record to JSON. */
  @Benchmark
  public String writeRaw() throws Exception {
    return jackson.writeValueAsString(plain);
  }

  /** motcua: JSON to a validated snapshot. */
  @Benchmark
  public Dossier readMotcua() {
    return MotcuaJson.readDossier(motcuaJson);
  }

  /**
   * motcua, no baseline: refusing an 18 KB event whose documents are 6,000 empty objects (48,005
   * problems, the first 1,000 kept). Returns the count of problems.
   */
  @Benchmark
  public int readHostile() {
    try {
      MotcuaJson.readEvent(hostileJson);
      throw new IllegalStateException("the hostile event was accepted");
    } catch (InvalidInputException e) {
      return e.violationCount();
    }
  }

  /** Plain Jackson: JSON to the equivalent record. */
  @Benchmark
  public PlainDossier readRaw() throws Exception {
    return jackson.readValue(plainJson, PlainDossier.class);
  }
}
