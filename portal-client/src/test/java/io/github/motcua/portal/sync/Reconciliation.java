package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.portal.NationalPortalProfile;
import io.github.motcua.portal.internal.DossierRecords;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** Checks that each fake holds exactly the local fold of every dossier's events. */
final class Reconciliation {

  private final ObjectMapper mapper = new ObjectMapper();
  private final DossierRecords records =
      new DossierRecords(mapper, NationalPortalProfile.defaults());

  private JsonNode json(JsonNode node) {
    try {
      return mapper.readTree(node.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void national(EventScript script, NationalPortalFake fake) {
    assertThat(fake.dossiers()).hasSize(script.byDossier().size());
    for (DossierCode code : script.byDossier().keySet()) {
      Dossier expected = script.fold(code);
      NationalPortalFake.StoredDossier stored = fake.dossier(code.value()).orElseThrow();
      assertThat(stored.current())
          .isEqualTo(json(records.record(expected, WorkerProcess.AGENCY_NAME)));
      // Every step once, in order: none lost, none twice; each with the status at that step.
      assertThat(stored.steps()).isEqualTo(steps(script.byDossier().get(code)));
      assertThat(stored.rating())
          .isEqualTo(
              json(
                  records.rating(
                      expected,
                      expected.rating().orElseThrow(),
                      expected.ratedAt().orElseThrow())));
    }
  }

  /** Each completed step as sent: with the snapshot right after its event. */
  private List<JsonNode> steps(List<DossierEvent> events) {
    io.github.motcua.core.dossier.DossierLifecycle lifecycle =
        io.github.motcua.core.dossier.DossierLifecycle.create();
    List<JsonNode> out = new java.util.ArrayList<>();
    Dossier d = null;
    for (DossierEvent e : events) {
      d = d == null ? lifecycle.start(e) : lifecycle.apply(d, e);
      if (e instanceof DossierEvent.StepCompleted s) {
        out.add(json(records.step(d, s.step())));
      }
    }
    return out;
  }

  /**
   * Checks that the national fake received each dossier's records in the order of its events: every
   * record it received is the fold after some event, never one before the fold it received last
   * (repeats allowed). A record going backwards means an older state was sent after a newer one.
   */
  void nationalStatusesNeverBackwards(EventScript script, NationalPortalFake fake) {
    for (Map.Entry<DossierCode, List<DossierEvent>> e : script.byDossier().entrySet()) {
      List<JsonNode> expected = new java.util.ArrayList<>();
      for (int n = 1; n <= e.getValue().size(); n++) {
        Dossier d =
            io.github.motcua.core.dossier.DossierLifecycle.create()
                .replay(e.getValue().subList(0, n));
        expected.add(json(records.record(d, WorkerProcess.AGENCY_NAME)));
      }
      int at = 0;
      List<JsonNode> history = fake.dossier(e.getKey().value()).orElseThrow().history();
      for (int h = 0; h < history.size(); h++) {
        int found = -1;
        for (int j = at; j < expected.size(); j++) {
          if (expected.get(j).equals(json(history.get(h)))) {
            found = j;
            break;
          }
        }
        if (found < 0) {
          int anywhere = expected.indexOf(json(history.get(h)));
          assertThat(found)
              .as(
                  "record %d of %s is the fold after event %d, received after the fold after"
                      + " event %d (-1: no fold of its events); events %s",
                  h,
                  e.getKey(),
                  anywhere + 1,
                  at + 1,
                  e.getValue().stream().map(DossierEvent::type).toList())
              .isNotNegative();
        }
        at = found;
      }
    }
  }

  void provincial(EventScript script, ProvincialPortalFake fake) {
    assertThat(fake.dossiers()).hasSize(script.byDossier().size());
    for (Map.Entry<DossierCode, List<DossierEvent>> e : script.byDossier().entrySet()) {
      Dossier expected = script.fold(e.getKey());
      ProvincialPortalFake.StoredDossier stored = fake.dossier(e.getKey().value()).orElseThrow();
      assertThat(stored.current())
          .isEqualTo(json(records.record(expected, expected.code().agency().value())));
      List<String> stepEvents =
          e.getValue().stream()
              .filter(x -> x instanceof DossierEvent.StepCompleted)
              .map(x -> x.eventId().toString())
              .toList();
      assertThat(stored.steps().keySet()).containsExactlyElementsOf(stepEvents);
      assertThat(List.copyOf(stored.steps().values())).isEqualTo(steps(e.getValue()));
      assertThat(stored.rating()).isNotNull();
    }
  }
}
