package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.DossierEvent.StepCompleted;
import io.github.motcua.core.dossier.DossierEvent.Submitted;
import io.github.motcua.core.id.PersonalId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** toString() of anything holding a personal ID or a name shows only the masked form. */
class MaskingTest {

  private static final PersonalId ID = PersonalId.parse("038203001234");
  private static final String NAME = "Nguyễn Văn An";

  private final Histories histories = new Histories(3);

  private Applicant applicant() {
    return new Applicant(
        Applicant.Kind.CITIZEN,
        NAME,
        Optional.of(ID),
        Optional.empty(),
        new Contact(Optional.of("0912345678"), Optional.of("an@example.vn"), Optional.of("Số 1")));
  }

  private Submitted submitted() {
    Submitted s = (Submitted) histories.event(Submitted.class);
    return new Submitted(
        s.eventId(),
        s.dossierCode(),
        s.occurredAt(),
        s.procedure(),
        applicant(),
        s.channel(),
        s.documents(),
        s.fees(),
        true);
  }

  @Test
  void anApplicantShowsOnlyTheMaskedIdAndName() {
    String text = applicant().toString();

    assertThat(text)
        .contains("038******234", "N* V* A*")
        .doesNotContain("038203001234", NAME, "0912345678", "an@example.vn");
  }

  @Test
  void anEventShowsOnlyTheMaskedId() {
    assertThat(submitted().toString())
        .contains("038******234")
        .doesNotContain("038203001234", NAME, "0912345678");
  }

  @Test
  void aSnapshotShowsOnlyTheMaskedId() {
    Dossier dossier = DossierLifecycle.create().start(submitted());

    assertThat(dossier.toString())
        .contains("038******234")
        .doesNotContain("038203001234", NAME, "0912345678");
  }

  @Test
  void aProcessingStepMasksTheOfficer() {
    StepCompleted step = (StepCompleted) histories.event(StepCompleted.class);

    assertThat(step.step().toString()).doesNotContain(step.step().officer());
  }
}
