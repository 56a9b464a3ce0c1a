package io.github.motcua.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Histories;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MotcuaJsonTest {

  private final ObjectMapper mapper = MotcuaJson.mapper();

  record Holder(
      PersonalId personalId,
      TaxCode taxCode,
      AgencyCode agency,
      ProcedureCode procedure,
      DossierCode dossier,
      Vnd amount,
      Instant at) {}

  @Test
  void writesIdentifiersAsStringsAndAmountsAsWholeDong() throws Exception {
    Holder holder =
        new Holder(
            PersonalId.parse("038203001234"),
            TaxCode.parse("0314409058-002"),
            AgencyCode.parse("000.00.31.H56"),
            ProcedureCode.parse("1.004227"),
            DossierCode.parse("000.00.31.H56-250815-0001"),
            Vnd.of(1_284_000),
            Instant.parse("2025-08-15T01:30:00Z"));

    String json = mapper.writeValueAsString(holder);

    assertThat(mapper.readTree(json))
        .isEqualTo(
            mapper.readTree(
                "{\"personalId\":\"038203001234\",\"taxCode\":\"0314409058-002\","
                    + "\"agency\":\"000.00.31.H56\",\"procedure\":\"1.004227\","
                    + "\"dossier\":\"000.00.31.H56-250815-0001\",\"amount\":1284000,"
                    + "\"at\":\"2025-08-15T01:30:00Z\"}"));
    assertThat(mapper.readValue(json, Holder.class)).isEqualTo(holder);
  }

  @Test
  void anEventNamesItsTypeFirst() throws Exception {
    DossierEvent event = new Histories(1).event(DossierEvent.Accepted.class);

    JsonNode tree = mapper.readTree(mapper.writeValueAsString(event));

    assertThat(tree.fieldNames().next()).isEqualTo("type");
    assertThat(tree.get("type").asText()).isEqualTo("Accepted");
    assertThat(tree.get("eventId").asText()).isEqualTo(event.eventId().toString());
  }

  @Test
  void eventsReadPolymorphicallyInsideOtherValues() throws Exception {
    Histories histories = new Histories(2);
    List<DossierEvent> events = histories.legalHistory(8);

    String json = mapper.writeValueAsString(Map.of("events", events));
    EventsHolder back = mapper.readValue(json, EventsHolder.class);

    assertThat(back.events()).isEqualTo(events);
  }

  record EventsHolder(List<DossierEvent> events) {}

  @Test
  void theModuleWorksOnTheIntegratorsOwnMapper() throws Exception {
    ObjectMapper own = new ObjectMapper().registerModule(MotcuaJson.module());
    Dossier dossier =
        DossierLifecycle.create().replay(new Histories(5).pathTo(DossierStatus.RETURNED));

    assertThat(own.readValue(own.writeValueAsString(dossier), Dossier.class)).isEqualTo(dossier);
  }

  @Test
  void readsInstantsWithAnyOffset() {
    DossierEvent event = new Histories(9).event(DossierEvent.Accepted.class);
    String json =
        MotcuaJson.write(event)
            .replace(
                event.occurredAt().toString(),
                event.occurredAt().atOffset(java.time.ZoneOffset.ofHours(7)).toString());

    assertThat(MotcuaJson.readEvent(json)).isEqualTo(event);
  }

  @Test
  void ignoresUnknownProperties() {
    DossierEvent event = new Histories(10).event(DossierEvent.Refused.class);
    String json =
        MotcuaJson.write(event)
            .replaceFirst("\\{", "{\"addedInVersion2\":{\"nested\":[1,2,{\"x\":null}]},");

    assertThat(MotcuaJson.readEvent(json)).isEqualTo(event);
  }

  @Test
  void mapperReturnsANewInstanceEachTime() {
    assertThat(MotcuaJson.mapper()).isNotSameAs(MotcuaJson.mapper());
  }
}
