package io.github.motcua.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkReportTest {

  private static final BenchmarkReport.Context CONTEXT =
      new BenchmarkReport.Context(
          "2026-11-29T18:00Z",
          "Test CPU, 2 cores",
          "OpenJDK 17",
          "benchmarks/run.sh --quick",
          "quick",
          "0.10 0.20 0.30",
          "3 min");

  private static String run(
      String benchmark, String params, String score, String error, String mode, String unit) {
    return "{\"benchmark\":\"io.github.motcua.benchmarks."
        + benchmark
        + "\",\"mode\":\""
        + mode
        + "\",\"jdkVersion\":\"17.0.15\",\"vmName\":\"OpenJDK 64-Bit Server VM\","
        + "\"vmVersion\":\"17.0.15+6\",\"params\":{"
        + params
        + "},\"primaryMetric\":{\"score\":"
        + score
        + ",\"scoreError\":"
        + error
        + ",\"scoreUnit\":\""
        + unit
        + "\"}}";
  }

  private static final String JSON =
      "["
          + String.join(
              ",",
              run(
                  "CmsBenchmark.signMotcua",
                  "\"key\":\"RSA\",\"size\":\"1024\"",
                  "950.0",
                  "12.5",
                  "thrpt",
                  "ops/s"),
              run(
                  "CmsBenchmark.signRaw",
                  "\"key\":\"RSA\",\"size\":\"1024\"",
                  "1000.0",
                  "10.0",
                  "thrpt",
                  "ops/s"),
              run(
                  "CmsBenchmark.verifyMotcua",
                  "\"key\":\"RSA\",\"size\":\"1024\"",
                  "500.0",
                  "\"NaN\"",
                  "thrpt",
                  "ops/s"),
              run(
                  "CmsBenchmark.verifyRaw",
                  "\"key\":\"RSA\",\"size\":\"1024\"",
                  "1000.0",
                  "5.0",
                  "thrpt",
                  "ops/s"),
              run("CalendarBenchmark.toLunar", "", "1234567.8", "2345.6", "thrpt", "ops/s"),
              run("DossierJsonBenchmark.writeMotcua", "", "20.0", "1.0", "avgt", "us/op"),
              run("DossierJsonBenchmark.writeRaw", "", "10.0", "1.0", "avgt", "us/op"),
              run("LonelyBenchmark.readMotcua", "", "5.0", "0.5", "thrpt", "ops/s"))
          + "]";

  private static final String OUTBOX =
      "database: H2 file /tmp/x\n"
          + "enqueue, one transaction each: 500 events in 1.2 s = 417 events/s\n"
          + "enqueue, 500 per transaction: 4500 events in 2.0 s = 2250 events/s\n"
          + "drain of a 5000 event backlog to 2 destinations (10000 deliveries, 4 threads each):"
          + " 8.0 s = 1250 deliveries/s (complete: true)\n";

  private static String section(String outbox) throws Exception {
    Map<String, String> outputs = new LinkedHashMap<>();
    if (outbox != null) {
      outputs.put("H2", outbox);
    }
    return BenchmarkReport.section(BenchmarkReport.parse(JSON), List.of(), outputs, CONTEXT);
  }

  @Test
  void readsEveryResultWithItsParametersScoreErrorAndUnit() throws Exception {
    List<BenchmarkReport.Result> results = BenchmarkReport.parse(JSON);

    assertThat(results).hasSize(8);
    BenchmarkReport.Result first = results.get(0);
    assertThat(first.className()).isEqualTo("CmsBenchmark");
    assertThat(first.method()).isEqualTo("signMotcua");
    assertThat(first.params()).containsEntry("key", "RSA").containsEntry("size", "1024");
    assertThat(first.score()).isEqualTo(950.0);
    assertThat(first.error()).isEqualTo(12.5);
    assertThat(first.unit()).isEqualTo("ops/s");
    assertThat(results.get(2).error()).isNaN();
  }

  @Test
  void pairsMotcuaWithRawOfTheSameOperationAndParametersInOneRow() throws Exception {
    assertThat(section(null))
        .contains(
            "| CmsBenchmark | sign | key=RSA, size=1024 | 950 ± 12.5 ops/s | 1,000 ± 10.0 ops/s"
                + " | 0.95 |");
  }

  @Test
  void marksARatioWhoseErrorBarsAreTooWideToMeanAnything() throws Exception {
    assertThat(section(null))
        .contains("| 500 ops/s | 1,000 ± 5.00 ops/s | **0.50** † |")
        .contains("- CmsBenchmark verify (key=RSA, size=1024): 0.50 (not significant");
  }

  @Test
  void warnsWhenTheMachineWasBusy() throws Exception {
    BenchmarkReport.Context busy =
        new BenchmarkReport.Context("d", "m", "j", "c", "quick", "999.0 10.0 10.0", "1 s");

    assertThat(BenchmarkReport.section(BenchmarkReport.parse(JSON), List.of(), Map.of(), busy))
        .contains("**This run was taken on a busy machine**");
    assertThat(section(null)).doesNotContain("busy machine");
  }

  @Test
  void flagsAPairMoreThanTenPercentBehindInBoldAndListsIt() throws Exception {
    String section = section(null);

    assertThat(section)
        .contains(
            "| CmsBenchmark | verify | key=RSA, size=1024 | 500 ops/s | 1,000 ± 5.00 ops/s | **0.50**")
        .contains("- CmsBenchmark verify (key=RSA, size=1024): 0.50")
        .doesNotContain("**0.95**");
  }

  @Test
  void invertsTheRatioOfTimesSoThatBelowOneStillMeansSlower() throws Exception {
    assertThat(section(null))
        .contains(
            "| DossierJsonBenchmark | write |  | 20.0 ± 1.00 us/op | 10.0 ± 1.00 us/op | **0.50** |");
  }

  @Test
  void reportsBenchmarksWithoutARawSideOnTheirOwn() throws Exception {
    String section = section(null);

    assertThat(section)
        .contains("| CalendarBenchmark | toLunar |  | 1,234,568 ± 2,346 ops/s |")
        .contains("| LonelyBenchmark | readMotcua |  | 5.00 ± 0.500 ops/s |");
  }

  @Test
  void writesMachineJdkDateModeAndTheExactCommand() throws Exception {
    assertThat(section(null))
        .contains("- Date: 2026-11-29T18:00Z")
        .contains("- Machine: Test CPU, 2 cores")
        .contains("- JDK: OpenJDK 17")
        .contains("- Mode: quick")
        .contains("```\nbenchmarks/run.sh --quick\n```");
  }

  @Test
  void turnsTheOutboxHarnessOutputIntoARow() throws Exception {
    assertThat(section(OUTBOX))
        .contains(
            "| H2 | 5,000 | 417 events/s | 2,250 events/s | 10,000 in 8.0 s | 1,250 deliveries/s"
                + " | true |");
  }

  @Test
  void showsAnEnqueueOnlyBaselineWithoutDrainFigures() throws Exception {
    String raw =
        "database: H2 file /tmp/y (raw JDBC)\n"
            + "enqueue, one transaction each: 500 events in 0.5 s = 1000 events/s\n"
            + "enqueue, 500 per transaction: 4500 events in 1.0 s = 4500 events/s\n";

    assertThat(section(raw))
        .contains("| H2 | 5,000 | 1,000 events/s | 4,500 events/s | – | – | – |");
  }

  @Test
  void keepsOutboxOutputOfAnotherFormVerbatim() throws Exception {
    assertThat(section("drained everything quickly\n"))
        .contains(
            "Output for H2 (not in the expected form):\n\n```\ndrained everything quickly\n```");
  }

  @Test
  void replacesOnlyTheGeneratedSectionAndKeepsTheHandWrittenText() throws Exception {
    String document =
        "# Benchmarks\n\nHand-written method.\n\n"
            + BenchmarkReport.BEGIN
            + "\nold figures\n"
            + BenchmarkReport.END
            + "\n\n## Notes\n\nMore hand-written text.\n";

    String updated = BenchmarkReport.replaceSection(document, section(null));

    assertThat(updated)
        .startsWith("# Benchmarks\n\nHand-written method.\n\n" + BenchmarkReport.BEGIN)
        .endsWith(BenchmarkReport.END + "\n\n## Notes\n\nMore hand-written text.\n")
        .doesNotContain("old figures")
        .contains("| CmsBenchmark | sign |");
  }

  @Test
  void appendsTheSectionToADocumentWithoutMarkers() throws Exception {
    String updated = BenchmarkReport.replaceSection("# Benchmarks\n\nText.\n", section(null));

    assertThat(updated).startsWith("# Benchmarks\n\nText.\n\n" + BenchmarkReport.BEGIN);
    assertThat(BenchmarkReport.replaceSection(updated, section(null))).isEqualTo(updated);
  }

  @Test
  void namesTheBenchmarksThatFailedFromJmhsLog() throws Exception {
    List<String> failures =
        BenchmarkReport.failures(
            List.of(
                "# Benchmark: io.github.motcua.benchmarks.CmsBenchmark.signRaw",
                "# Parameters: (key = EC, size = 1024)",
                "",
                "<failure>",
                "java.lang.IllegalStateException: boom",
                "# Benchmark: io.github.motcua.benchmarks.CalendarBenchmark.toLunar",
                "Iteration   1: 10.0 ops/s"));

    assertThat(failures).containsExactly("CmsBenchmark.signRaw (key = EC, size = 1024)");
    assertThat(
            BenchmarkReport.section(
                BenchmarkReport.parse(JSON), failures, new LinkedHashMap<>(), CONTEXT))
        .contains("**Failed in this run**")
        .contains("- CmsBenchmark.signRaw (key = EC, size = 1024)");
  }

  @Test
  void mainRewritesTheDocumentFromFiles(@TempDir Path dir) throws Exception {
    Path json = Files.writeString(dir.resolve("results.json"), JSON);
    Path outbox = Files.writeString(dir.resolve("outbox-h2.txt"), OUTBOX);
    Path doc =
        Files.writeString(
            dir.resolve("benchmarks.md"),
            "# Benchmarks\n\n" + BenchmarkReport.BEGIN + "\nold\n" + BenchmarkReport.END + "\n");

    BenchmarkReport.main(
        new String[] {
          "--jmh",
          json.toString(),
          "--doc",
          doc.toString(),
          "--outbox",
          "H2=" + outbox,
          "--outbox",
          "PostgreSQL=" + dir.resolve("missing.txt"),
          "--command",
          "benchmarks/run.sh --quick",
          "--mode",
          "quick"
        });

    String written = Files.readString(doc, StandardCharsets.UTF_8);
    assertThat(written)
        .contains("- JDK: OpenJDK 64-Bit Server VM 17.0.15 (17.0.15+6)")
        .contains("| H2 | 5,000 |")
        .contains("Output for PostgreSQL")
        .doesNotContain("\nold\n");
  }
}
