package io.github.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.testkit.NationalPortalFake;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fee is due once: a history that lists the same fee at Submitted and again at PaymentRequested
 * puts it once in the national record's DanhSachLePhi.
 */
class NationalRecordFeesTest {

  private NationalPortalFake fake;
  private NationalPortalClient client;

  @BeforeEach
  void start() {
    fake = NationalPortalFake.start();
    ManualClock clock = ManualClock.at("2025-08-15T00:00:00Z");
    client =
        NationalPortalClient.builder()
            .adapterUrl(fake.baseUrl())
            .credentials(fake.username(), fake.password())
            .unitCode(fake.unitCode())
            .agencyName("UBND xã Tân Hòa")
            .clock(clock)
            .retryPolicy(RetryPolicy.builder().sleeper(clock.sleeper()).build())
            .build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theFeeGivenAtSubmittedAndAtPaymentRequestedIsListedOnce() {
    DossierCode code = Histories.code(29);
    List<DossierEvent> events = new Histories(29).fullLifecycle(code);
    // fullLifecycle lists Histories.fee() at Submitted and again at PaymentRequested.
    assertThat(events)
        .filteredOn(e -> e instanceof DossierEvent.PaymentRequested)
        .singleElement()
        .satisfies(
            e -> assertThat(((DossierEvent.PaymentRequested) e).fees()).contains(Histories.fee()));
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < events.size(); i++) {
      client.publish(events.get(i), snapshots.get(i));
    }

    JsonNode fees = fake.dossier(code.value()).orElseThrow().current().path("DanhSachLePhi");

    assertThat(fees.isArray()).isTrue();
    assertThat(fees).hasSize(1);
    assertThat(fees.get(0).path("MaPhiLePhi").asText()).isEqualTo("LP01");
    assertThat(fees.get(0).path("Gia").asLong()).isEqualTo(50_000);
  }
}
