package io.github.motcua.portal.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.NationalPortalClient;
import io.github.motcua.portal.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A portal error that echoes a personal ID leaves it out of the dead letter and the log. */
class DeadLetterRedactionTest {

  private static final String ID = "079204001122";

  @Test
  void anEchoedPersonalIdReachesNoDeadLetterOrLogLine() throws InterruptedException {
    WireMockServer portal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    portal.start();
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      portal.stubFor(
          post(urlEqualTo("/api/adapter/login"))
              .willReturn(
                  aResponse()
                      .withBody("{\"error_code\":0,\"message\":\"ok\",\"session\":\"s1\"}")));
      portal.stubFor(
          post(urlEqualTo("/api/adapter/service"))
              .willReturn(
                  aResponse()
                      .withBody(
                          "{\"error_code\":\"-1\",\"message\":\"CCCD " + ID + " không hợp lệ\"}")));
      MutableClock clock = new MutableClock(Instant.parse("2025-08-15T02:00:00Z"));
      JdbcSyncOutbox outbox =
          JdbcSyncOutbox.builder()
              .dataSource(TestDatabase.H2.dataSource())
              .destinations("national")
              .tablePrefix(TestDatabase.uniquePrefix())
              .clock(clock)
              .build()
              .createSchemaIfMissing();
      DossierCode code =
          DossierCode.of(AgencyCode.parse("000.00.31.H56"), LocalDate.of(2025, 8, 15), 1);
      DossierEvent.Received submitted =
          new DossierEvent.Received(
              new UUID(1, 1),
              code,
              Instant.parse("2025-08-15T01:30:00Z"),
              new ProcedureRef(
                  ProcedureCode.parse("1.001193"), "Đăng ký khai sinh", "HT", "Hộ tịch"),
              Applicant.citizen("Trần Thị Bình", PersonalId.parse(ID)),
              SubmissionChannel.COUNTER,
              List.of(),
              List.of(
                  new Fee(
                      Fee.Kind.CHARGE,
                      "LP01",
                      "Lệ phí",
                      Vnd.of(10_000),
                      Fee.CollectionStage.AT_RECEPTION)),
              false);
      outbox.enqueue(submitted);
      NationalPortalClient national =
          NationalPortalClient.builder()
              .adapterUrl(portal.baseUrl())
              .credentials("u", "p")
              .unitCode("000.00.31.H56")
              .agencyName("UBND xã Tân Hòa")
              .retryPolicy(RetryPolicy.builder().maxAttempts(1).sleeper(d -> {}).build())
              .build();
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      SyncWorker worker =
          SyncWorker.builder()
              .outbox(outbox)
              .destination("national", national)
              .clock(clock)
              .sleeper(clock.sleeper())
              .build();
      assertThat(worker.drain(Duration.ofMinutes(5))).isTrue();
      List<DeadLetter> dead = outbox.deadLetters("national");
      assertThat(dead).hasSize(1);
      assertThat(dead.get(0).reason()).contains("không hợp lệ").doesNotContain(ID);
      assertThat(dead.get(0).toString()).doesNotContain(ID);
    } finally {
      System.setErr(originalErr);
      portal.stop();
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(ID);
  }
}
