package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommuneQuarterTest {

  @Test
  void runsEveryPartOfTheMainExample() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CommuneQuarter.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("== Identifiers and money")
        .contains("Một triệu hai trăm tám mươi bốn nghìn đồng")
        .contains("== A dossier folded from its events")
        .contains("== A citizen logs in with VNeID")
        .contains("== Publishing a dossier to the portals")
        .contains("== A signed e-receipt")
        .contains("== A signed result document")
        .contains("== A signed PDF result")
        .contains("== A quarter's service-quality report");
  }
}
