package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignedPdfExampleTest {

  @TempDir Path dir;

  @Test
  void signsTheResultAndTheReceiptAndBothVerify() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    SignedPdfExample.run(new PrintStream(printed, true, StandardCharsets.UTF_8), dir);

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(output).contains("ket-qua-da-ky.pdf: VALID").contains("bien-lai-da-ky.pdf: VALID");
    assertThat(Files.readAllBytes(dir.resolve("ket-qua-da-ky.pdf"))).startsWith('%', 'P', 'D', 'F');
    assertThat(Files.size(dir.resolve("bien-lai-da-ky.pdf"))).isGreaterThan(10_000);
  }
}
