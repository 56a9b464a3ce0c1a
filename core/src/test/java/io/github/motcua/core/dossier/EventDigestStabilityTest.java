package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.calendar.ProcessingTime;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Digests are stored in every snapshot's history and compared when an event is delivered again, so
 * their text form must never change: these values were computed by the first implementation.
 */
class EventDigestStabilityTest {

  private static final DossierCode CODE = DossierCode.parse("000.00.31.H56-250815-0001");
  private static final Instant T0 = Instant.parse("2025-08-15T01:30:00.123Z");

  static List<DossierEvent> samples() {
    ProcedureRef procedure =
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch")
            .withProcessingTime(ProcessingTime.ofWorkingDays(3));
    Applicant applicant =
        Applicant.citizen("Nguyễn Thị Hương 😀", PersonalId.parse("038185001234"))
            .withContact(
                new Contact(Optional.of("0912345678"), Optional.empty(), Optional.of("Thôn Đông")));
    DossierDocument document =
        new DossierDocument(
            "D1",
            Optional.of("TP01"),
            "Tờ khai",
            "application/pdf",
            20_480,
            "ab".repeat(32),
            true,
            false,
            DossierDocument.CopyKind.ELECTRONIC,
            Optional.empty());
    return List.of(
        new DossierEvent.Submitted(
            new UUID(1, 1),
            CODE,
            T0,
            procedure,
            applicant,
            SubmissionChannel.ONLINE_FULL,
            List.of(document),
            List.of(
                new Fee(
                    Fee.Kind.CHARGE,
                    "LP01",
                    "Lệ phí",
                    Vnd.of(8_000),
                    Fee.CollectionStage.AT_RECEPTION)),
            true),
        new DossierEvent.PaymentReceived(
            new UUID(1, 2),
            CODE,
            T0.plusSeconds(60),
            "DVC2508150001234",
            Vnd.of(1_284_000),
            true,
            Optional.of("0000123")),
        new DossierEvent.Rated(
            new UUID(1, 3),
            CODE,
            T0.plusSeconds(120),
            new Rating(Rating.Satisfaction.SATISFIED, Optional.of("Nhanh, chu đáo"))));
  }

  @Test
  void digestsKeepTheValuesOfTheFirstImplementation() {
    assertThat(samples().stream().map(DossierEvent::digest))
        .containsExactly(
            "79ec0a7003f97d64ea2a2e730acaade39815052f605820711d40be7a4a2129a4",
            "1da7566a60a29b8f9295983c3603003faaabf09d6fd3cf51e55bb0b39270b507",
            "15070e76f9143bc5ce7c0a50b8f4076b31727298633129bc0beffdf64014022c");
  }
}
