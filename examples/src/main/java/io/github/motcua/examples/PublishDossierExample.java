package io.github.motcua.examples;

import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.PortalClient;
import io.github.motcua.portal.ProvincialPortalClient;
import io.github.motcua.portal.ProvincialPortalProfile;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.payment.CallbackOutcome;
import io.github.motcua.portal.payment.CallbackReply;
import io.github.motcua.portal.payment.PaymentConfirmation;
import io.github.motcua.portal.payment.PaymentInitiation;
import io.github.motcua.portal.payment.PaymentOrderStore;
import io.github.motcua.portal.payment.PaymentPlatformClient;
import io.github.motcua.portal.payment.PaymentRequest;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PaymentPlatformFake;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Publishes one dossier's life to the national and provincial portal fakes while the network fails,
 * and takes its fee through the payment platform fake with a verified callback.
 */
public final class PublishDossierExample {

  private PublishDossierExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing what happens.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    try (NationalPortalFake nationalFake = NationalPortalFake.start();
        ProvincialPortalFake provincialFake = ProvincialPortalFake.start();
        PaymentPlatformFake paymentFake = PaymentPlatformFake.start()) {
      nationalFake.failRandomly(PortalFault.SERVICE_UNAVAILABLE, 0.3, 7);
      provincialFake.failRandomly(PortalFault.CONNECTION_RESET, 0.3, 8);

      // Short waits keep the example quick; the defaults suit production.
      RetryPolicy retry =
          RetryPolicy.builder()
              .initialBackoff(Duration.ofMillis(20))
              .maxBackoff(Duration.ofMillis(200))
              .build();
      NationalPortalClient national =
          NationalPortalClient.builder()
              .retryPolicy(retry)
              .adapterUrl(nationalFake.baseUrl())
              .credentials(nationalFake.username(), nationalFake.password())
              .unitCode(nationalFake.unitCode())
              .agencyName("UBND xã Tân Hòa")
              .build();
      ProvincialPortalClient provincial =
          ProvincialPortalClient.builder()
              .retryPolicy(retry)
              .profile(
                  ProvincialPortalProfile.builder()
                      .baseUrl(provincialFake.baseUrl())
                      .tokenUrl(provincialFake.tokenUrl())
                      .clientCredentials(provincialFake.clientId(), provincialFake.clientSecret())
                      .build())
              .build();
      PaymentPlatformClient payments =
          PaymentPlatformClient.builder()
              .baseUrl(paymentFake.baseUrl())
              .partnerCode(paymentFake.partnerCode())
              .secretKey(paymentFake.secretKey())
              // In production: .dataSource(dataSource), so that orders survive a restart.
              .orderStore(PaymentOrderStore.inMemory())
              .build();

      DossierCode code =
          DossierCode.of(AgencyCode.parse(nationalFake.unitCode()), LocalDate.of(2025, 8, 15), 1);
      Instant t = Instant.parse("2025-08-15T01:30:00Z");
      PersonalId applicantId = PersonalId.parse("038090001234");
      Fee charge =
          new Fee(
              Fee.Kind.CHARGE,
              "LP01",
              "Lệ phí đăng ký khai sinh",
              Vnd.of(8_000),
              Fee.CollectionStage.AT_RECEPTION);
      DossierEvent.Submitted submitted =
          new DossierEvent.Submitted(
              UUID.randomUUID(),
              code,
              t,
              new ProcedureRef(
                  ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch"),
              Applicant.citizen("Nguyễn Văn An", applicantId),
              SubmissionChannel.ONLINE_FULL,
              List.of(
                  new DossierDocument(
                      "D1",
                      Optional.of("TP01"),
                      "Tờ khai đăng ký khai sinh",
                      "application/pdf",
                      20_480,
                      "0".repeat(64),
                      true,
                      false,
                      DossierDocument.CopyKind.ELECTRONIC,
                      Optional.empty())),
              List.of(charge),
              true);

      // The fee: initiate, the payer pays, the platform calls back, we verify and answer.
      PaymentInitiation started =
          payments.initiate(
              PaymentRequest.of(
                  payments.newReference(),
                  code,
                  List.of(charge), // the dossier's own fee line
                  Payer.named("Nguyễn Văn An"),
                  "Nop le phi ho so " + code.value()));
      out.println("Payment page: " + started.paymentUrl());
      Map<String, String> callback = paymentFake.pay(started.reference());
      CallbackOutcome outcome = payments.handleCallback(callback);
      PaymentConfirmation paid = outcome.confirmation();
      CallbackReply reply = outcome.reply();
      out.println(
          "Payment "
              + paid.transactionId()
              + " of "
              + paid.amount()
              + " confirmed; the reply echoes its checksum: "
              + paymentFake.isValidReply(callback, reply.fields()));

      List<DossierEvent> events =
          List.of(
              submitted,
              new DossierEvent.Accepted(UUID.randomUUID(), code, t.plusSeconds(600)),
              new DossierEvent.PaymentRequested(
                  UUID.randomUUID(), code, t.plusSeconds(900), List.of(charge)),
              new DossierEvent.PaymentReceived(
                  UUID.randomUUID(),
                  code,
                  t.plusSeconds(1200),
                  paid.reference(),
                  paid.amount(),
                  true,
                  Optional.empty()),
              new DossierEvent.StepCompleted(
                  UUID.randomUUID(),
                  code,
                  t.plusSeconds(3600),
                  new ProcessingStep(
                      "Trần Thị Bình",
                      "Công chức tư pháp - hộ tịch",
                      "Bộ phận một cửa",
                      "Thẩm định hồ sơ",
                      t.plusSeconds(1800),
                      t.plusSeconds(3600),
                      Optional.of(t.plus(Duration.ofDays(1))))),
              new DossierEvent.ResultReady(UUID.randomUUID(), code, t.plusSeconds(7200), List.of()),
              new DossierEvent.ResultReturned(UUID.randomUUID(), code, t.plusSeconds(9000)));

      DossierLifecycle lifecycle = DossierLifecycle.create();
      Dossier snapshot = null;
      for (DossierEvent event : events) {
        snapshot = snapshot == null ? lifecycle.start(event) : lifecycle.apply(snapshot, event);
        for (PortalClient portal : List.<PortalClient>of(national, provincial)) {
          portal.publish(event, snapshot);
        }
        out.println(event.type() + " published to both portals (status " + snapshot.status() + ")");
      }

      NationalPortalFake.StoredDossier atNational =
          nationalFake.dossier(code.value()).orElseThrow();
      ProvincialPortalFake.StoredDossier atProvince =
          provincialFake.dossier(code.value()).orElseThrow();
      out.println(
          "National portal holds "
              + code
              + " with TrangThaiHoSo "
              + atNational.status()
              + ", "
              + atNational.steps().size()
              + " step(s), paid online "
              + atNational.current().path("DuocThanhToanTrucTuyen").asInt());
      out.println(
          "Provincial portal holds "
              + code
              + " with TrangThaiHoSo "
              + atProvince.status()
              + ", "
              + atProvince.steps().size()
              + " step(s)");
      out.println(
          "Faults survived: "
              + nationalFake.injectedFaults(PortalFault.SERVICE_UNAVAILABLE)
              + " national 503s, "
              + provincialFake.injectedFaults(PortalFault.CONNECTION_RESET)
              + " provincial resets");
    }
  }
}
