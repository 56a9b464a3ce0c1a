package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboxExampleTest {

  @Test
  void deliversEveryEventThroughFaultsAndReconcilesToNothingLostOrDuplicated() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    OutboxExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("Recorded 240 events of 30 dossiers");
    assertThat(out).containsPattern("national +delivered 240, pending 0, dead letters 0");
    assertThat(out).containsPattern("provincial +delivered 240, pending 0, dead letters 0");
    assertThat(out).doesNotContain("Faults injected: national 0,");
    assertThat(out).contains("Reconciliation: lost 0, duplicated 0");
  }
}
