package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SignResultExampleTest {

  @Test
  void signsTheResultAndReportsItValidWithAProvenTime() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SignResultExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertThat(output)
        .contains("Signature VALID")
        .contains("signing-time.proven")
        .contains("timestamp.valid")
        .contains("uid=MST:0100233488");
  }
}
