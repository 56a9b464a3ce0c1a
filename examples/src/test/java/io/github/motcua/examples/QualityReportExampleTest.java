package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QualityReportExampleTest {

  @Test
  void printsTheCommuneQuarterWithEveryDossierOnTime() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QualityReportExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("Kỳ báo cáo / Period: 2025-Q3")
        .containsPattern("Hồ sơ tiếp nhận / Received\\s+1,873")
        .containsPattern("  Trực tuyến / Online\\s+1,871")
        .containsPattern("  Quá hạn / Late\\s+0\\n")
        .contains("1871/1873 (99.89%)")
        .contains("1873/1873 (100.00%)")
        .contains("Theo thủ tục / By procedure")
        .contains("1.001193");
  }
}
