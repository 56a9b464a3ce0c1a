package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IdentifiersExampleTest {

  @Test
  void printsTheIdentifiersAndTheFeeInWords() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    IdentifiersExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("038******234")
        .doesNotContain("038203001234")
        .contains("Thanh Hóa")
        .contains("0314409058-002  valid, BRANCH")
        .contains("refused: [tax-code.check-digit]")
        .contains("000.00.31.H56-250815-0001")
        .contains("1.284.000 đ")
        .contains("Một triệu hai trăm tám mươi bốn nghìn đồng");
  }
}
