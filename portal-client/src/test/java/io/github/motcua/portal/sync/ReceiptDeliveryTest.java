package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.receipt.HttpReceiptTransmitter;
import io.github.motcua.portal.receipt.ReceiptDestination;
import io.github.motcua.portal.receipt.ReceiptSummary;
import io.github.motcua.portal.receipt.ReceiptTransmission;
import io.github.motcua.portal.receipt.TaxAuthorityProfile;
import io.github.motcua.portal.receipt.TransmissionResult;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.receipt.CollectingUnit;
import io.github.motcua.signing.receipt.EReceiptIssuer;
import io.github.motcua.signing.receipt.IssuedCancellation;
import io.github.motcua.signing.receipt.IssuedReceipt;
import io.github.motcua.signing.receipt.JdbcReceiptNumberAllocator;
import io.github.motcua.signing.receipt.PaymentMethod;
import io.github.motcua.signing.receipt.ReceiptCorrection;
import io.github.motcua.signing.receipt.ReceiptEvents;
import io.github.motcua.signing.receipt.ReceiptRequest;
import io.github.motcua.signing.receipt.ReceiptSeries;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.TaxAuthorityFake;
import io.github.motcua.testkit.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Receipts delivered to the tax authority fake through the sync outbox and worker: each document
 * once under faults and a crash, a refusal parked as a dead letter with the authority's code, and a
 * day's summary (Decree 254/2026/NĐ-CP Art. 29(3)(b): receipt data reach the tax authority on the
 * day of issue).
 */
class ReceiptDeliveryTest {

  /** 17 August 2026, 09:00 in Vietnam time. */
  private static final Instant START = Instant.parse("2026-08-17T02:00:00Z");

  private static final TaxCode UNIT_TAX_CODE = TaxCode.parse("0100233488");
  private static final CollectingUnit UNIT =
      new CollectingUnit(
          "Trung tâm Phục vụ hành chính công xã Quảng Phú",
          UNIT_TAX_CODE,
          AgencyCode.parse("000.00.31.H56"),
          "Thôn Phú Lộc, xã Quảng Phú, tỉnh Thanh Hóa");
  private static final ReceiptSeries SERIES = ReceiptSeries.of(UNIT_TAX_CODE, "EBL01", "26TAB");
  private static final String TAX = "tax-authority";

  @RegisterExtension
  static final TestPki PKI = TestPki.builder().clock(Clock.fixed(START, ZoneOffset.UTC)).build();

