package io.github.motcua.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.json.MotcuaJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DossierExampleTest {

  private static String output() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DossierExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsTheSnapshotAsJsonThatReadsBackToTheSameDossier() {
    String out = output();
    String json = out.substring(out.indexOf("{"));

    Dossier dossier = MotcuaJson.readDossier(json);

    assertThat(dossier.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(dossier.version()).isEqualTo(DossierExample.events().size());
    assertThat(dossier.rating()).isPresent();
  }

  @Test
  void showsARepeatedEventIgnoredAndAnIllegalOneRefused() {
    String out = output();

    assertThat(out).contains("ignored (same event)").contains("[dossier.transition]");
  }

  @Test
  void neverPrintsTheWholePersonalIdOutsideTheJson() {
    String out = output();
    String summary = out.substring(0, out.indexOf("{"));

    assertThat(summary).contains("038******234").doesNotContain("038203001234", "Nguyễn Văn An");
  }
}
