package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent.Accepted;
import io.github.motcua.core.dossier.DossierEvent.PaymentReceived;
import io.github.motcua.core.dossier.DossierEvent.PaymentRequested;
import io.github.motcua.core.dossier.DossierEvent.Rated;
import io.github.motcua.core.dossier.DossierEvent.Received;
import io.github.motcua.core.dossier.DossierEvent.ResultReady;
import io.github.motcua.core.dossier.DossierEvent.ResultReturned;
import io.github.motcua.core.dossier.DossierEvent.StepCompleted;
import io.github.motcua.core.dossier.DossierEvent.Submitted;
import io.github.motcua.core.dossier.DossierEvent.SupplementReceived;
import io.github.motcua.core.dossier.DossierEvent.SupplementRequested;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DossierLifecycleTest {

  private final DossierLifecycle lifecycle = DossierLifecycle.create();
  private final Histories histories = new Histories(42);

  @Test
  void rejectsAnEventForAnotherDossier() {
    Dossier dossier = lifecycle.start(histories.event(Submitted.class));
    DossierEvent other =
        new Accepted(
            UUID.randomUUID(),
            DossierCode.parse("G09.20-20260609-0092637"),
            dossier.lastEventAt().plusSeconds(60));

    assertThatThrownBy(() -> lifecycle.apply(dossier, other))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("dossier.event.wrong-dossier");
              assertThat(e.getMessage()).contains(other.eventId().toString());
            });
  }

  @Test
  void rejectsAnEventOlderThanTheLastAppliedOne() {
    Dossier dossier = lifecycle.start(histories.event(Submitted.class));
    DossierEvent late =
        new Accepted(UUID.randomUUID(), dossier.code(), dossier.lastEventAt().minusMillis(1));

    assertThatThrownBy(() -> lifecycle.apply(dossier, late))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("dossier.event.out-of-order"));
  }

  @Test
  void acceptsAnEventAtTheSameInstantAsTheLastOne() {
    Dossier dossier = lifecycle.start(histories.event(Submitted.class));
    DossierEvent same = new Accepted(UUID.randomUUID(), dossier.code(), dossier.lastEventAt());

    assertThat(lifecycle.apply(dossier, same).status()).isEqualTo(DossierStatus.ACCEPTED);
  }

  @Test
  void rejectsAnEventIdReusedWithOtherContent() {
    Dossier dossier = lifecycle.start(histories.event(Received.class));
    UUID id = dossier.history().get(0).eventId();
    DossierEvent reused = new ResultReturned(id, dossier.code(), dossier.lastEventAt());

    assertThatThrownBy(() -> lifecycle.apply(dossier, reused))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("dossier.event.id-reused"));
  }

  @Test
  void applyingTheSameEventAgainIsANoOp() {
    DossierEvent first = histories.event(Received.class);
    DossierEvent step = histories.event(StepCompleted.class);
    Dossier dossier = lifecycle.apply(lifecycle.start(first), step);

    assertThat(lifecycle.apply(dossier, step)).isSameAs(dossier);
    assertThat(lifecycle.apply(dossier, first)).isSameAs(dossier);
  }

  @Test
  void replayRejectsAnEmptyHistory() {
    assertThatThrownBy(() -> lifecycle.replay(List.of()))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("dossier.event.none"));
  }

  @Test
  void aReturnedDossierIsRatedOnlyOnce() {
    Dossier returned = lifecycle.replay(histories.pathTo(DossierStatus.RETURNED));
    Dossier rated = lifecycle.apply(returned, histories.event(Rated.class));
    assertThat(rated.status()).isEqualTo(DossierStatus.RETURNED);
    assertThat(rated.rating()).isPresent();
    assertThat(rated.ratedAt()).contains(rated.lastEventAt());

    DossierEvent second = histories.event(Rated.class);
    assertThatThrownBy(() -> lifecycle.apply(rated, second))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains(DossierStatus.RETURNED.toString()));
  }

  @Test
  void setsTheDueDateFromTheRuleAfterEveryEvent() {
    // Due three days after acceptance, unknown before; the rule sees the snapshot after the event.
    DueDateRule rule = d -> d.acceptedAt().map(at -> at.plus(Duration.ofDays(3)));
    DossierLifecycle withDeadlines = DossierLifecycle.create(rule);

    Dossier submitted = withDeadlines.start(histories.event(Submitted.class));
    assertThat(submitted.dueAt()).isEmpty();
    Dossier accepted = withDeadlines.apply(submitted, histories.event(Accepted.class));
    assertThat(accepted.dueAt())
        .contains(accepted.acceptedAt().orElseThrow().plus(Duration.ofDays(3)));
    assertThat(withDeadlines.dueDateRule()).isSameAs(rule);
  }

  @Test
  void withoutARuleNoDueDateIsSet() {
    Dossier dossier = lifecycle.replay(histories.pathTo(DossierStatus.IN_PROGRESS));

    assertThat(dossier.dueAt()).isEmpty();
  }

  @Test
  void aFailingEventLeavesTheSnapshotAsItWas() {
    Dossier dossier = lifecycle.replay(histories.pathTo(DossierStatus.IN_PROGRESS));
    Dossier copy = dossier.toBuilder().build();
    DossierLifecycle failing =
        DossierLifecycle.create(
            d -> {
              throw new IllegalStateException("calendar unavailable");
            });

    assertThatThrownBy(() -> failing.apply(dossier, histories.event(StepCompleted.class)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> lifecycle.apply(dossier, histories.event(ResultReturned.class)))
        .isInstanceOf(InvalidInputException.class);
    assertThat(dossier).isEqualTo(copy);
  }

  @Test
  void aCounterSubmissionIsAcceptedAtOnce() {
    Received received = (Received) histories.event(Received.class);
    Dossier dossier = lifecycle.start(received);

    assertThat(dossier.status()).isEqualTo(DossierStatus.ACCEPTED);
    assertThat(dossier.submittedAt()).isEqualTo(received.occurredAt());
    assertThat(dossier.acceptedAt()).contains(received.occurredAt());
    assertThat(dossier.documents()).isEqualTo(received.documents());
    assertThat(dossier.fees()).isEqualTo(received.fees());
    assertThat(dossier.identityVerified()).isEqualTo(received.identityVerified());
  }

  @Test
  void aSupplementIsRequestedThenReceived() {
    Dossier accepted = lifecycle.start(histories.event(Received.class));
    SupplementRequested request = (SupplementRequested) histories.event(SupplementRequested.class);
    Dossier waiting = lifecycle.apply(accepted, request);
    assertThat(waiting.openSupplement()).isPresent();

    SupplementReceived answer = (SupplementReceived) histories.event(SupplementReceived.class);
    Dossier resumed = lifecycle.apply(waiting, answer);

    assertThat(resumed.status()).isEqualTo(DossierStatus.IN_PROGRESS);
    assertThat(resumed.openSupplement()).isEmpty();
    SupplementRequest done = resumed.supplements().get(0);
    assertThat(done.missingItems()).isEqualTo(request.missingItems());
    assertThat(done.receivedAt()).contains(answer.occurredAt());
    assertThat(done.documents()).isEqualTo(answer.documents());
    assertThat(resumed.documents()).endsWith(answer.documents().toArray(DossierDocument[]::new));
  }

  @Test
  void paymentsRecordHowTheyWereMade() {
    Dossier accepted = lifecycle.start(histories.event(Received.class));
    PaymentRequested request = (PaymentRequested) histories.event(PaymentRequested.class);
    Dossier due = lifecycle.apply(accepted, request);
    Instant at = due.lastEventAt().plusSeconds(60);
    Dossier paid =
        lifecycle.apply(
            due,
            new PaymentReceived(
                UUID.randomUUID(),
                due.code(),
                at,
                "MTC-1",
                Vnd.of(50_000),
                true,
                Optional.of("0000001")));

    assertThat(paid.fees()).endsWith(request.fees().toArray(Fee[]::new));
    assertThat(paid.payments())
        .containsExactly(new Payment("MTC-1", Vnd.of(50_000), true, Optional.of("0000001"), at));
    assertThat(paid.paidOnline()).isTrue();
    assertThat(due.paidOnline()).isFalse();
  }

  @Test
  void theResultIsReadyThenReturned() {
    Dossier accepted = lifecycle.start(histories.event(Received.class));
    ResultReady ready = (ResultReady) histories.event(ResultReady.class);
    Dossier done = lifecycle.apply(accepted, ready);
    Dossier returned = lifecycle.apply(done, histories.event(ResultReturned.class));

    assertThat(done.completedAt()).contains(ready.occurredAt());
    assertThat(done.results()).isEqualTo(ready.results());
    assertThat(returned.returnedAt()).contains(returned.lastEventAt());
    assertThat(returned.status().isTerminal()).isTrue();
  }
}
