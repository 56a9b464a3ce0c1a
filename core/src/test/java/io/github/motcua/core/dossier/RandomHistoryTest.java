package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.json.MotcuaJson;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties over thousands of seeded random legal histories: replay equals step-by-step apply,
 * JSON is lossless for every event and every snapshot, and repeated delivery changes nothing.
 */
class RandomHistoryTest {

  private static final int HISTORIES = 2_000;

  private final DossierLifecycle lifecycle = DossierLifecycle.create();

  static LongStream seeds() {
    // One parameterized case per 100 seeds keeps the report short; every seed is still a history.
    return LongStream.range(0, HISTORIES / 100);
  }

  private static List<List<DossierEvent>> histories(long block) {
    List<List<DossierEvent>> out = new ArrayList<>();
    for (long seed = block * 100; seed < block * 100 + 100; seed++) {
      out.add(new Histories(seed).legalHistory(2 + (int) (seed % 15)));
    }
    return out;
  }

  @ParameterizedTest(name = "seeds {0}00-{0}99")
  @MethodSource("seeds")
  void replayEqualsApplyingOneByOne(long block) {
    for (List<DossierEvent> events : histories(block)) {
      Dossier stepwise = lifecycle.start(events.get(0));
      for (DossierEvent event : events.subList(1, events.size())) {
        stepwise = lifecycle.apply(stepwise, event);
      }
      assertThat(lifecycle.replay(events)).isEqualTo(stepwise);
      assertThat(stepwise.version()).isEqualTo(events.size());
    }
  }

  @ParameterizedTest(name = "seeds {0}00-{0}99")
  @MethodSource("seeds")
  void jsonRoundTripOfEveryEventAndSnapshotIsLossless(long block) {
    for (List<DossierEvent> events : histories(block)) {
      Dossier dossier = null;
      for (DossierEvent event : events) {
        String json = MotcuaJson.write(event);
        DossierEvent read = MotcuaJson.readEvent(json);
        assertThat(read).isEqualTo(event);
        assertThat(read.digest()).isEqualTo(event.digest());
        assertThat(MotcuaJson.write(read)).isEqualTo(json);

        dossier = dossier == null ? lifecycle.start(event) : lifecycle.apply(dossier, event);
        String snapshot = MotcuaJson.write(dossier);
        Dossier back = MotcuaJson.readDossier(snapshot);
        assertThat(back).isEqualTo(dossier);
        assertThat(MotcuaJson.write(back)).isEqualTo(snapshot);
      }
    }
  }

  @ParameterizedTest(name = "seeds {0}00-{0}99")
  @MethodSource("seeds")
  void repeatedDeliveryGivesTheSameSnapshot(long block) {
    long seed = block * 100;
    for (List<DossierEvent> events : histories(block)) {
      Dossier once = lifecycle.replay(events);

      List<DossierEvent> twice = new ArrayList<>(events);
      twice.addAll(events);
      assertThat(lifecycle.replay(twice)).isEqualTo(once);

      // Each event delivered again at a random later point, as a retrying outbox would.
      java.util.Random random = new java.util.Random(seed++);
      List<DossierEvent> withDuplicates = new ArrayList<>(events);
      for (DossierEvent event : events) {
        int from = withDuplicates.indexOf(event) + 1;
        int at = from + random.nextInt(withDuplicates.size() - from + 1);
        withDuplicates.add(at, event);
      }
      assertThat(lifecycle.replay(withDuplicates)).isEqualTo(once);

      // Applying the history again to its own result is a no-op, snapshot by snapshot.
      Dossier again = once;
      for (DossierEvent event : events) {
        again = lifecycle.apply(again, event);
      }
      assertThat(again).isSameAs(once);
    }
  }
}
