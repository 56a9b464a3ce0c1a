package io.github.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.testkit.PaymentPlatformFake;
import io.github.motcua.testkit.PortalFault;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentPlatformClientTest {

  private static final DossierCode DOSSIER = DossierCode.parse("000.00.31.H56-250815-0001");
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-08-15T02:30:12Z"), ZoneOffset.UTC);

  private PaymentPlatformFake fake;
  private PaymentPlatformClient client;

  @BeforeEach
  void start() {
    fake = PaymentPlatformFake.builder().clock(CLOCK).start();
    client = client(ChecksumScheme.SHA256_WITH_KEY, fake);
  }

  private static PaymentPlatformClient client(ChecksumScheme scheme, PaymentPlatformFake fake) {
    return PaymentPlatformClient.builder()
        .baseUrl(fake.baseUrl())
        .partnerCode(fake.partnerCode())
        .secretKey(fake.secretKey())
        .checksumScheme(scheme)
        .orderStore(PaymentOrderStore.inMemory())
        .clock(CLOCK)
        .retryPolicy(RetryPolicy.builder().sleeper(d -> {}).build())
        .build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private PaymentRequest order(String reference) {
    return new PaymentRequest(
        reference,
        DOSSIER,
        List.of(
            Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(50_000)),
            Fee.fee("P02", "Phí sao", Vnd.of(8_000))),
        Payer.of("Nguyễn Văn An", PersonalId.parse("038090001234"), null, "Thanh Hóa"),
        "Nop le phi ho so " + DOSSIER.value(),
        "203.0.113.7",
        null);
  }

  // Hand-computed with openssl:
  // printf '%s' '1|1.0.0|PARTNER|12345678901234567890|50000|secret' | openssl dgst -sha256
  @Test
  void sha256WithKeyMatchesTheHandComputedVector() {
    assertThat(
            ChecksumScheme.SHA256_WITH_KEY.compute(
                List.of("1", "1.0.0", "PARTNER", "12345678901234567890", "50000"), "secret"))
        .isEqualTo("9830bd6ebdbdc635478f3f07555dd01e59b3094fd5595d96741e8dd7fa269e91");
  }

  // printf '%s' '1|1.0.0|PARTNER|12345678901234567890|50000' | openssl dgst -sha256 -hmac secret
  @Test
  void hmacSha256MatchesTheHandComputedVector() {
    assertThat(
            ChecksumScheme.HMAC_SHA256.compute(
                List.of("1", "1.0.0", "PARTNER", "12345678901234567890", "50000"), "secret"))
        .isEqualTo("d5ddc1ffeae7ddbcabc36915592bcc7c175a43bf1bb0abf0ebd805a7b4bce440");
  }

  // printf '%s' 'a||c|khóa' | openssl dgst -sha256 (UTF-8, a null field is empty text)
  @Test
  void nullFieldsCountAsEmptyAndTextIsUtf8() {
    assertThat(
            ChecksumScheme.SHA256_WITH_KEY.compute(java.util.Arrays.asList("a", null, "c"), "khóa"))
        .isEqualTo("642240bbb729a427c6f7a2c724f564c18bf11797715120dfb9d035500b29bcca");
  }

  @Test
  void verifyAcceptsUpperCaseHexAndRefusesAnyOtherValue() {
    List<String> fields = List.of("1", "1.0.0", "PARTNER", "12345678901234567890", "50000");
    String good = "9830bd6ebdbdc635478f3f07555dd01e59b3094fd5595d96741e8dd7fa269e91";
    assertThat(ChecksumScheme.SHA256_WITH_KEY.verify(fields, "secret", good.toUpperCase()))
        .isTrue();
    assertThat(ChecksumScheme.SHA256_WITH_KEY.verify(fields, "secret", good.replace('9', '8')))
        .isFalse();
    assertThat(ChecksumScheme.SHA256_WITH_KEY.verify(fields, "secret", "")).isFalse();
    assertThat(ChecksumScheme.SHA256_WITH_KEY.verify(fields, "secret", null)).isFalse();
  }

  @Test
  void initiatedOrderCarriesEveryFieldAndAVerifiedChecksum() {
    PaymentInitiation started = client.initiate(order("20250815093012000001"));
    assertThat(started.paymentUrl().toString()).startsWith(fake.baseUrl());
    Map<String, String> sent = fake.order("20250815093012000001").orElseThrow().fields();
    assertThat(sent.get("MaDoiTac")).isEqualTo(fake.partnerCode());
    assertThat(sent.get("SoTien")).isEqualTo("58000");
    assertThat(sent.get("MaTienTe")).isEqualTo("VND");
    assertThat(sent.get("ThoiGianGD")).isEqualTo("20250815093012");
    assertThat(sent.get("Ip")).isEqualTo("203.0.113.7");
    assertThat(sent.get("ThongTinBienLai")).contains("\"MaHoSo\":\"" + DOSSIER.value() + "\"");
    assertThat(sent.get("ThongTinBienLai")).startsWith("{");
    assertThat(sent.get("MaXacThuc")).hasSize(64);
  }

  @Test
  void paidCallbackIsConfirmedAndAnsweredWithASignedReply() {
    client.initiate(order("20250815093012000002"));
    Map<String, String> callback = fake.pay("20250815093012000002");
    PaymentConfirmation paid = client.verifyCallback(callback);
    assertThat(paid.successful()).isTrue();
    assertThat(paid.amount().amount()).isEqualTo(58_000);
    assertThat(paid.reference()).isEqualTo("20250815093012000002");
    assertThat(paid.paidAt()).isEqualTo(CLOCK.instant());
    CallbackReply reply = client.callbackReply(callback, paid);
    assertThat(reply.resultCode()).isEqualTo("00");
    assertThat(fake.isValidReply(callback, reply.fields())).isTrue();
    assertThat(reply.fields().get("MaXacThuc")).isEqualTo(callback.get("MaXacThuc"));
    assertThat(reply.fields().get("ThoiGianGD")).isEqualTo(callback.get("ThoiGianGD"));
  }

  @Test
  void replayedCallbackGivesTheSameConfirmation() {
    client.initiate(order("20250815093012000003"));
    PaymentConfirmation first = client.verifyCallback(fake.pay("20250815093012000003"));
    PaymentConfirmation again = client.verifyCallback(fake.pay("20250815093012000003"));
    assertThat(again).isEqualTo(first);
  }

  @Test
  void callbackAsJsonIsVerifiedLikeAMap() {
    client.initiate(order("20250815093012000004"));
    StringBuilder json = new StringBuilder("{");
    fake.pay("20250815093012000004")
        .forEach((k, v) -> json.append('"').append(k).append("\":\"").append(v).append("\","));
    json.setLength(json.length() - 1);
    assertThat(client.verifyCallback(json.append('}').toString()).successful()).isTrue();
  }

  @Test
  void forgedCallbackIsRefused() {
    client.initiate(order("20250815093012000005"));
    Map<String, String> forged = fake.forgedCallback("20250815093012000005");
    assertThatThrownBy(() -> client.verifyCallback(forged))
        .isInstanceOf(MotcuaException.class)
        .hasFieldOrPropertyWithValue("code", "payment.callback.checksum");
    MotcuaException refusal = catchPayment(forged);
    CallbackReply reply = client.callbackReply(refusal, forged);
    assertThat(reply.resultCode()).isEqualTo("01");
    assertThat(fake.isValidReply(forged, reply.fields())).isTrue();
  }

  @Test
  void callbackWithoutChecksumIsRefused() {
    client.initiate(order("20250815093012000006"));
    Map<String, String> callback = new HashMap<>(fake.pay("20250815093012000006"));
    callback.remove("MaXacThuc");
    assertThat(catchPayment(callback).code()).isEqualTo("payment.callback.checksum-missing");
  }

  @Test
  void alteredAmountBreaksTheChecksum() {
    client.initiate(order("20250815093012000007"));
    Map<String, String> callback = new HashMap<>(fake.pay("20250815093012000007"));
    callback.put("SoTien", "1");
    assertThat(catchPayment(callback).code()).isEqualTo("payment.callback.checksum");
  }

  @Test
  void signedCallbackWithAnotherAmountIsRefused() {
    client.initiate(order("20250815093012000008"));
    Map<String, String> callback = fake.callbackWithAmount("20250815093012000008", 1_000);
    MotcuaException e = catchPayment(callback);
    assertThat(e.code()).isEqualTo("payment.callback.amount");
    assertThat(client.callbackReply(e, callback).resultCode()).isEqualTo("03");
  }

  @Test
  void callbackForAnOrderThisClientNeverInitiatedIsRefused() {
    client.initiate(order("20250815093012000009"));
    Map<String, String> callback = fake.pay("20250815093012000009");
    PaymentPlatformClient other = client(ChecksumScheme.SHA256_WITH_KEY, fake);
    assertThat(catchPayment(other, callback).code())
        .isEqualTo("payment.callback.unknown-reference");
  }

  @Test
  void secondTransactionForAPaidOrderIsRefused() {
    client.initiate(order("20250815093012000010"));
    client.verifyCallback(fake.pay("20250815093012000010"));
    Map<String, String> other = fake.callbackWithAmount("20250815093012000010", 58_000);
    assertThat(catchPayment(other).code()).isEqualTo("payment.callback.already-paid");
  }

  @Test
  void failedPaymentIsReportedNotConfirmed() {
    client.initiate(order("20250815093012000011"));
    PaymentConfirmation failed =
        client.verifyCallback(fake.failedCallback("20250815093012000011", "24"));
    assertThat(failed.successful()).isFalse();
    assertThat(failed.resultCode()).isEqualTo("24");
    // The payer may try again and succeed.
    assertThat(client.verifyCallback(fake.pay("20250815093012000011")).successful()).isTrue();
  }

  @Test
  void hmacSchemeWorksEndToEndWithAnHmacPlatform() {
    try (PaymentPlatformFake hmacFake =
        PaymentPlatformFake.builder().clock(CLOCK).hmac(true).start()) {
      PaymentPlatformClient hmac = client(ChecksumScheme.HMAC_SHA256, hmacFake);
      hmac.initiate(order("20250815093012000012"));
      assertThat(hmac.verifyCallback(hmacFake.pay("20250815093012000012")).successful()).isTrue();
      // A SHA-256-with-key client cannot talk to it.
      PaymentPlatformClient wrong = client(ChecksumScheme.SHA256_WITH_KEY, hmacFake);
      assertThatThrownBy(() -> wrong.initiate(order("20250815093012000013")))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e -> assertThat(e.getMessage()).contains("[remote " + "01" + "]"));
    }
  }

  @Test
  void initiationIsRetriedThroughFaultsWithoutDuplicatingTheOrder() {
    fake.failNext(PortalFault.SERVICE_UNAVAILABLE, 2);
    PaymentInitiation started = client.initiate(order("20250815093012000014"));
    assertThat(started.reference()).isEqualTo("20250815093012000014");
    assertThat(fake.order("20250815093012000014")).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "not json", "[1,2]", "{\"MaXacThuc\":\"x\"}", "{\"MaLoi\":{\"a\":1}}", "null"})
  void hostileCallbackBodiesAreRefusedWithATypedError(String body) {
    assertThatThrownBy(() -> client.verifyCallback(body))
        .isInstanceOf(MotcuaException.class)
        .satisfies(e -> assertThat(((MotcuaException) e).code()).startsWith("payment.callback."));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"short", "123456789012345678901", "2025081509301200000|", "đ2345678901234567890"})
  void invalidReferencesAreRefused(String reference) {
    assertThatThrownBy(() -> order(reference))
        .isInstanceOf(MotcuaException.class)
        .hasFieldOrPropertyWithValue("code", "payment.reference");
  }

  @Test
  void newReferenceIsTwentyCharactersStartingWithVietnamTime() {
    assertThat(client.newReference()).hasSize(20).startsWith("20250815093012");
  }

  @Test
  void payerToStringHidesNameAndId() {
    String text = order("20250815093012000015").payer().toString();
    assertThat(text).doesNotContain("Nguyễn Văn An").doesNotContain("038090001234");
  }

  private MotcuaException catchPayment(Map<String, String> callback) {
    return catchPayment(client, callback);
  }

  private static MotcuaException catchPayment(
      PaymentPlatformClient client, Map<String, String> callback) {
    try {
      client.verifyCallback(callback);
    } catch (MotcuaException e) {
      return e;
    }
    throw new AssertionError("the callback was accepted");
  }
}
