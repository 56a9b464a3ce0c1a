package io.github.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.testkit.PaymentPlatformFake;
import io.github.motcua.testkit.PaymentPlatformFake.CallbackFault;
import io.github.motcua.testkit.PortalFault;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lost, repeated, late and expired callbacks, and a platform that is down, against the payment
 * platform fake: every paid order is settled once.
 */
class PaymentReconcilerTest {

  private static final DossierCode DOSSIER = DossierCode.parse("000.00.31.H56-250815-0001");

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2025-08-15T02:30:12Z"));

    void advance(Duration d) {
      now.updateAndGet(i -> i.plus(d));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  private final HandClock clock = new HandClock();
  private final List<PaymentOrder> settled = new ArrayList<>();
  private PaymentPlatformFake fake;
  private PaymentPlatformClient client;
  private PaymentReconciler reconciler;
  private int next;

  @BeforeEach
  void start() {
    fake = PaymentPlatformFake.builder().clock(clock).seed(7).start();
    client = client(fake.secretKey());
    reconciler =
        PaymentReconciler.builder()
            .client(client)
            .queryAfter(Duration.ofMinutes(30))
            .expireAfter(Duration.ofDays(1))
            .build();
  }

  private PaymentPlatformClient client(String key) {
    return PaymentPlatformClient.builder()
        .baseUrl(fake.baseUrl())
        .partnerCode(fake.partnerCode())
        .secretKey(key)
        .orderStore(PaymentOrderStore.inMemory())
        .clock(clock)
        .retryPolicy(RetryPolicy.noRetries())
        .onSettled(settled::add)
        .build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private String initiate() {
    String reference = "2025081509301200" + String.format("%04d", ++next);
    client.initiate(
        PaymentRequest.of(
            reference,
            DOSSIER,
            List.of(Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(50_000))),
            Payer.named("Nguyễn Văn An"),
            "Nop le phi ho so"));
    return reference;
  }

  @Test
  void aLostCallbackIsReconciledAsPaid() {
    fake.callbackFault(CallbackFault.DROP, 1);
    String reference = initiate();
    assertThat(fake.payAndNotify(reference)).isEmpty();
    clock.advance(Duration.ofMinutes(10));
    assertThat(reconciler.reconcile().entries()).as("not due yet").isEmpty();
    clock.advance(Duration.ofMinutes(21));
    PaymentReconciler.Report report = reconciler.reconcile();
    assertThat(report.count(PaymentReconciler.Outcome.SETTLED)).isEqualTo(1);
    assertThat(report.settled())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.reference()).isEqualTo(reference);
              assertThat(c.successful()).isTrue();
              assertThat(c.amount().amount()).isEqualTo(50_000);
              assertThat(c.transactionId()).isEqualTo(fake.pay(reference).get("MaGiaoDich"));
            });
    assertThat(settled)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.settledBy()).isEqualTo(PaymentOrder.Settlement.RECONCILIATION);
              assertThat(o.state()).isEqualTo(PaymentOrder.State.PAID);
            });
    assertThat(report.summary()).contains("1 settled").doesNotContain("Nguyễn");
    // The next pass has nothing left to ask.
    assertThat(reconciler.reconcile().entries()).isEmpty();
    // The platform's bill of the paid order.
    PaymentBill bill = client.bill(reference);
    assertThat(bill.contentType()).startsWith("application/pdf");
    assertThat(new String(bill.content(), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
  }

  @Test
  void duplicateCallbacksGiveOneConfirmation() {
    fake.callbackFault(CallbackFault.DUPLICATE, 1);
    String reference = initiate();
    List<Map<String, String>> callbacks = fake.payAndNotify(reference);
    assertThat(callbacks).hasSize(2);
    CallbackOutcome first = client.handleCallback(callbacks.get(0));
    CallbackOutcome second = client.handleCallback(callbacks.get(1));
    assertThat(first.settledNow()).isTrue();
    assertThat(second.settledNow()).isFalse();
    assertThat(second.accepted()).isTrue();
    assertThat(second.confirmation()).isEqualTo(first.confirmation());
    assertThat(fake.isValidReply(callbacks.get(1), second.reply().fields())).isTrue();
    assertThat(settled).hasSize(1);
  }

  @Test
  void aLateCallbackAfterReconciliationGivesOneConfirmation() {
    fake.callbackFault(CallbackFault.LATE, 1);
    String reference = initiate();
    assertThat(fake.payAndNotify(reference)).isEmpty();
    clock.advance(Duration.ofMinutes(45));
    assertThat(reconciler.reconcile().settled()).hasSize(1);
    List<Map<String, String>> late = fake.releaseHeldCallbacks();
    CallbackOutcome outcome = client.handleCallback(late.get(0));
    assertThat(outcome.accepted()).isTrue();
    assertThat(outcome.settledNow()).isFalse();
    assertThat(outcome.reply().resultCode()).isEqualTo("00");
    assertThat(settled).hasSize(1);
    assertThat(client.order(reference).orElseThrow().settledBy())
        .isEqualTo(PaymentOrder.Settlement.RECONCILIATION);
  }

  @Test
  void anAbandonedOrderExpiresAndItsLatePaymentIsRefusedClearly() {
    fake.callbackFault(CallbackFault.AFTER_EXPIRY, 1);
    String reference = initiate();
    assertThat(fake.payAndNotify(reference)).isEmpty();
    clock.advance(Duration.ofHours(1));
    PaymentReconciler.Report pending = reconciler.reconcile();
    assertThat(pending.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(PaymentReconciler.Outcome.OPEN);
              assertThat(e.reason()).isEqualTo("3");
            });
    clock.advance(Duration.ofDays(1));
    assertThat(reconciler.reconcile().count(PaymentReconciler.Outcome.EXPIRED)).isEqualTo(1);
    assertThat(client.order(reference).orElseThrow().state()).isEqualTo(PaymentOrder.State.EXPIRED);
    // The payer pays after all: the callback verifies but the order was given up.
    Map<String, String> callback = fake.releaseHeldCallbacks().get(0);
    CallbackOutcome outcome = client.handleCallback(callback);
    assertThat(outcome.accepted()).isFalse();
    assertThat(outcome.refusal().code()).isEqualTo("payment.callback.expired");
    assertThat(outcome.reply().resultCode()).isEqualTo("06");
    assertThat(settled).isEmpty();
    assertThat(reconciler.reconcile(reference).outcome())
        .isEqualTo(PaymentReconciler.Outcome.EXPIRED);
  }

  @Test
  void aPlatformDownDuringReconciliationIsAskedAgainLaterAndNothingIsLost() {
    fake.callbackFault(CallbackFault.DROP, 1);
    List<String> references = List.of(initiate(), initiate(), initiate());
    references.forEach(fake::payAndNotify);
    clock.advance(Duration.ofHours(1));
    fake.failNext(PortalFault.SERVICE_UNAVAILABLE, 1);
    PaymentReconciler.Report down = reconciler.reconcile();
    assertThat(down.count(PaymentReconciler.Outcome.UNREACHABLE)).isEqualTo(1);
    assertThat(down.deferred()).isEqualTo(2);
    assertThat(client.orderStore().counts()).containsEntry(PaymentOrder.State.OPEN, 3L);
    // Even past the expiry, an order the platform could not be asked about is not given up.
    clock.advance(Duration.ofDays(2));
    PaymentReconciler.Report back = reconciler.reconcile();
    assertThat(back.count(PaymentReconciler.Outcome.SETTLED)).isEqualTo(3);
    assertThat(settled)
        .extracting(PaymentOrder::reference)
        .containsExactlyInAnyOrderElementsOf(references);
  }

  @Test
  void statusQueriesAndBillsHaveTypedErrors() {
    assertThatThrownBy(() -> client.queryStatus("20250815093012999999"))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> assertThat(e.code()).isEqualTo("payment.query.unknown-reference"));
    String reference = initiate();
    assertThat(client.queryStatus(reference).outcome()).isEqualTo(PaymentStatus.Outcome.PENDING);
    assertThatThrownBy(() -> client.bill(reference))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("payment.bill.rejected"));
    // A client signing with another key shares the store's order but is refused by the platform.
    PaymentPlatformClient wrongKey = client("another-key");
    wrongKey.orderStore().save(client.order(reference).orElseThrow());
    assertThatThrownBy(() -> wrongKey.queryStatus(reference))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("payment.query.rejected");
              assertThat(e.getMessage()).contains("[remote " + "01" + "]");
            });
    assertThat(
            PaymentReconciler.builder()
                .client(wrongKey)
                .queryAfter(Duration.ofMinutes(1))
                .build()
                .reconcile(reference)
                .outcome())
        .isEqualTo(PaymentReconciler.Outcome.REFUSED);
  }

  @Test
  void answersInAGatewayEnvelopeAreReadAsWell() {
    fake.envelope(true);
    String reference = initiate();
    fake.pay(reference);
    PaymentStatus status = client.queryStatus(reference);
    assertThat(status.outcome()).isEqualTo(PaymentStatus.Outcome.PAID);
    assertThat(status.optionalTransactionTime()).contains(clock.instant());
  }

  @Test
  void aFailedPaymentIsNotSettledAndExpiresInTime() {
    String reference = initiate();
    client.handleCallback(fake.failedCallback(reference, "24"));
    clock.advance(Duration.ofHours(2));
    assertThat(reconciler.reconcile().entries())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).isEqualTo("4"));
    clock.advance(Duration.ofDays(1));
    assertThat(reconciler.reconcile().count(PaymentReconciler.Outcome.EXPIRED)).isEqualTo(1);
    assertThat(settled).isEmpty();
  }

  @Test
  void aScheduledReconcilerRunsItsFirstPassAtOnce() throws Exception {
    fake.callbackFault(CallbackFault.DROP, 1);
    String reference = initiate();
    fake.payAndNotify(reference);
    clock.advance(Duration.ofHours(1));
    java.util.concurrent.ScheduledExecutorService scheduler =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      java.util.concurrent.ScheduledFuture<?> task =
          reconciler.schedule(scheduler, Duration.ofHours(1));
      // The first pass starts at once; an empty task behind it returns once that pass is done.
      scheduler.submit(() -> null).get(30, java.util.concurrent.TimeUnit.SECONDS);
      task.cancel(false);
    } finally {
      scheduler.shutdownNow();
    }
    assertThat(settled).extracting(PaymentOrder::reference).containsExactly(reference);
    assertThatThrownBy(() -> reconciler.schedule(scheduler, Duration.ZERO))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void settingsAreValidated() {
    assertThatThrownBy(() -> PaymentReconciler.builder().build())
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () ->
                PaymentReconciler.builder()
                    .client(client)
                    .queryAfter(Duration.ofDays(2))
                    .expireAfter(Duration.ofDays(1))
                    .build())
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> PaymentReconciler.builder().queryAfter(Duration.ZERO))
        .isInstanceOf(ConfigurationException.class);
  }
}
