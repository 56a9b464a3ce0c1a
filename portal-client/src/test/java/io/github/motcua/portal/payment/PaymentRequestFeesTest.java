package io.github.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.internal.PaymentOrderCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A payment order takes the dossier's own fee lines and payer, with the order's own rules. */
class PaymentRequestFeesTest {

  private static final DossierCode DOSSIER = DossierCode.parse("000.00.31.H56-250815-0001");
  private static final String REFERENCE = "20250815093012000001";
  private static final Fee CHARGE = Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(50_000));
  private static final Payer PAYER =
      Payer.of(Applicant.citizen("Nguyễn Văn An", PersonalId.parse("038090001234")));

  private static PaymentRequest order(List<Fee> fees) {
    return PaymentRequest.of(REFERENCE, DOSSIER, fees, PAYER, "Nop le phi");
  }

  @Test
  void theSameFeeTwiceInOneOrderIsRefusedNamingTheFee() {
    Fee again = Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(60_000));

    assertThatThrownBy(() -> order(List.of(CHARGE, again)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("payment.fee-item");
              assertThat(e.getMessage()).contains("LP01");
            });
  }

  @Test
  void aFeeOfZeroDongIsNotOrdered() {
    Fee free = Fee.fee("P00", "Miễn phí", Vnd.ZERO);

    assertThatThrownBy(() -> order(List.of(CHARGE, free)))
        .hasFieldOrPropertyWithValue("code", "payment.fee-item");
  }

  @Test
  void theStoredOrderKeepsTheFeeLinesAndThePayerWhole() throws Exception {
    Fee atResult =
        new Fee(
            Fee.Kind.FEE, "P03", "Phí trả kết quả", Vnd.of(20_000), Fee.CollectionStage.AT_RESULT);
    PaymentRequest order = order(List.of(CHARGE, atResult));
    PaymentOrderCodec codec = new PaymentOrderCodec();

    PaymentRequest read = codec.read(codec.write(order));

    assertThat(read.items()).containsExactly(CHARGE, atResult);
    assertThat(read.payer()).isEqualTo(PAYER);
    assertThat(read.amount()).isEqualTo(Vnd.of(70_000));
  }

  @Test
  void anOrderStoredBeforeTheSharedFeeLineReadsAsAFeeAtReception() throws Exception {
    PaymentOrderCodec codec = new PaymentOrderCodec();
    String json =
        codec
            .write(order(List.of(CHARGE)))
            .replace(",\"kind\":\"CHARGE\"", "")
            .replace(",\"stage\":\"AT_RECEPTION\"", "");
    assertThat(json).doesNotContain("kind").doesNotContain("stage");

    assertThat(codec.read(json).items())
        .containsExactly(Fee.fee("LP01", "Lệ phí hộ tịch", Vnd.of(50_000)));
  }
}
