package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status × every event type: the legal ones move as listed, the others are refused. */
class DossierLifecycleTransitionTest {

  private final DossierLifecycle lifecycle = DossierLifecycle.create();

  static Stream<Arguments> statusTimesEvent() {
    List<Arguments> cases = new ArrayList<>();
    for (DossierStatus status : DossierStatus.values()) {
      for (Class<? extends DossierEvent> type : DossierEvent.types()) {
        cases.add(Arguments.of(status, type, Histories.LEGAL.get(status).get(type)));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @MethodSource("statusTimesEvent")
  void appliesExactlyTheLegalTransitions(
      DossierStatus from, Class<? extends DossierEvent> type, DossierStatus expected) {
    Histories histories = new Histories(from.ordinal() * 100L + type.getSimpleName().hashCode());
    Dossier dossier = lifecycle.replay(histories.pathTo(from));
    assertThat(dossier.status()).isEqualTo(from);
    DossierEvent event = histories.event(type);

    if (expected != null) {
      Dossier next = lifecycle.apply(dossier, event);
      assertThat(next.status()).isEqualTo(expected);
      assertThat(next.version()).isEqualTo(dossier.version() + 1);
      assertThat(next.history().get(next.history().size() - 1).eventId())
          .isEqualTo(event.eventId());
    } else {
      assertThatThrownBy(() -> lifecycle.apply(dossier, event))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.code()).isEqualTo("dossier.transition");
                assertThat(e.getMessage()).contains(from.name(), type.getSimpleName());
              });
    }
  }

  static Stream<Class<? extends DossierEvent>> eventTypes() {
    return DossierEvent.types().stream();
  }

  @ParameterizedTest(name = "first event {0}")
  @MethodSource("eventTypes")
  void startsOnlyWithSubmittedOrReceived(Class<? extends DossierEvent> type) {
    DossierEvent first = new Histories(type.getSimpleName().hashCode()).event(type);
    if (type == DossierEvent.Submitted.class) {
      assertThat(lifecycle.start(first).status()).isEqualTo(DossierStatus.SUBMITTED);
    } else if (type == DossierEvent.Received.class) {
      assertThat(lifecycle.start(first).status()).isEqualTo(DossierStatus.ACCEPTED);
    } else {
      assertThatThrownBy(() -> lifecycle.start(first))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.code()).isEqualTo("dossier.transition");
                assertThat(e.getMessage()).contains("starts with");
              });
    }
  }
}
