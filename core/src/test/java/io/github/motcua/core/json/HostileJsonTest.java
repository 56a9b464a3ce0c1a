package io.github.motcua.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Histories;
import io.github.motcua.core.dossier.Violation;
import io.github.motcua.core.id.PersonalId;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON: every failure is an {@link InvalidInputException} with a path and a rule, never a
 * NullPointerException or a StackOverflowError.
 */
class HostileJsonTest {

  private final ObjectMapper mapper = MotcuaJson.mapper();
  private final Histories histories = new Histories(11);

  private ObjectNode submitted() throws Exception {
    return (ObjectNode)
        mapper.readTree(MotcuaJson.write(histories.event(DossierEvent.Submitted.class)));
  }

  private static void rejects(ThrowingCallable read, Consumer<List<Violation>> violations) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("json.invalid");
              violations.accept(e.violations());
            });
  }

  @Test
  void reportsEveryMissingRequiredPropertyWithItsPath() {
    rejects(
        () -> MotcuaJson.readEvent("{\"type\":\"Submitted\",\"applicant\":{\"kind\":\"CITIZEN\"}}"),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(
                    tuple("$.eventId", "required"),
                    tuple("$.dossierCode", "required"),
                    tuple("$.occurredAt", "required"),
                    tuple("$.procedure", "required"),
                    tuple("$.applicant.name", "required"),
                    tuple("$.applicant.personalId", "required"),
                    tuple("$.channel", "required"),
                    tuple("$.identityVerified", "required"),
                    tuple("$.documents", "required"),
                    tuple("$.fees", "required")));
  }

  @Test
  void reportsWrongTypesWithTheirPaths() throws Exception {
    ObjectNode json = submitted();
    json.put("identityVerified", "yes");
    json.put("documents", "none");
    json.put("channel", 3);
    ((ObjectNode) json.get("procedure")).put("name", 42);
    json.putArray("fees").addObject().put("amount", 1.5);

    rejects(
        () -> MotcuaJson.readEvent(json.toString()),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .contains(
                    tuple("$.identityVerified", "type"),
                    tuple("$.documents", "type"),
                    tuple("$.channel", "type"),
                    tuple("$.procedure.name", "type"),
                    tuple("$.fees[0].amount", "type"),
                    tuple("$.fees[0].kind", "required")));
  }

  @Test
  void reportsAnUnknownEventType() {
    rejects(
        () -> MotcuaJson.readEvent("{\"type\":\"Exploded\"}"),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$.type", "unknown-type")));
  }

  @Test
  void reportsAMissingType() {
    rejects(
        () -> MotcuaJson.readEvent("{\"eventId\":\"x\"}"),
        v -> assertThat(v).extracting(Violation::path).containsExactly("$.type"));
  }

  @Test
  void reportsInvalidIdentifiersWithTheirRule() throws Exception {
    ObjectNode json = submitted();
    json.put("dossierCode", "not-a-code");
    ((ObjectNode) json.get("applicant")).put("kind", "CITIZEN").put("personalId", "0382030012");

    rejects(
        () -> MotcuaJson.readEvent(json.toString()),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .contains(
                    tuple("$.dossierCode", "agency-code.level-format"),
                    tuple("$.applicant.personalId", "personal-id.length")));
  }

  @Test
  void messagesNeverContainTheRejectedPersonalId() throws Exception {
    ObjectNode json = submitted();
    ((ObjectNode) json.get("applicant")).put("personalId", "038903001234");

    assertThatThrownBy(() -> MotcuaJson.readEvent(json.toString()))
        .isInstanceOf(InvalidInputException.class)
        .message()
        .doesNotContain("038903001234");
  }

  @Test
  void reportsNumbersOutOfRange() throws Exception {
    ObjectNode json = submitted();
    json.putArray("documents")
        .add(mapper.readTree(MotcuaJson.write(histories.documents(1).get(0))));
    String text =
        json.toString()
            .replaceFirst("\"sizeBytes\":\\d+", "\"sizeBytes\":123456789012345678901234567890");

    rejects(
        () -> MotcuaJson.readEvent(text),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$.documents[0].sizeBytes", "range")));
  }

  @Test
  void reportsAVersionBeyondAnInt() throws Exception {
    Dossier dossier = DossierLifecycle.create().replay(histories.pathTo(DossierStatus.ACCEPTED));
    ObjectNode json = (ObjectNode) mapper.readTree(MotcuaJson.write(dossier));
    json.put("version", 1L << 40);

    rejects(
        () -> MotcuaJson.readDossier(json.toString()),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$.version", "range")));
  }

  @Test
  void reportsNumbersWithTooManyDigits() {
    String digits = "9".repeat(MotcuaJson.MAX_NUMBER_LENGTH + 1);
    rejects(
        () -> MotcuaJson.readEvent("{\"type\":\"Accepted\",\"x\":" + digits + "}"),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$.x", "range")));
  }

  @Test
  void reportsAHugeString() {
    String huge = "a".repeat(MotcuaJson.MAX_STRING_LENGTH + 1);
    rejects(
        () -> MotcuaJson.readEvent("{\"type\":\"Refused\",\"reason\":\"" + huge + "\"}"),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$.reason", "too-long")));
  }

  @Test
  void reportsAStringLongerThanItsField() throws Exception {
    DossierEvent refused = histories.event(DossierEvent.Refused.class);
    ObjectNode json = (ObjectNode) mapper.readTree(MotcuaJson.write(refused));
    json.put("reason", "x".repeat(100_000));

    rejects(
        () -> MotcuaJson.readEvent(json.toString()),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$.reason", "too-long")));
  }

  @Test
  void reportsDeepNesting() {
    int depth = 100_000;
    String deep = "[".repeat(depth) + "]".repeat(depth);
    rejects(
        () -> MotcuaJson.readEvent("{\"type\":\"Accepted\",\"extra\":" + deep + "}"),
        v -> {
          assertThat(v).extracting(Violation::code).containsExactly("too-deep");
          assertThat(v.get(0).path()).startsWith("$.extra[0]").hasSizeLessThan(310);
        });
  }

  @Test
  void deepNestingIsSafeEvenOnAMapperWithoutANestingLimit() {
    ObjectMapper lenient = new ObjectMapper().registerModule(MotcuaJson.module());
    lenient
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(Integer.MAX_VALUE).build());
    int depth = 200_000;
    String deep = "{\"type\":\"Accepted\",\"extra\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

    // The tree is read without recursion; the event itself then lacks its required properties.
    assertThatThrownBy(() -> lenient.readValue(deep, DossierEvent.class))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.violations()).extracting(Violation::path).contains("$.eventId"));
  }

  @Test
  void reportsMalformedJson() {
    rejects(
        () -> MotcuaJson.readEvent("{\"type\":\"Accepted\","),
        v -> assertThat(v).extracting(Violation::code).containsExactly("syntax"));
    rejects(
        () -> MotcuaJson.readEvent(""),
        v -> assertThat(v).extracting(Violation::code).containsExactly("syntax"));
  }

  @Test
  void reportsNullAndNonObjectDocuments() {
    rejects(
        () -> MotcuaJson.readEvent("null"),
        v -> assertThat(v).extracting(Violation::code).containsExactly("required"));
    rejects(
        () -> MotcuaJson.readDossier("[1,2]"),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$", "type")));
    rejects(
        () -> MotcuaJson.readEvent("\"Submitted\""),
        v -> assertThat(v).extracting(Violation::code).containsExactly("type"));
  }

  @Test
  void reportsModelRulesWithJsonPaths() throws Exception {
    Dossier dossier = DossierLifecycle.create().replay(histories.pathTo(DossierStatus.RETURNED));
    ObjectNode json = (ObjectNode) mapper.readTree(MotcuaJson.write(dossier));
    json.put("status", "SUBMITTED");
    json.put("version", 7);
    ((ObjectNode) json.get("applicant")).put("name", " ");

    rejects(
        () -> MotcuaJson.readDossier(json.toString()),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .contains(
                    tuple("$.applicant.name", "blank"),
                    tuple("$.version", "inconsistent"),
                    tuple("$.acceptedAt", "inconsistent"),
                    tuple("$.completedAt", "inconsistent"),
                    tuple("$.returnedAt", "inconsistent")));
  }

  @Test
  void reportsPathsInsideTheIntegratorsOwnDocuments() throws Exception {
    String bad =
        "{\"events\":["
            + MotcuaJson.write(histories.event(DossierEvent.Accepted.class))
            + ",{\"type\":\"Accepted\",\"eventId\":\"nope\"}]}";

    assertThatThrownBy(() -> mapper.readValue(bad, MotcuaJsonTest.EventsHolder.class))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path)
                    .contains("$.events[1].eventId", "$.events[1].dossierCode"));
  }

  @Test
  void aRequestedEventTypeMustMatch() {
    String accepted = MotcuaJson.write(histories.event(DossierEvent.Accepted.class));

    rejects(
        () -> mapper.readValue(accepted, DossierEvent.Refused.class),
        v -> assertThat(v).extracting(Violation::path).containsExactly("$.type"));
  }

  @Test
  void anInvalidStandaloneIdentifierIsTyped() {
    rejects(
        () -> mapper.readValue("\"12345\"", PersonalId.class),
        v ->
            assertThat(v)
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("$", "personal-id.length")));
    rejects(
        () -> mapper.readValue("12", PersonalId.class),
        v -> assertThat(v).extracting(Violation::code).containsExactly("type"));
  }
}
