package io.github.motcua.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Histories;
import io.github.motcua.core.dossier.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A property name repeated in one object is refused, at every level of a dossier document: with
 * "last wins" two readers of the same text could see two different applicants.
 */
class DuplicateKeyTest {

  private static final String MARKER = "\"zz-duplicate-marker\":0";

  private final ObjectMapper mapper = MotcuaJson.mapper();
  private final Histories histories = new Histories(17);

  /** Every object in a tree, with its JSON path. */
  private static void objects(JsonNode node, String path, Map<String, ObjectNode> out) {
    if (node.isObject()) {
      out.put(path, (ObjectNode) node);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        objects(field.getValue(), path + "." + field.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        objects(node.get(i), path + "[" + i + "]", out);
      }
    }
  }

  /** The document's text with the first property of the object at {@code path} written twice. */
  private String duplicatingFirstPropertyAt(JsonNode document, String path) throws Exception {
    JsonNode copy = document.deepCopy();
    Map<String, ObjectNode> all = new java.util.LinkedHashMap<>();
    objects(copy, "$", all);
    ObjectNode target = all.get(path);
    Map.Entry<String, JsonNode> first = target.fields().next();
    target.put("zz-duplicate-marker", 0);
    String again = mapper.writeValueAsString(first.getKey()) + ":" + first.getValue().toString();
    String text = copy.toString();
    assertThat(text).contains(MARKER);
    return text.replace(MARKER, again);
  }

  @Test
  void aDuplicateAtEveryLevelOfADossierSnapshotIsRefusedWithItsPath() throws Exception {
    Dossier dossier = DossierLifecycle.create().replay(histories.pathTo(DossierStatus.RETURNED));
    JsonNode document = mapper.readTree(MotcuaJson.write(dossier));
    Map<String, ObjectNode> all = new java.util.LinkedHashMap<>();
    objects(document, "$", all);
    // Objects at every level the snapshot has: the root, its parts, their parts, list elements.
    assertThat(all.keySet())
        .contains("$", "$.procedure", "$.applicant.contact", "$.results[0]", "$.history[0]");

    List<String> refused = new ArrayList<>();
    for (Map.Entry<String, ObjectNode> object : all.entrySet()) {
      String path = object.getKey();
      String name = object.getValue().fieldNames().next();
      String text = duplicatingFirstPropertyAt(document, path);

      assertThatThrownBy(() -> MotcuaJson.readDossier(text))
          .as("duplicate in %s", path)
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.violations())
                      .extracting(Violation::path, Violation::code)
                      .containsExactly(tuple(path + "." + name, "duplicate-key")));
      refused.add(path);
    }
    assertThat(refused).hasSize(all.size());
  }

  @Test
  void twoDifferentApplicantsInOneEventAreRefused() throws Exception {
    ObjectNode event =
        (ObjectNode)
            mapper.readTree(MotcuaJson.write(histories.event(DossierEvent.Submitted.class)));
    String applicant = event.get("applicant").toString();
    String other = applicant.replaceFirst("\"name\":\"[^\"]*\"", "\"name\":\"Someone Else\"");
    String text =
        event
            .toString()
            .replace(
                "\"applicant\":" + applicant,
                "\"applicant\":" + applicant + ",\"applicant\":" + other);

    assertThatThrownBy(() -> MotcuaJson.readEvent(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.violations())
                  .extracting(Violation::path, Violation::code)
                  .containsExactly(tuple("$.applicant", "duplicate-key"));
              assertThat(e.getMessage()).doesNotContain("Someone Else");
            });
  }

  @Test
  void everyDuplicateIsReportedAndTheLaterValueIsNotRead() {
    String text =
        "{\"type\":\"Refused\",\"type\":\"Accepted\",\"reason\":\"a\","
            + "\"extra\":{\"a\":1,\"b\":[{\"c\":1,\"c\":{\"d\":1}}],\"a\":{\"x\":1,\"x\":2}}}";

    assertThatThrownBy(() -> MotcuaJson.readEvent(text))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::code)
                    // The second "a" is skipped whole, so its own duplicate "x" is not read.
                    .containsExactly(
                        tuple("$.type", "duplicate-key"),
                        tuple("$.extra.b[0].c", "duplicate-key"),
                        tuple("$.extra.a", "duplicate-key")));
  }

  @Test
  void duplicatesAreRefusedOnTheIntegratorsOwnMapperToo() {
    ObjectMapper own = new ObjectMapper().registerModule(MotcuaJson.module());
    String accepted = MotcuaJson.write(histories.event(DossierEvent.Accepted.class));
    String twice =
        accepted.replaceFirst("\\{", "{\"eventId\":\"3f1c2a9e-0b7d-4c55-9a51-000000000099\",");

    assertThatThrownBy(
            () ->
                own.readValue(
                    "{\"events\":[" + accepted + "," + twice + "]}",
                    MotcuaJsonTest.EventsHolder.class))
        .hasRootCauseInstanceOf(InvalidInputException.class)
        .rootCause()
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).violations())
                    .extracting(Violation::path, Violation::code)
                    .containsExactly(tuple("$.events[1].eventId", "duplicate-key")));
  }

  @Test
  void textAfterTheDocumentIsRefused() {
    String accepted = MotcuaJson.write(histories.event(DossierEvent.Accepted.class));

    assertThatThrownBy(() -> MotcuaJson.readEvent(accepted + " {\"type\":\"Refused\"}"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::code).containsExactly("syntax"));
  }

  @Test
  void equalValuesUnderDifferentNamesAndEqualNamesInDifferentObjectsAreFine() {
    Dossier dossier = DossierLifecycle.create().replay(histories.pathTo(DossierStatus.RETURNED));

    // "documents" appears at the top and in each supplement, "name" in many objects.
    assertThat(MotcuaJson.readDossier(MotcuaJson.write(dossier))).isEqualTo(dossier);
  }
}
