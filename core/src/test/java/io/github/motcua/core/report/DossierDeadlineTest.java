package io.github.motcua.core.report;

import static io.github.motcua.core.report.History.vn;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.calendar.DeadlinePolicy;
import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.calendar.SupplementRule;
import io.github.motcua.core.calendar.Timeliness;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.ProcedureCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The deadline policy wired into the dossier lifecycle: due dates and timeliness. */
class DossierDeadlineTest {

  static final ProcedureRef BIRTH =
      new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
          .withProcessingTime(ProcessingTime.ofWorkingDays(3));
  static final DossierCode CODE =
      DossierCode.of(AgencyCode.parse("000.00.31.H56"), LocalDate.of(2025, 10, 6), 1);

  private final DossierLifecycle lifecycle = DossierLifecycle.create(DeadlinePolicy.vietnam());

  private History counterDossier() {
    return History.of(CODE, 1, BIRTH, SubmissionChannel.COUNTER, vn(2025, 10, 6, 7, 30));
  }

  @Test
  void counterDossierIsDueThreeWorkingDaysAfterReceipt() {
    Dossier d = counterDossier().received().replay(lifecycle);
    assertThat(d.dueAt()).contains(vn(2025, 10, 8, 17, 0));
    assertThat(d.timeliness()).isNull();
  }

  @Test
  void onlineDossierHasNoDueDateUntilAccepted() {
    History h = History.of(CODE, 2, BIRTH, SubmissionChannel.ONLINE_FULL, vn(2025, 10, 4, 21, 0));
    assertThat(h.received().replay(lifecycle).dueAt()).isEmpty();
    Dossier accepted = h.accept(vn(2025, 10, 6, 9, 0)).replay(lifecycle);
    assertThat(accepted.dueAt()).contains(vn(2025, 10, 9, 9, 0));
  }

  @Test
  void procedureWithoutLimitHasNoDueDate() {
    ProcedureRef noLimit =
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch");
    Dossier d =
        History.of(CODE, 3, noLimit, SubmissionChannel.COUNTER, vn(2025, 10, 6, 7, 30))
            .received()
            .replay(lifecycle);
    assertThat(d.dueAt()).isEmpty();
  }

  @Test
  void finishedBeforeTheDueDayIsEarly() {
    Dossier d = counterDossier().result(vn(2025, 10, 7, 16, 0)).replay(lifecycle);
    assertThat(d.timeliness()).isEqualTo(Timeliness.EARLY);
  }

  @Test
  void finishedOnTheDueDayBeforeTheDueInstantIsOnTime() {
    Dossier d = counterDossier().result(vn(2025, 10, 8, 16, 59)).replay(lifecycle);
    assertThat(d.timeliness()).isEqualTo(Timeliness.ON_TIME);
  }

  @Test
  void finishedAfterTheDueInstantIsLate() {
    Dossier d = counterDossier().result(vn(2025, 10, 8, 17, 1)).replay(lifecycle);
    assertThat(d.timeliness()).isEqualTo(Timeliness.LATE);
  }

  @Test
  void supplementRestartsTheLimitByDefaultAndClearsTheDueDateWhileAwaited() {
    History h = counterDossier();
    Dossier waiting = h.supplement(vn(2025, 10, 7, 10, 0), null).replay(lifecycle);
    assertThat(waiting.dueAt()).isEmpty();
    Dossier resumed =
        counterDossier()
            .supplement(vn(2025, 10, 7, 10, 0), vn(2025, 10, 9, 14, 0))
            .replay(lifecycle);
    assertThat(resumed.dueAt()).contains(vn(2025, 10, 14, 14, 0));
  }

  @Test
  void pauseRuleResumesTheClock() {
    DossierLifecycle pausing =
        DossierLifecycle.create(
            DeadlinePolicy.builder().supplementRule(SupplementRule.PAUSE).build());
    Dossier resumed =
        counterDossier().supplement(vn(2025, 10, 7, 10, 0), vn(2025, 10, 9, 14, 0)).replay(pausing);
    assertThat(resumed.dueAt()).contains(vn(2025, 10, 13, 10, 0));
  }

  @Test
  void dueDateStaysAfterTheResultIsReturnedAndRated() {
    Dossier d =
        counterDossier()
            .result(vn(2025, 10, 7, 9, 0))
            .returned(vn(2025, 10, 7, 10, 0))
            .rate(
                io.github.motcua.core.dossier.Rating.Satisfaction.SATISFIED, vn(2025, 10, 7, 11, 0))
            .replay(lifecycle);
    assertThat(d.dueAt()).contains(vn(2025, 10, 8, 17, 0));
    assertThat(d.timeliness()).isEqualTo(Timeliness.EARLY);
  }
}
