package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent.Received;
import io.github.motcua.core.dossier.DossierEvent.Submitted;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Building a value that breaks several rules reports every violation at once. */
class ValidationTest {

  private final Histories histories = new Histories(7);

  @Test
  void anEventReportsEveryMissingPartAtOnce() {
    assertThatThrownBy(() -> new Submitted(null, null, null, null, null, null, null, null, false))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("dossier.invalid");
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::code)
                  .containsExactly(
                      tuple("eventId", "required"),
                      tuple("dossierCode", "required"),
                      tuple("occurredAt", "required"),
                      tuple("procedure", "required"),
                      tuple("applicant", "required"),
                      tuple("channel", "required"),
                      tuple("documents", "required"),
                      tuple("fees", "required"));
            });
  }

  @Test
  void aDocumentReportsEveryBrokenRule() {
    assertThatThrownBy(
            () ->
                new DossierDocument(
                    " ",
                    Optional.of("x".repeat(501)),
                    "Tờ khai",
                    "pdf",
                    -1,
                    "abc",
                    false,
                    false,
                    null,
                    Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::code)
                    .containsExactly(
                        tuple("documentId", "blank"),
                        tuple("componentCode", "too-long"),
                        tuple("mediaType", "format"),
                        tuple("sizeBytes", "range"),
                        tuple("sha256", "format"),
                        tuple("copyKind", "required")));
  }

  @Test
  void aCitizenNeedsAPersonalIdAndAnEnterpriseATaxCode() {
    assertThatThrownBy(() -> Applicant.citizen("Nguyễn Văn An", null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .containsExactly("personalId"));
    assertThatThrownBy(() -> Applicant.enterprise("Công ty A", null))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("taxCode"));
  }

  @Test
  void onlineAndCounterSubmissionsUseTheirOwnEvent() {
    Submitted valid = (Submitted) histories.event(Submitted.class);
    assertThatThrownBy(
            () ->
                new Submitted(
                    valid.eventId(),
                    valid.dossierCode(),
                    valid.occurredAt(),
                    valid.procedure(),
                    valid.applicant(),
                    SubmissionChannel.COUNTER,
                    valid.documents(),
                    valid.fees(),
                    false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("channel");
    assertThatThrownBy(
            () ->
                new Received(
                    valid.eventId(),
                    valid.dossierCode(),
                    valid.occurredAt(),
                    valid.procedure(),
                    valid.applicant(),
                    SubmissionChannel.ONLINE_FULL,
                    valid.documents(),
                    valid.fees(),
                    false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("channel");
  }

  @Test
  void aSnapshotReportsEveryInconsistencyAtOnce() {
    Dossier valid = DossierLifecycle.create().replay(histories.pathTo(DossierStatus.SUBMITTED));
    Instant before = valid.submittedAt().minusSeconds(3600);

    assertThatThrownBy(
            () ->
                valid.toBuilder()
                    .status(DossierStatus.RETURNED)
                    .acceptedAt(before)
                    .rating(new Rating(Rating.Satisfaction.SATISFIED, Optional.empty()), null)
                    .version(5)
                    .build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::code)
                    .containsExactlyInAnyOrder(
                        tuple("version", "inconsistent"),
                        tuple("completedAt", "inconsistent"),
                        tuple("returnedAt", "inconsistent"),
                        tuple("ratedAt", "inconsistent"),
                        tuple("acceptedAt", "order")));
  }

  @Test
  void aFeeIsNeverNegativeAndAPaymentIsPositive() {
    assertThatThrownBy(
            () ->
                new Fee(
                    Fee.Kind.FEE, "LP1", "Lệ phí", Vnd.of(-1), Fee.CollectionStage.AT_RECEPTION))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new Payment("P1", Vnd.ZERO, true, Optional.empty(), Instant.EPOCH))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<String> missing = new ArrayList<>(List.of("Bản sao giấy khai sinh"));
    DossierEvent.SupplementRequested request =
        new DossierEvent.SupplementRequested(
            UUID.randomUUID(), histories.code(), Instant.EPOCH, "Thiếu giấy tờ", missing);
    missing.add("later");

    assertThat(request.missingItems()).containsExactly("Bản sao giấy khai sinh");
    assertThatThrownBy(() -> request.missingItems().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullElementsAreReportedWithTheirIndex() {
    List<Fee> fees = new ArrayList<>();
    fees.add(null);
    assertThatThrownBy(
            () ->
                new DossierEvent.PaymentRequested(
                    UUID.randomUUID(), histories.code(), Instant.EPOCH, fees))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).containsExactly("fees[0]"));
  }

  @Test
  void messagesNeverRepeatTheRejectedValue() {
    String secret = "Nguyễn Văn Bí Mật " + "x".repeat(600);
    assertThatThrownBy(
            () ->
                new Applicant(
                    Applicant.Kind.CITIZEN,
                    secret,
                    Optional.of(PersonalId.parse("038203001234")),
                    Optional.empty(),
                    Contact.none()))
        .isInstanceOf(InvalidInputException.class)
        .message()
        .doesNotContain("Bí Mật")
        .doesNotContain("038203001234");
  }
}
