package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CitizenLoginExampleTest {

  @Test
  void logsAFakeCitizenInAndPrintsTheMaskedIdentity() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CitizenLoginExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("LEVEL_2").contains("CITIZEN").contains("001******345");
    assertThat(out).contains("N* V* A*");
    assertThat(out).doesNotContain("001090012345").doesNotContain("Nguyễn Văn An");
  }
}
