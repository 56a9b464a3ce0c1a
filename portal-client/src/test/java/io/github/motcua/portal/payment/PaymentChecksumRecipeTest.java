package io.github.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checksums of an order, a callback and a status query, against values computed by hand with
 * openssl from the public recipes (docs/domain.md §8), for both schemes.
 */
class PaymentChecksumRecipeTest {

  private static final String KEY = "motcua-payment-key";
  private static final String DESCRIPTION = "Nop le phi ho so 000.00.31.H56-250815-0001";
  // 2025-08-15 09:30:12 in Vietnam.
  private static final Instant ORDER_TIME = Instant.parse("2025-08-15T02:30:12Z");

  private static PaymentPlatformClient client(PaymentPlatformProfile profile) {
    return PaymentPlatformClient.builder()
        .baseUrl("http://127.0.0.1:9")
        .partnerCode("000.00.31.H56")
        .secretKey(KEY)
        .profile(profile)
        .ipAddress("203.0.113.7")
        .orderStore(PaymentOrderStore.inMemory())
        .build();
  }

  private static PaymentRequest order() {
    return PaymentRequest.of(
        "20250815093012000001",
        DossierCode.parse("000.00.31.H56-250815-0001"),
        List.of(
            Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(50_000)),
            Fee.fee("P02", "Phí sao", Vnd.of(8_000))),
        Payer.named("Nguyễn Văn An"),
        DESCRIPTION);
  }

  // Recipe (DichVuCong_KhoaLuan_PASETO, Infrastructure/DvcPayment/DvcPaymentService.cs,
  // InitPayment):
  // SHA-256, lower-case hex, of LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|SoTien|LoaiHinhThanhToan|
  // MaKenhThanhToan|MaThietBi|NgonNgu|MaTienTe|MaNganHang|ThongTinGiaoDich|ThoiGianGD|Ip|key;
  // ThongTinBienLai is not covered. Constants from InitDvcPaymentRequest.cs. By hand:
  // O='INIT|1.0.6|000.00.31.H56|20250815093012000001|58000|PAY|1|1|vi-VN|VND|PAYMENT|Nop le phi ho
  // so
  //   000.00.31.H56-250815-0001|20250815093012|203.0.113.7'
  // printf '%s' "$O|motcua-payment-key" | openssl dgst -sha256
  @Test
  void orderChecksumOfVersion106IsSha256OfTheFourteenFieldsAndTheKey() {
    Map<String, String> fields =
        client(PaymentPlatformProfile.defaults()).orderFields(order(), ORDER_TIME);
    assertThat(fields.get("MaXacThuc"))
        .isEqualTo("411d1584afd18d8c33007c874765d325b21cf53b455e2604f54d9e1618bb24b3");
  }

  // Recipe (opencps-v2 branch paymentplatform, pay-gate-integration, PayGateUtil.generateChecksum
  // with fifteen arguments): HMAC-SHA256 keyed with the key over the same fourteen fields, no key
  // in
  // the text. By hand: printf '%s' "$O" | openssl dgst -sha256 -hmac motcua-payment-key
  @Test
  void orderChecksumOfOpencpsIsHmacOfTheSameFields() {
    Map<String, String> fields =
        client(PaymentPlatformProfile.opencps()).orderFields(order(), ORDER_TIME);
    assertThat(fields.get("MaXacThuc"))
        .isEqualTo("34a6dc509cd517c6a31922502d2815a91147f0fa581e3e0a563c7555226da005");
  }

  private static Map<String, String> callback() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("LoaiBanTin", "PAY");
    c.put("MaLoi", "00");
    c.put("MaDoiTac", "000.00.31.H56");
    c.put("MaThamChieu", "20250815093012000001");
    c.put("SoTien", "58000");
    c.put("MaTienTe", "VND");
    c.put("MaGiaoDich", "GD123456789");
    c.put("MaNganHang", "NCB");
    c.put("ThoiGianGD", "20250815094500");
    c.put("ThongTinGiaoDich", DESCRIPTION);
    return c;
  }

  // Recipe (DichVuCong_KhoaLuan_PASETO, ConfirmDvcPaymentCommandHandler.cs): SHA-256 of
  // LoaiBanTin|MaLoi|MaDoiTac|MaThamChieu|SoTien|MaTienTe|MaGiaoDich|MaNganHang|ThoiGianGD|
  // ThongTinGiaoDich|key. By hand:
  // C='PAY|00|000.00.31.H56|20250815093012000001|58000|VND|GD123456789|NCB|20250815094500|Nop le
  // phi
  //   ho so 000.00.31.H56-250815-0001'
  // printf '%s' "$C|motcua-payment-key" | openssl dgst -sha256
  @Test
  void callbackChecksumOfVersion106VerifiesAndAnAlteredOneDoesNot() {
    PaymentPlatformClient client = client(PaymentPlatformProfile.defaults());
    client.orderStore().save(PaymentOrder.open(order(), ORDER_TIME));
    Map<String, String> c = callback();
    c.put("MaXacThuc", "eb50482dbbe4ac52a00352ff98445a11d39a768bd9f67473cdb246f0ea06089a");
    PaymentConfirmation paid = client.verifyCallback(c);
    assertThat(paid.transactionId()).isEqualTo("GD123456789");
    assertThat(paid.paidAt()).isEqualTo(Instant.parse("2025-08-15T02:45:00Z"));
    // The same fields signed with HMAC (printf '%s' "$C" | openssl dgst -sha256 -hmac ...) do not.
    c.put("MaXacThuc", "ada6446720d90ff6c86b49edecd943887c7ea1e0c593cc700780b99ac6d236b0");
    c.put("MaGiaoDich", "GD123456789");
    PaymentPlatformClient other = client(PaymentPlatformProfile.defaults());
    other.orderStore().save(PaymentOrder.open(order(), ORDER_TIME));
    assertThat(PaymentPlatformClientTestSupport.refusal(other, c))
        .isEqualTo("payment.callback.checksum");
  }

  // HMAC variant of the same callback fields, verified by a profile that keeps 1.0.6's fields with
  // HMAC-SHA256: printf '%s' "$C" | openssl dgst -sha256 -hmac motcua-payment-key
  @Test
  void callbackChecksumWithHmacVerifies() {
    PaymentPlatformClient client =
        client(
            PaymentPlatformProfile.defaults().toBuilder()
                .checksumScheme(ChecksumScheme.HMAC_SHA256)
                .build());
    client.orderStore().save(PaymentOrder.open(order(), ORDER_TIME));
    Map<String, String> c = callback();
    c.put("MaXacThuc", "ada6446720d90ff6c86b49edecd943887c7ea1e0c593cc700780b99ac6d236b0");
    assertThat(client.verifyCallback(c).successful()).isTrue();
  }

  // Recipe (opencps-v2 paymentplatform, PayGateUtil.generateChecksum of a callback, as
  // ppConfirmTransaction calls it): HMAC-SHA256 of LoaiBanTin|MaDoiTac|MaThamChieu|SoTien|MaTienTe|
  // MaNganHang|ThongTinGiaoDich|ThoiGianGD| (MaLoi and MaGiaoDich not covered; a trailing '|'). By
  // hand: printf '%s' 'PAY|000.00.31.H56|20250815093012000001|58000|VND|NCB|Nop le phi ho so
  //   000.00.31.H56-250815-0001|20250815094500|' | openssl dgst -sha256 -hmac motcua-payment-key
  @Test
  void callbackChecksumOfOpencpsVerifies() {
    PaymentPlatformClient client = client(PaymentPlatformProfile.opencps());
    client.orderStore().save(PaymentOrder.open(order(), ORDER_TIME));
    Map<String, String> c = callback();
    c.put("MaXacThuc", "8570cda5754ebad7a327e88528fc2bbcf196f24f99127e59a594d0767535d74c");
    assertThat(client.verifyCallback(c).successful()).isTrue();
  }

  // Recipe (CheckPaymentStatusRequest in ConfirmDvcPaymentCommand.cs, DvcPaymentService.cs
  // CheckPaymentStatus; BienLaiDvcPaymentRequest.cs for GET_BILL; PayGateUtil.generateChecksum with
  // six arguments): LoaiBanTin|PhienBan|MaDoiTac|MaThamChieu|ThoiGianGD, the order's time. By hand:
  // printf '%s' 'QUERY|1.0.6|000.00.31.H56|20250815093012000001|20250815093012|motcua-payment-key'
  //   | openssl dgst -sha256            (and without the key, -hmac motcua-payment-key)
  @Test
  void queryChecksumFollowsTheLookupRecipeInBothSchemes() {
    List<String> q =
        List.of("QUERY", "1.0.6", "000.00.31.H56", "20250815093012000001", "20250815093012");
    assertThat(ChecksumScheme.SHA256_WITH_KEY.compute(q, KEY))
        .isEqualTo("b1152d19413d0e2ecb5de4a9b0994ae733651a48a26a9d346fc072d25e705ca8");
    assertThat(ChecksumScheme.HMAC_SHA256.compute(q, KEY))
        .isEqualTo("13210531592575c00890f698b589a7edc4ec8f94e5a39e39a9c05200172c5b7e");
    assertThat(PaymentPlatformProfile.defaults().queryChecksumFields())
        .containsExactly("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "ThoiGianGD");
  }
}
