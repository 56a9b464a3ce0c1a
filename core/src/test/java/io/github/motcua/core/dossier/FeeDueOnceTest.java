package io.github.motcua.core.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent.Accepted;
import io.github.motcua.core.dossier.DossierEvent.PaymentReceived;
import io.github.motcua.core.dossier.DossierEvent.PaymentRequested;
import io.github.motcua.core.dossier.DossierEvent.Submitted;
import io.github.motcua.core.json.MotcuaJson;
import io.github.motcua.core.money.Vnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A fee is due once: a later event changes or settles it, never adds it again. */
class FeeDueOnceTest {

  private static final Fee CHARGE =
      Fee.charge("LP01", "Lệ phí cấp giấy chứng nhận", Vnd.of(50_000));
  private static final Fee FEE = Fee.fee("P02", "Phí thẩm định", Vnd.of(100_000));

  private final Histories histories = new Histories(29);
  private final DossierLifecycle lifecycle = DossierLifecycle.create();
  private Instant clock = Instant.parse("2026-03-02T02:00:00Z");
  private long ids;

  private UUID id() {
    return new UUID(29, ++ids);
  }

  private Instant next() {
    clock = clock.plus(Duration.ofHours(1));
    return clock;
  }

  private Submitted submitted(List<Fee> fees) {
    Submitted s = (Submitted) histories.event(Submitted.class);
    return new Submitted(
        id(),
        histories.code(),
        next(),
        s.procedure(),
        s.applicant(),
        s.channel(),
        s.documents(),
        fees,
        false);
  }

  private PaymentRequested paymentRequested(Fee... fees) {
    return new PaymentRequested(id(), histories.code(), next(), List.of(fees));
  }

  private PaymentReceived paid(long dong) {
    return new PaymentReceived(
        id(), histories.code(), next(), "PAY-29", Vnd.of(dong), true, Optional.empty());
  }

  private Dossier duplicatedHistory() {
    return lifecycle.replay(
        List.of(
            submitted(List.of(CHARGE)),
            new Accepted(id(), histories.code(), next()),
            paymentRequested(CHARGE)));
  }

  @Test
  void theSameFeeAtSubmittedAndAtPaymentRequestedIsDueOnce() {
    Dossier dossier = duplicatedHistory();

    assertThat(dossier.fees()).containsExactly(CHARGE);
    assertThat(dossier.status()).isEqualTo(DossierStatus.PAYMENT_REQUESTED);
  }

  @Test
  void theJsonRoundTripKeepsOneFee() {
    Dossier dossier = duplicatedHistory();

    Dossier read = MotcuaJson.readDossier(MotcuaJson.write(dossier));

    assertThat(read.fees()).containsExactly(CHARGE);
    assertThat(read).isEqualTo(dossier);
  }

  @Test
  void aSnapshotWrittenWithTheFeeTwiceIsReadWithItOnce() throws Exception {
    Dossier dossier = duplicatedHistory();
    Fee changed = Fee.charge("LP01", CHARGE.name(), Vnd.of(60_000));
    JsonNode tree = MotcuaJson.mapper().readTree(MotcuaJson.write(dossier));
    ArrayNode fees = (ArrayNode) tree.get("fees");
    fees.add(fees.get(0).deepCopy());
    ((ObjectNode) fees.get(1)).put("amount", 60_000);
    fees.add(MotcuaJson.mapper().readTree(MotcuaJson.write(FEE)));

    Dossier read = MotcuaJson.readDossier(MotcuaJson.mapper().writeValueAsString(tree));

    assertThat(read.fees()).containsExactly(changed, FEE);
  }

  @Test
  void aChangedAmountBeforePaymentReplacesTheFeeInPlace() {
    Fee dearer = Fee.charge("LP01", CHARGE.name(), Vnd.of(75_000));

    Dossier dossier =
        lifecycle.replay(
            List.of(
                submitted(List.of(CHARGE, FEE)),
                new Accepted(id(), histories.code(), next()),
                paymentRequested(dearer)));

    assertThat(dossier.fees()).containsExactly(dearer, FEE);
  }

  @Test
  void aNewFeeAfterPaymentIsAddedAndAPaidFeeRepeatedUnchangedIsANoOp() {
    Fee atResult =
        new Fee(
            Fee.Kind.FEE, "P03", "Phí trả kết quả", Vnd.of(20_000), Fee.CollectionStage.AT_RESULT);
    Dossier dossier =
        lifecycle.replay(
            List.of(
                submitted(List.of()),
                new Accepted(id(), histories.code(), next()),
                paymentRequested(CHARGE),
                paid(50_000),
                paymentRequested(CHARGE, atResult)));

    assertThat(dossier.fees()).containsExactly(CHARGE, atResult);
  }

  @Test
  void changingAPaidFeeIsRefusedNamingTheFee() {
    Dossier paidDossier =
        lifecycle.replay(
            List.of(
                submitted(List.of()),
                new Accepted(id(), histories.code(), next()),
                paymentRequested(CHARGE),
                paid(50_000)));
    PaymentRequested change = paymentRequested(Fee.charge("LP01", CHARGE.name(), Vnd.of(70_000)));

    assertThatThrownBy(() -> lifecycle.apply(paidDossier, change))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("dossier.fee.settled");
              assertThat(e.getMessage()).contains("LP01");
            });
  }

  @Test
  void aPartlyPaidListSettlesOnlyTheFeesThePaymentsCover() {
    Fee fee2 = Fee.fee("P02", FEE.name(), Vnd.of(120_000));
    Dossier dossier =
        lifecycle.replay(
            List.of(
                submitted(List.of()),
                new Accepted(id(), histories.code(), next()),
                paymentRequested(CHARGE, FEE),
                paid(50_000),
                paymentRequested(fee2)));

    assertThat(dossier.fees()).containsExactly(CHARGE, fee2);
  }

  @Test
  void theSameCodeTwiceInOneEventIsRefusedWithAStableCode() {
    Fee other = Fee.fee("LP01", "Phí khác", Vnd.of(1_000));
    for (List<Fee> fees : List.of(List.of(CHARGE, other), List.of(CHARGE, FEE, CHARGE))) {
      assertThatThrownBy(() -> paymentRequested(fees.toArray(Fee[]::new)))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> {
                assertThat(e.code()).isEqualTo("dossier.invalid");
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "fees[" + (fees.size() - 1) + "].code", "duplicate"));
              });
      assertThatThrownBy(() -> submitted(fees)).isInstanceOf(InvalidInputException.class);
    }
  }

  @Test
  void aSnapshotBuiltWithTheSameCodeTwiceIsRefused() {
    Dossier dossier = duplicatedHistory();
    List<Fee> twice = new ArrayList<>(List.of(CHARGE, CHARGE));

    assertThatThrownBy(() -> dossier.toBuilder().fees(twice).build())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::code).contains("duplicate"));
  }

  @Test
  void anEventJsonWithTheSameCodeTwiceIsRefused() {
    String json = MotcuaJson.write(paymentRequested(CHARGE));
    String twice = json.replace("\"fees\":[", "\"fees\":[" + MotcuaJson.write(CHARGE) + ",");

    assertThatThrownBy(() -> MotcuaJson.readEvent(twice))
        .isInstanceOfSatisfying(
            io.github.motcua.core.MotcuaException.class,
            e -> assertThat(e.getMessage()).contains("duplicate"));
  }
}
