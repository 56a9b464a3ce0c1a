package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.xml.XmlSignatureVerifier;
import io.github.motcua.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issuing under Decree 254/2026/NĐ-CP: numbering across 31 December → 1 January (Art. 23(2):
 * numbers start at 1 on 1 January), the change of regime on 1 July 2026, and cancel, replace and
 * adjust with their signed documents and the verifier's report.
 */
class NewRegimeIssuingTest {

  /** 31 December 2026, 23:59:50 in Vietnam time. */
  static final Instant NEW_YEARS_EVE = Instant.parse("2026-12-31T16:59:50Z");

  /** 1 January 2027, 00:00:05 in Vietnam time. */
  static final Instant NEW_YEAR = Instant.parse("2026-12-31T17:00:05Z");

  static final ReceiptSeries SERIES =
      ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "EBL01", "26TAB");

  @RegisterExtension
  static final TestPki PKI =
      TestPki.builder().clock(Clock.fixed(NEW_YEARS_EVE, ZoneOffset.UTC)).build();

  static SigningKey key() {
    return ReceiptFixtures.key(PKI.organisationSigner());
  }

  static EReceiptIssuer issuer(Instant at, ReceiptNumberAllocator allocator) {
    return EReceiptIssuer.builder()
        .collectingUnit(SampleReceipts.UNIT)
        .series(SERIES)
        .allocator(allocator)
        .signingKey(key())
        .clock(Clock.fixed(at, ZoneOffset.UTC))
        .random(new Random(at.getEpochSecond()))
        .build();
  }

  static EReceiptVerifier verifier(Instant at, ReceiptNumberAllocator register) {
    return EReceiptVerifier.builder()
        .xmlVerifier(
            XmlSignatureVerifier.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .revocationPolicy(RevocationPolicy.REQUIRE)
                .clock(Clock.fixed(at, ZoneOffset.UTC))
                .build())
        .register(register)
        .build();
  }

  @Test
  void concurrentIssuersAcrossNewYearRestartAtOneWithoutGapOrDuplicate() throws Exception {
    JdbcReceiptNumberAllocator allocator = ReceiptFixtures.allocator();
    EReceiptIssuer before = issuer(NEW_YEARS_EVE, allocator);
    EReceiptIssuer after = issuer(NEW_YEAR, allocator);
    int perSide = 12;
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<IssuedReceipt>> futures = new ArrayList<>();
    try {
      for (int i = 0; i < perSide * 2; i++) {
        EReceiptIssuer issuer = i % 2 == 0 ? before : after;
        Callable<IssuedReceipt> task =
            () -> {
              start.await();
              return issuer.issue(ReceiptFixtures.request());
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      Map<String, List<Long>> bySymbol = new TreeMap<>();
      for (Future<IssuedReceipt> f : futures) {
        EReceipt r = f.get().receipt();
        bySymbol.computeIfAbsent(r.seriesSymbol(), k -> new ArrayList<>()).add(r.number());
      }
      List<Long> expected = LongStream.rangeClosed(1, perSide).boxed().toList();
      assertThat(bySymbol.keySet()).containsExactly("26TAB", "27TAB");
      assertThat(bySymbol.get("26TAB")).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(bySymbol.get("27TAB")).containsExactlyInAnyOrderElementsOf(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anIssuerThatDoesNotRollRefusesASeriesOfAnotherYear() {
    EReceiptIssuer issuer =
        EReceiptIssuer.builder()
            .collectingUnit(SampleReceipts.UNIT)
            .series(SERIES)
            .rollSeriesYearly(false)
            .allocator(ReceiptFixtures.allocator())
            .signingKey(key())
            .clock(Clock.fixed(NEW_YEAR, ZoneOffset.UTC))
            .build();
    assertThatThrownBy(() -> issuer.issue(ReceiptFixtures.request()))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "receipt.series-symbol.year")
        .hasMessageContaining("27TAB");
  }

  @Test
  void oneIssuerSpansTheChangeOfRegimeAndOldReceiptsStillVerify() {
    JdbcReceiptNumberAllocator allocator = ReceiptFixtures.allocator();
    ReceiptSeries old = ReceiptSeries.of(SampleReceipts.UNIT_TAX_CODE, "01BLP0-001", "AB/25E");
    Instant june30 = Instant.parse("2026-06-30T16:00:00Z");
    Instant july1 = Instant.parse("2026-06-30T17:00:00Z");
    List<IssuedReceipt> issued = new ArrayList<>();
    for (Instant at : List.of(june30, july1)) {
      EReceiptIssuer issuer =
          EReceiptIssuer.builder()
              .collectingUnit(SampleReceipts.UNIT)
              .series(old)
              .addSeries(SERIES)
              .allocator(allocator)
              .signingKey(key())
              .clock(Clock.fixed(at, ZoneOffset.UTC))
              .build();
      issued.add(issuer.issue(ReceiptFixtures.request()));
    }
    assertThat(issued.get(0).receipt().seriesSymbol()).isEqualTo("AB/25E");
    assertThat(issued.get(0).receipt().regime()).isEqualTo(ReceiptRegime.DECREE_123_2020);
    assertThat(issued.get(0).receipt().printedNumber()).isEqualTo("0000001");
    assertThat(issued.get(1).receipt().seriesSymbol()).isEqualTo("26TAB");
    assertThat(issued.get(1).receipt().regime()).isEqualTo(ReceiptRegime.DECREE_254_2026);
    assertThat(issued.get(1).receipt().printedNumber()).isEqualTo("00000001");
    EReceiptVerifier verifier = verifier(NEW_YEARS_EVE, allocator);
    for (IssuedReceipt r : issued) {
      EReceiptVerification v = verifier.verify(r.xml());
      assertThat(v.isValid()).as(v.toString()).isTrue();
      assertThat(v.status()).isEqualTo(ReceiptStatus.ISSUED);
    }
  }

  @Test
  void replaceAdjustAndCancelAreSignedDocumentsNamingTheOriginal() {
    JdbcReceiptNumberAllocator allocator = ReceiptFixtures.allocator();
    EReceiptIssuer issuer = issuer(NEW_YEARS_EVE, allocator);
    EReceiptVerifier verifier = verifier(NEW_YEARS_EVE, allocator);
    IssuedReceipt wrong = issuer.issue(ReceiptFixtures.request());
    IssuedReceipt toAdjust = issuer.issue(ReceiptFixtures.request());
    IssuedReceipt toCancel = issuer.issue(ReceiptFixtures.request());

    IssuedReceipt replacement =
        issuer.replace(wrong.receipt(), ReceiptFixtures.request(), "Sai tên người nộp");
    ReceiptCorrection c = replacement.receipt().correction().orElseThrow();
    assertThat(c.kind()).isEqualTo(ReceiptCorrection.Kind.REPLACEMENT);
    assertThat(c.original()).isEqualTo(ReceiptReference.of(wrong.receipt()));
    assertThat(c.reason()).isEqualTo("Sai tên người nộp");
    assertThat(replacement.receipt().number()).isEqualTo(4);
    String xml = new String(replacement.xml(), StandardCharsets.UTF_8);
    assertThat(xml).contains("<Kind>REPLACEMENT</Kind>", "<SeriesSymbol>26TAB</SeriesSymbol>");
    EReceiptVerification v = verifier.verify(replacement.xml());
    assertThat(v.isValid()).as(v.toString()).isTrue();
    assertThat(v.receipt()).contains(replacement.receipt());
    assertThat(v.status()).isEqualTo(ReceiptStatus.ISSUED);
    EReceiptVerification original = verifier.verify(wrong.xml());
    assertThat(original.isValid()).isTrue();
    assertThat(original.status()).isEqualTo(ReceiptStatus.REPLACED);
    assertThat(EReceiptHtml.render(original, null))
        .contains("Biên lai này đã được thay thế bằng biên lai khác.");
    assertThat(EReceiptHtml.render(v, null))
        .contains("Thay thế cho biên lai mẫu số EBL01, ký hiệu 26TAB, số 1, ngày 2026-12-31")
        .contains("Lý do: Sai tên người nộp");
    assertThat(allocator.find(SERIES, wrong.receipt().number()).orElseThrow().cancelReason())
        .contains("Sai tên người nộp", "No.4");

    IssuedReceipt adjustment =
        issuer.adjust(
            toAdjust.receipt(),
            new ReceiptRequest(
                SampleReceipts.PAYER,
                null,
                List.of(Fee.fee("P-SAO-02", "Phí cấp bản sao trích lục", Vnd.of(8_000))),
                io.github.motcua.signing.receipt.PaymentMethod.CASH,
                null),
            ReceiptCorrection.Kind.ADJUSTMENT_DECREASE,
            "Thu thừa một bản sao");
    assertThat(adjustment.receipt().correction().orElseThrow().kind())
        .isEqualTo(ReceiptCorrection.Kind.ADJUSTMENT_DECREASE);
    assertThat(verifier.verify(adjustment.xml()).isValid()).isTrue();
    assertThat(verifier.verify(toAdjust.xml()).status()).isEqualTo(ReceiptStatus.ADJUSTED);

    IssuedCancellation cancellation = issuer.cancel(toCancel.receipt(), "Lập nhầm");
    CancellationVerification cv = verifier.verifyCancellation(cancellation.xml());
    assertThat(cv.isValid()).as(cv.toString()).isTrue();
    assertThat(cv.cancellation()).contains(cancellation.cancellation());
    assertThat(cancellation.cancellation().original().number()).isEqualTo(3);
    assertThat(verifier.verify(toCancel.xml()).status()).isEqualTo(ReceiptStatus.CANCELLED);
    assertThat(EReceiptXml.readCancellation(cancellation.xml()))
        .isEqualTo(cancellation.cancellation());

    // A replaced or cancelled receipt is final; a cancellation is not a receipt and vice versa.
    assertThatThrownBy(() -> issuer.cancel(wrong.receipt(), "again"))
        .hasFieldOrPropertyWithValue("code", "receipt-number.already-cancelled");
    assertThatThrownBy(() -> issuer.replace(toCancel.receipt(), ReceiptFixtures.request(), "x"))
        .hasFieldOrPropertyWithValue("code", "receipt-number.already-cancelled");
    assertThat(verifier.verify(cancellation.xml()).isValid()).isFalse();
    assertThat(verifier.verifyCancellation(wrong.xml()).isValid()).isFalse();
    // Nothing was issued by the refused replacement: the next number follows on.
    assertThat(issuer.issue(ReceiptFixtures.request()).receipt().number()).isEqualTo(6);
  }

  @Test
  void aTamperedCorrectionFailsTheSignature() {
    JdbcReceiptNumberAllocator allocator = ReceiptFixtures.allocator();
    EReceiptIssuer issuer = issuer(NEW_YEARS_EVE, allocator);
    IssuedReceipt wrong = issuer.issue(ReceiptFixtures.request());
    IssuedCancellation cancellation = issuer.cancel(wrong.receipt(), "Lập nhầm");
    byte[] tampered =
        new String(cancellation.xml(), StandardCharsets.UTF_8)
            .replace("<Number>1</Number>", "<Number>2</Number>")
            .getBytes(StandardCharsets.UTF_8);
    assertThat(verifier(NEW_YEARS_EVE, allocator).verifyCancellation(tampered).isValid()).isFalse();
  }
}
