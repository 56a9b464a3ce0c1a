package io.github.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.internal.DossierRecords;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * 1,000 events under each fault preset at a 30% seeded rate: every event is delivered, and each
 * fake holds exactly the fold of the events (no lost update, no duplicated step).
 */
class FaultToleranceTest {

  private static final int EVENTS = 1000;
  private static final double RATE = 0.3;
  private final ObjectMapper mapper = new ObjectMapper();
  private final DossierRecords records =
      new DossierRecords(mapper, NationalPortalProfile.defaults());

  private record History(List<DossierEvent> events, List<Dossier> snapshots) {
    Dossier last() {
      return snapshots.get(snapshots.size() - 1);
    }

    /** Each completed step as sent: with the snapshot of its event (the status at that step). */
    List<JsonNode> steps(DossierRecords records, java.util.function.UnaryOperator<JsonNode> json) {
      List<JsonNode> out = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i) instanceof DossierEvent.StepCompleted s) {
          out.add(json.apply(records.step(snapshots.get(i), s.step())));
        }
      }
      return out;
    }
  }

  private static List<History> histories(long seed) {
    Histories h = new Histories(seed);
    List<History> out = new ArrayList<>();
    int total = 0;
    for (int i = 1; total < EVENTS; i++) {
      List<DossierEvent> events = h.randomHistory(Histories.code(i));
      if (total + events.size() > EVENTS) {
        events = events.subList(0, EVENTS - total);
      }
      total += events.size();
      out.add(new History(events, Histories.snapshots(events)));
    }
    return out;
  }

  private static RetryPolicy policy(ManualClock clock, PortalFault fault) {
    // A short read timeout makes the TIMEOUT preset cheap; other presets get a generous one so a
    // slow, busy machine adds no timeouts of its own.
    return RetryPolicy.builder()
        .maxAttempts(10)
        .readTimeout(fault == PortalFault.TIMEOUT ? Duration.ofMillis(20) : Duration.ofSeconds(5))
        .connectTimeout(Duration.ofSeconds(2))
        .sleeper(clock.sleeper())
        .build();
  }

  /** Normalises number node types as a parse of the wire text would. */
  private JsonNode json(JsonNode node) {
    try {
      return mapper.readTree(node.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Delivers like an outbox: the same event again until the portal has it. */
  private static int deliver(PortalClient client, List<History> histories) {
    int delivered = 0;
    for (History history : histories) {
      for (int i = 0; i < history.events().size(); i++) {
        for (int tries = 1; ; tries++) {
          try {
            client.publish(history.events().get(i), history.snapshots().get(i));
            delivered++;
            break;
          } catch (MotcuaException e) {
            if (!(e instanceof RetryLaterException) || tries >= 20) {
              throw e;
            }
          }
        }
      }
    }
    return delivered;
  }

  @ParameterizedTest
  @EnumSource(PortalFault.class)
  void nationalPortalHoldsTheFoldOfEveryEvent(PortalFault fault) {
    List<History> histories = histories(fault.ordinal() + 100L);
    ManualClock clock = ManualClock.at("2025-08-15T00:00:00Z");
    try (NationalPortalFake fake = NationalPortalFake.start()) {
      fake.timeoutDelay(Duration.ofMillis(150));
      fake.failRandomly(fault, RATE, 42);
      NationalPortalClient client =
          NationalPortalClient.builder()
              .adapterUrl(fake.baseUrl())
              .credentials(fake.username(), fake.password())
              .unitCode(fake.unitCode())
              .agencyName("UBND xã Tân Hòa")
              .clock(clock)
              .retryPolicy(policy(clock, fault))
              .build();

      assertThat(deliver(client, histories)).isEqualTo(EVENTS);
      assertThat(fake.injectedFaults(fault)).isGreaterThan(100);

      fake.clearFaults();
      assertThat(fake.dossiers()).hasSize(histories.size());
      for (History history : histories) {
        Dossier expected = history.last();
        NationalPortalFake.StoredDossier stored =
            fake.dossier(expected.code().value()).orElseThrow();
        assertThat(stored.current()).isEqualTo(json(records.record(expected, "UBND xã Tân Hòa")));
        List<JsonNode> expectedSteps = history.steps(records, this::json);
        assertThat(stored.steps()).isEqualTo(expectedSteps);
        if (expected.rating().isPresent()) {
          assertThat(stored.rating())
              .isEqualTo(
                  json(
                      records.rating(
                          expected, expected.rating().get(), expected.ratedAt().orElseThrow())));
        } else {
          assertThat(stored.rating()).isNull();
        }
      }
    }
  }

  @ParameterizedTest
  @EnumSource(PortalFault.class)
  void provincialPortalHoldsTheFoldOfEveryEvent(PortalFault fault) {
    List<History> histories = histories(fault.ordinal() + 200L);
    ManualClock clock = ManualClock.at("2025-08-15T00:00:00Z");
    try (ProvincialPortalFake fake = ProvincialPortalFake.start()) {
      fake.timeoutDelay(Duration.ofMillis(150));
      fake.failRandomly(fault, RATE, 43);
      ProvincialPortalClient client =
          ProvincialPortalClient.builder()
              .profile(
                  ProvincialPortalProfile.builder()
                      .baseUrl(fake.baseUrl())
                      .tokenUrl(fake.tokenUrl())
                      .clientCredentials(fake.clientId(), fake.clientSecret())
                      .build())
              .clock(clock)
              .retryPolicy(policy(clock, fault))
              .build();

      assertThat(deliver(client, histories)).isEqualTo(EVENTS);
      assertThat(fake.injectedFaults(fault)).isGreaterThan(100);

      fake.clearFaults();
      assertThat(fake.dossiers()).hasSize(histories.size());
      for (History history : histories) {
        Dossier expected = history.last();
        ProvincialPortalFake.StoredDossier stored =
            fake.dossier(expected.code().value()).orElseThrow();
        assertThat(stored.current())
            .isEqualTo(json(records.record(expected, expected.code().agency().value())));
        List<String> stepEvents =
            history.events().stream()
                .filter(e -> e instanceof DossierEvent.StepCompleted)
                .map(e -> e.eventId().toString())
                .toList();
        assertThat(stored.steps().keySet()).containsExactlyElementsOf(stepEvents);
        List<JsonNode> expectedSteps = history.steps(records, this::json);
        assertThat(List.copyOf(stored.steps().values())).isEqualTo(expectedSteps);
        assertThat(stored.rating() != null).isEqualTo(expected.rating().isPresent());
      }
    }
  }
}
