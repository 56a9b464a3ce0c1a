package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PublishDossierExampleTest {

  @Test
  void publishesTheDossierToBothPortalsAndTakesTheFee() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PublishDossierExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out).contains("confirmed; the reply echoes its checksum: true");
    assertThat(out)
        .contains(
            "National portal holds 000.00.31.H56-250815-0001 with TrangThaiHoSo 10, 1 step(s), paid online 1");
    assertThat(out)
        .contains(
            "Provincial portal holds 000.00.31.H56-250815-0001 with TrangThaiHoSo 10, 1 step(s)");
    assertThat(out).doesNotContain("038090001234");
  }
}
