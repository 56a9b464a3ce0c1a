package io.github.motcua.examples.commune;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress display: a bar redrawn in place on a terminal, plain lines elsewhere. */
class ProgressTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String run(boolean terminal, int total) {
    Progress p = Progress.start(out, terminal, "recording dossiers", total);
    for (int i = 0; i < total; i++) {
      p.step();
    }
    p.finish();
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutATerminalEachQuarterIsOnePlainLine() {
    String text = run(false, 200);
    assertThat(text).doesNotContain("\r");
    assertThat(text.lines())
        .containsExactly(
            "  recording dossiers: 50/200 (25%)",
            "  recording dossiers: 100/200 (50%)",
            "  recording dossiers: 150/200 (75%)",
            "  recording dossiers: 200/200 (100%)");
  }

  @Test
  void onATerminalTheBarIsRedrawnInPlaceAtMostOncePerPercent() {
    String text = run(true, 10_000);
    long redraws = text.chars().filter(c -> c == '\r').count();
    assertThat(redraws).isBetween(100L, 102L);
    assertThat(text).endsWith("\n").contains("[##############################] 100% 10,000/10,000");
    assertThat(text.chars().filter(c -> c == '\n').count()).isEqualTo(1);
  }
}