  private final MutableClock clock = new MutableClock(START);
  private final TaxAuthorityFake fake =
      TaxAuthorityFake.builder().clock(clock).trustAnchors(PKI.trustAnchors()).start();
  private final RetryPolicy policy =
      RetryPolicy.builder()
          .initialBackoff(Duration.ofSeconds(1))
          .maxBackoff(Duration.ofSeconds(30))
          .maxAttempts(3)
          .totalTimeout(Duration.ofMinutes(1))
          .random(new Random(3))
          .sleeper(clock.sleeper())
          .build();
  private final HttpReceiptTransmitter transmitter =
      HttpReceiptTransmitter.builder()
          .profile(TaxAuthorityProfile.builder().baseUrl(fake.baseUrl()).build())
          .retryPolicy(policy)
          .clock(clock)
          .build();
  private final JdbcReceiptNumberAllocator allocator =
      JdbcReceiptNumberAllocator.builder()
          .dataSource(
              JdbcConnectionPool.create(
                  "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""))
          .clock(clock)
          .build();

  private final List<Runnable> cleanUp = new ArrayList<>();

  @AfterEach
  void stop() {
    fake.close();
    cleanUp.forEach(Runnable::run);
  }

  static java.util.stream.Stream<TestDatabase> databases() {
    return TestDatabase.available().stream();
  }

  private EReceiptIssuer issuer(TestPki.Credential signer) {
    return EReceiptIssuer.builder()
        .collectingUnit(UNIT)
        .series(SERIES)
        .allocator(allocator)
        .signingKey(KeyStoreSigningKey.of(signer.privateKey(), signer.chain()))
        .clock(clock)
        .random(new Random(5))
        .build();
  }

  private JdbcSyncOutbox outbox() {
    return outbox(TestDatabase.H2);
  }

  private JdbcSyncOutbox outbox(TestDatabase db) {
    javax.sql.DataSource ds = db.dataSource();
    String prefix = TestDatabase.uniquePrefix();
    if (db == TestDatabase.POSTGRESQL) {
      cleanUp.add(() -> TestDatabase.drop(ds, prefix));
    }
    return JdbcSyncOutbox.builder()
        .dataSource(ds)
        .destinations(TAX)
        .tablePrefix(prefix)
        .clock(clock)
        .build()
        .createSchemaIfMissing();
  }

  private SyncWorker worker(SyncOutbox outbox) {
    return SyncWorker.builder()
        .outbox(outbox)
        .destination(TAX, ReceiptDestination.of(TAX, transmitter))
        .retryPolicy(policy)
        .clock(clock)
        .sleeper(clock.sleeper())
        .leaseTime(Duration.ofMinutes(5))
        .workerThreads(3)
        .build();
  }

  private static DossierCode dossier(int n) {
    return DossierCode.parse(String.format("000.00.31.H56-260817-%04d", n));
  }

  private DossierEvent received(DossierCode code) {
    return new DossierEvent.Received(
        UUID.nameUUIDFromBytes(code.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        code,
        clock.instant(),
        new ProcedureRef(ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch"),
        Applicant.citizen("Nguyễn Văn An", PersonalId.parse("001090123456")),
        SubmissionChannel.COUNTER,
        List.of(),
        List.of(),
        false);
  }

  private static ReceiptRequest request(DossierCode code) {
    return new ReceiptRequest(
        Payer.person("Nguyễn Văn An", PersonalId.parse("001090123456"), null),
        code,
        List.of(Fee.charge("LP-HT-01", "Lệ phí đăng ký khai sinh", Vnd.of(8_000))),
        PaymentMethod.CASH,
        null);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("databases")
  void everyDocumentReachesTheAuthorityOnceThroughFaultsAndACrash(TestDatabase db)
      throws Exception {
    JdbcSyncOutbox outbox = outbox(db);
    EReceiptIssuer issuer = issuer(PKI.organisationSigner());
    List<IssuedReceipt> receipts = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      DossierCode code = dossier(i);
      outbox.enqueue(received(code));
      clock.advance(Duration.ofMinutes(1));
      IssuedReceipt r = issuer.issue(request(code));
      receipts.add(r);
      outbox.enqueue(ReceiptEvents.recorded(r));
      // Recording the same document again records it once.
      outbox.enqueue(ReceiptEvents.recorded(r));
    }
    clock.advance(Duration.ofMinutes(1));
    outbox.enqueue(
        ReceiptEvents.recorded(
            issuer.replace(receipts.get(0).receipt(), request(dossier(1)), "Sai số tiền")));
    outbox.enqueue(
        ReceiptEvents.recorded(
            issuer.adjust(
                receipts.get(1).receipt(),
                request(dossier(2)),
                ReceiptCorrection.Kind.ADJUSTMENT_INCREASE,
                "Thiếu lệ phí bản sao")));
    IssuedCancellation cancelled = issuer.cancel(receipts.get(2).receipt(), "Lập nhầm");
    outbox.enqueue(ReceiptEvents.recorded(cancelled, dossier(3)));

    // A worker crashes: it claims deliveries, transmits six receipts (they land), never settles.
    int landed = 0;
    while (landed < 6) {
      for (ClaimedDelivery d :
          outbox.claim(TAX, "crashed-worker", 10, clock.instant(), Duration.ofMinutes(5))) {
        if (d.event() instanceof DossierEvent.ReceiptRecorded r && landed < 6) {
          transmitter.transmit(ReceiptTransmission.of(r));
          landed++;
        } else if (!(d.event() instanceof DossierEvent.ReceiptRecorded)) {
          outbox.markDelivered(d, clock.instant());
        }
      }
    }
    clock.advance(Duration.ofMinutes(6));
    // The network fails a third of the calls, some after the authority stored the document.
    fake.inject(
        Fault.randomly(
            Set.of(
                PortalFault.SERVICE_UNAVAILABLE,
                PortalFault.CONNECTION_RESET,
                PortalFault.MALFORMED_JSON),
            0.33,
            17));

    assertThat(worker(outbox).drain(Duration.ofHours(2))).isTrue();

    assertThat(fake.acceptedCount()).isEqualTo(23);
    assertThat(fake.accepted())
        .extracting(TaxAuthorityFake.Accepted::kind)
        .containsOnly("ISSUED", "REPLACEMENT", "ADJUSTMENT", "CANCELLATION");
    assertThat(fake.gaps()).isEmpty();
    assertThat(fake.refusals()).isEmpty();
    assertThat(fake.lateDeliveries()).isZero();
    assertThat(fake.requestCount()).isGreaterThan(23 + 6);
    assertThat(fake.injectedFaults(PortalFault.MALFORMED_JSON)).isPositive();
    assertThat(fake.receiptStates())
        .containsEntry("0100233488:EBL01:26TAB:1", "REPLACED")
        .containsEntry("0100233488:EBL01:26TAB:2", "ADJUSTED")
        .containsEntry("0100233488:EBL01:26TAB:3", "CANCELLED")
        .containsEntry("0100233488:EBL01:26TAB:21", "ISSUED");
    assertThat(outbox.deadLetters(TAX)).isEmpty();
    assertThat(outbox.status(TAX).isCaughtUp()).isTrue();
  }

  @Test
  void aRefusedReceiptIsParkedWithTheAuthoritysCode() throws Exception {
    JdbcSyncOutbox outbox = outbox();
    outbox.enqueue(received(dossier(1)));
    outbox.enqueue(received(dossier(2)));
    // Signed with a certificate outside the authority's trust: refused, not retried.
    outbox.enqueue(
        ReceiptEvents.recorded(issuer(PKI.untrustedSigner()).issue(request(dossier(1)))));
    outbox.enqueue(
        ReceiptEvents.recorded(issuer(PKI.organisationSigner()).issue(request(dossier(2)))));

    assertThat(worker(outbox).drain(Duration.ofHours(1))).isTrue();

    List<DeadLetter> dead = outbox.deadLetters(TAX);
    assertThat(dead).hasSize(1);
    assertThat(dead.get(0).event().dossierCode()).isEqualTo(dossier(1));
    assertThat(dead.get(0).reason()).contains(TaxAuthorityFake.SIGNATURE);
    assertThat(dead.get(0).attempts()).isEqualTo(1);
    assertThat(fake.refusals()).containsEntry(TaxAuthorityFake.SIGNATURE, 1L);
    assertThat(fake.receiptStates()).containsOnlyKeys("0100233488:EBL01:26TAB:2");
  }

  @Test
  void aDaysSummaryIsAcceptedAndAWrongLineRefusedWithItsCode() {
    Instant at = clock.instant();
    ReceiptSummary summary =
        new ReceiptSummary(
            "0100233488",
            LocalDate.of(2026, 8, 17),
            List.of(new ReceiptSummary.Line("EBL01", "26TAB", 1, "ISSUED", at, 8_000)));
    TransmissionResult result = transmitter.transmitSummary(summary);
    assertThat(result.acceptanceCode()).startsWith("TH");
    assertThat(fake.summaries()).hasSize(1);
    assertThat(fake.summaries().get(0).path("form").asText()).isEqualTo("01/TH-BLĐT");

    ReceiptSummary wrong =
        new ReceiptSummary(
            "0100233488",
            LocalDate.of(2026, 8, 17),
            List.of(new ReceiptSummary.Line("EBL01", "25TAB", 1, "ISSUED", at, 8_000)));
    assertThatThrownBy(() -> transmitter.transmitSummary(wrong))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("[remote " + TaxAuthorityFake.SYMBOL + "]"));
  }

  @Test
  void theXmlFormatSendsTheSignedDocumentItself() {
    HttpReceiptTransmitter xml =
        HttpReceiptTransmitter.builder()
            .profile(
                TaxAuthorityProfile.builder()
                    .baseUrl(fake.baseUrl())
                    .format(TaxAuthorityProfile.Format.XML)
                    .build())
            .retryPolicy(policy)
            .clock(clock)
            .build();
    IssuedReceipt r = issuer(PKI.organisationSigner()).issue(request(dossier(9)));
    TransmissionResult first = xml.transmit(ReceiptTransmission.of(ReceiptEvents.recorded(r)));
    TransmissionResult again = xml.transmit(ReceiptTransmission.of(ReceiptEvents.recorded(r)));
    assertThat(first.acceptanceCode()).isEqualTo(again.acceptanceCode()).startsWith("TB");
    assertThat(fake.acceptedCount()).isEqualTo(1);
  }
}
