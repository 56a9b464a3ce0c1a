package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The Run command's entry point, as a newcomer starts it. */
class CommuneQuarterTest {

  /**
   * The default quarter (1,873 dossiers, faults injected) takes more than a minute on a loaded
   * machine, so it runs where {@code CI} is set ({@code .ci/run} sets it).
   */
  @Test
  @EnabledIfEnvironmentVariable(named = "CI", matches = "(?i)true|1|yes")
  void defaultQuarterReconcilesAndExitsWithStatusZero() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status =
        CommuneQuarter.run(new String[0], new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("1,873 dossiers, 1,871 online")
        .contains("1,873 of 1,873 dossiers identical")
        .containsPattern("(?m)^  lost 0, duplicated 0$")
        .contains("OK: nothing was lost.");
    assertThat(status).isZero();
  }

  @Test
  void unknownOptionExitsWithStatusTwoAndPrintsTheUsage() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status =
        CommuneQuarter.run(
            new String[] {"--dossier", "5"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .contains("Unknown option --dossier")
        .contains("--online-share");
  }

  @Test
  void helpPrintsTheOptionsAndExitsWithStatusZero() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status =
        CommuneQuarter.run(
            new String[] {"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("--dossiers").contains("--out");
  }
}
