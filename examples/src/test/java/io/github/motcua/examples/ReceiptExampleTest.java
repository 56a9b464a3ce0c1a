package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptExampleTest {

  @Test
  void issuesVerifiesAndWritesTheXmlAndHtmlNextToEachOther(@TempDir Path dir) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Path xml = ReceiptExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), dir);
    String out = bytes.toString(StandardCharsets.UTF_8);

    Path html = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".html"));
    assertThat(xml).exists().hasParent(dir);
    assertThat(html).exists();
    assertThat(Files.readString(xml)).contains("<ds:SignatureValue>");
    assertThat(Files.readString(html))
        .contains("Hai mươi nghìn đồng.")
        .contains("Chữ ký số hợp lệ");
    assertThat(out)
        .contains("Verification       VALID")
        .contains("No.00000001")
        .contains("Hai mươi nghìn đồng")
        .contains(xml.toAbsolutePath().toString())
        .contains(html.toAbsolutePath().toString())
        .doesNotContain("038185001234")
        .doesNotContain("Nguyễn Thị Hương");
  }

  @Test
  void continuesTheSeriesWhenRunAgain(@TempDir Path dir) {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    ReceiptExample.run(quiet, dir);
    Path second = ReceiptExample.run(quiet, dir);
    assertThat(second.getFileName().toString()).endsWith("-00000002.xml");
  }
}
