package io.github.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.PortalFault;
import io.github.motcua.testkit.ProvincialPortalFake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProvincialPortalClientTest {

  private ManualClock clock;
  private ProvincialPortalFake fake;
  private ProvincialPortalClient client;

  @BeforeEach
  void start() {
    clock = ManualClock.at("2025-08-15T00:00:00Z");
    fake = ProvincialPortalFake.builder().clock(clock).tokenTtl(Duration.ofMinutes(5)).start();
    client = client(fake.clientSecret());
  }

  private ProvincialPortalClient client(String secret) {
    return client(fake, secret).build();
  }

  private ProvincialPortalClient.Builder client(ProvincialPortalFake portal, String secret) {
    return ProvincialPortalClient.builder()
        .profile(
            ProvincialPortalProfile.builder()
                .name("thanh-hoa")
                .baseUrl(portal.baseUrl())
                .tokenUrl(portal.tokenUrl())
                .clientCredentials(portal.clientId(), secret)
                .build())
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().sleeper(clock.sleeper()).build());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void everyEventOfTheLifecycleIsStoredFieldByField() {
    List<DossierEvent> events = new Histories(1).fullLifecycle(Histories.code(1));
    List<Dossier> snapshots = Histories.snapshots(events);
    int[] expectedStatus = {1, 2, 4, 5, 4, 6, 4, 4, 9, 10, 10};
    for (int i = 0; i < events.size(); i++) {
      PublishResult result = client.publish(events.get(i), snapshots.get(i));
      assertThat(result.portal()).isEqualTo("thanh-hoa");
      ProvincialPortalFake.StoredDossier stored =
          fake.dossier(Histories.code(1).value()).orElseThrow();
      assertThat(stored.status()).as(events.get(i).type()).isEqualTo(expectedStatus[i]);
    }
    ProvincialPortalFake.StoredDossier stored =
        fake.dossier(Histories.code(1).value()).orElseThrow();
    JsonNode r = stored.current();
    assertThat(r.path("MaHoSo").asText()).isEqualTo(Histories.code(1).value());
    assertThat(r.path("NgayTiepNhan").asText()).isEqualTo("20250815093000");
    assertThat(r.path("DuocThanhToanTrucTuyen").asInt()).isEqualTo(1);
    assertThat(r.path("DanhSachGiayToKetQua").get(0).path("GiayToId").asText()).isEqualTo("R1");
    // The second step and the rating leave the record as it was: it is not sent again for them.
    assertThat(stored.history()).hasSize(9);
    assertThat(stored.steps()).hasSize(2);
    assertThat(stored.steps()).containsKey(events.get(2).eventId().toString());
    ProcessingStep step = ((DossierEvent.StepCompleted) events.get(7)).step();
    JsonNode s = stored.steps().get(events.get(7).eventId().toString());
    assertThat(s.path("NguoiXuLy").asText()).isEqualTo(step.officer());
    assertThat(s.path("NoiDungXuLy").asText()).isEqualTo(step.content());
    assertThat(s.path("ThoiDiemXuLy").asText())
        .isEqualTo(NationalPortalClientTest.vn(step.finishedAt()));
    assertThat(stored.rating().path("MucDoHaiLong").asInt()).isEqualTo(3);
    assertThat(stored.rating().path("NoiDungDanhGia").asText()).isEqualTo("Nhanh");
  }

  @Test
  void republishingAStepDoesNotDuplicateIt() {
    List<DossierEvent> events = new Histories(2).fullLifecycle(Histories.code(2)).subList(0, 3);
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < 3; i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
    client.publish(events.get(2), snapshots.get(2));
    assertThat(fake.dossier(Histories.code(2).value()).orElseThrow().steps()).hasSize(1);
  }

  @Test
  void anEventThatLeavesTheRecordAsItWasSendsOnlyWhatItAdds() {
    List<DossierEvent> events = new Histories(7).fullLifecycle(Histories.code(7));
    List<Dossier> snapshots = Histories.snapshots(events);
    List<PublishResult> results = new ArrayList<>();
    try (ProvincialPortalFake plain = ProvincialPortalFake.builder().clock(clock).start()) {
      ProvincialPortalClient everyRecord =
          client(plain, plain.clientSecret()).recordMemory(0).build();
      for (int i = 0; i < events.size(); i++) {
        results.add(client.publish(events.get(i), snapshots.get(i)));
        everyRecord.publish(events.get(i), snapshots.get(i));
      }
      assertThat(results.get(2).operations()).containsExactly("PUT dossier", "PUT step");
      assertThat(results.get(7).operations()).containsExactly("PUT step");
      assertThat(results.get(10).operations()).containsExactly("PUT rating");
      String code = Histories.code(7).value();
      ProvincialPortalFake.StoredDossier lean = fake.dossier(code).orElseThrow();
      ProvincialPortalFake.StoredDossier full = plain.dossier(code).orElseThrow();
      assertThat(lean.current()).isEqualTo(full.current());
      assertThat(lean.steps()).isEqualTo(full.steps());
      assertThat(lean.rating()).isEqualTo(full.rating());
      assertThat(full.history()).hasSize(11);
      assertThat(lean.history()).hasSize(9).doesNotHaveDuplicates();
      assertThat(fake.requestCount()).isEqualTo(plain.requestCount() - 2);
    }
  }

  @Test
  void aRecordIsSentAgainAfterAPublishThatFailed() {
    List<DossierEvent> events = new Histories(8).fullLifecycle(Histories.code(8));
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < 7; i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
    fake.inject(Fault.next(PortalFault.SERVER_ERROR, 50));
    assertThatThrownBy(() -> client.publish(events.get(7), snapshots.get(7)))
        .isInstanceOf(RetryLaterException.class);
    fake.clearFaults();
    // The failed attempt may have reached the portal or not: the record goes with the retry.
    assertThat(client.publish(events.get(7), snapshots.get(7)).operations())
        .containsExactly("PUT dossier", "PUT step");
    assertThat(client.publish(events.get(7), snapshots.get(7)).operations())
        .as("the same event again: its record was stored for this event, not the one before")
        .containsExactly("PUT dossier", "PUT step");
  }

  @Test
  void aRecordIsSentWhenThisClientDidNotPublishTheEventBefore() {
    List<DossierEvent> events = new Histories(9).fullLifecycle(Histories.code(9));
    List<Dossier> snapshots = Histories.snapshots(events);
    ProvincialPortalClient other = client(fake.clientSecret());
    for (int i = 0; i < 9; i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
    // Another process (or an operator's skip) published event 9: this client's memory is of 8.
    other.publish(events.get(9), snapshots.get(9));
    assertThat(client.publish(events.get(10), snapshots.get(10)).operations())
        .containsExactly("PUT dossier", "PUT rating");
  }

  @Test
  void aSnapshotThatDoesNotEndWithTheEventSendsTheRecord() {
    List<DossierEvent> events = new Histories(10).fullLifecycle(Histories.code(10));
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < 7; i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
    assertThat(client.publish(events.get(7), snapshots.get(6)).operations())
        .containsExactly("PUT dossier", "PUT step");
  }

  @Test
  void aRecordMemoryOfZeroSendsTheRecordWithEveryEvent() {
    ProvincialPortalClient everyRecord = client(fake, fake.clientSecret()).recordMemory(0).build();
    List<DossierEvent> events = new Histories(11).fullLifecycle(Histories.code(11));
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < events.size(); i++) {
      assertThat(everyRecord.publish(events.get(i), snapshots.get(i)).operations())
          .startsWith("PUT dossier");
    }
    assertThatThrownBy(() -> ProvincialPortalClient.builder().recordMemory(-1))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("portal.config.provincial.record-memory"));
  }

  @Test
  void tokenIsCachedAndRefreshedBeforeItExpires() {
    List<DossierEvent> events = new Histories(3).fullLifecycle(Histories.code(3));
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    client.publish(events.get(1), snapshots.get(1));
    assertThat(fake.issuedTokenCount()).isEqualTo(1);
    clock.advance(Duration.ofMinutes(4).plusSeconds(1)); // inside the 60 s margin
    client.publish(events.get(2), snapshots.get(2));
    assertThat(fake.issuedTokenCount()).isEqualTo(2);
    assertThat(client.tokenCount()).isEqualTo(2);
  }

  @Test
  void expiredTokenIsRenewedExactlyOnceWhenTwentyThreadsHitItTogether() throws Exception {
    Histories h = new Histories(4);
    List<List<DossierEvent>> histories = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      histories.add(h.fullLifecycle(Histories.code(100 + i)).subList(0, 1));
    }
    client.publish(histories.get(0).get(0), Histories.snapshots(histories.get(0)).get(0));
    fake.expireTokens();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<PublishResult>> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      List<DossierEvent> events = histories.get(i);
      results.add(
          pool.submit(
              () -> {
                go.await();
                return client.publish(events.get(0), Histories.snapshots(events).get(0));
              }));
    }
    go.countDown();
    for (Future<PublishResult> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS).operations()).containsExactly("PUT dossier");
    }
    pool.shutdown();
    assertThat(fake.issuedTokenCount()).isEqualTo(2);
    assertThat(fake.dossiers()).hasSize(20);
  }

  @Test
  void refusedClientCredentialsAreAnAuthenticationFailure() {
    ProvincialPortalClient wrong = client("wrong-secret");
    List<DossierEvent> events = new Histories(5).fullLifecycle(Histories.code(5));
    assertThatThrownBy(() -> wrong.publish(events.get(0), Histories.snapshots(events).get(0)))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.auth.token");
              assertThat(e.getMessage()).contains("[remote " + "invalid_client" + "]");
              assertThat(e.getMessage()).doesNotContain("wrong-secret");
            });
  }

  @Test
  void illegalProgressionIsRejectedWithTheHttpStatus() {
    List<DossierEvent> events = new Histories(6).fullLifecycle(Histories.code(6));
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    assertThatThrownBy(() -> client.publish(events.get(9), snapshots.get(9)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.getMessage()).contains("HTTP 409");
              assertThat(e.getMessage()).contains("[remote " + "illegal_status" + "]");
            });
  }

  @Test
  void profileToStringHidesTheSecret() {
    ProvincialPortalProfile profile =
        ProvincialPortalProfile.builder()
            .baseUrl("https://lgsp.example.vn")
            .tokenUrl("https://lgsp.example.vn/token")
            .clientCredentials("id", "s3cr3t-value")
            .build();
    assertThat(profile.toString()).doesNotContain("s3cr3t-value");
    assertThatThrownBy(() -> ProvincialPortalProfile.builder().build())
        .hasFieldOrPropertyWithValue("code", "portal.config.provincial.base-url");
  }
}
