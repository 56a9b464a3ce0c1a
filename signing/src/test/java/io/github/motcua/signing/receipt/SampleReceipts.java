package io.github.motcua.signing.receipt;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;

/** Receipts and their parts for tests: a commune centre, a citizen, a paid dossier. */
final class SampleReceipts {

  static final TaxCode UNIT_TAX_CODE = TaxCode.parse("0100233488");
  static final ReceiptSeries SERIES = ReceiptSeries.of(UNIT_TAX_CODE, "01BLP0-001", "AB/25E");
  static final CollectingUnit UNIT =
      new CollectingUnit(
          "Trung tâm Phục vụ hành chính công xã Quảng Phú",
          UNIT_TAX_CODE,
          AgencyCode.parse("000.00.31.H56"),
          "Thôn Phú Lộc, xã Quảng Phú, tỉnh Thanh Hóa");
  static final String PAYER_NAME = "Nguyễn Thị Hương";
  static final PersonalId PAYER_ID = PersonalId.parse("038185001234");
  static final Payer PAYER = Payer.person(PAYER_NAME, PAYER_ID, "Thôn Đông, xã Quảng Phú");
  static final Instant ISSUED_AT = Instant.parse("2025-08-15T02:30:00Z");

  private SampleReceipts() {}

  static EReceipt.Builder builder() {
    return EReceipt.builder()
        .series(SERIES)
        .number(123)
        .issuedAt(ISSUED_AT)
        .collectingUnit(UNIT)
        .payer(PAYER)
        .dossierCode(DossierCode.parse("000.00.31.H56-250815-0001"))
        .items(
            Fee.charge("LP-HT-01", "Lệ phí đăng ký khai sinh", Vnd.of(8_000)),
            Fee.fee("P-SAO-02", "Phí cấp bản sao trích lục", Vnd.of(1_276_000)))
        .paymentMethod(PaymentMethod.ONLINE_PAYMENT_PLATFORM)
        .paymentReference("DVC2508150001234")
        .lookupCode("K7P2M9XQ4T");
  }

  static EReceipt receipt() {
    return builder().build();
  }
}
