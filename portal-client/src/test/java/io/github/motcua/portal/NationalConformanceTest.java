package io.github.motcua.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.testkit.NationalPortalFake;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Runs the client's requests for a set of dossiers through the conformance corpus's rules ({@code
 * conformance/national/rules.json}, written from public code), and the portal fake's acceptance and
 * replies against the corpus's examples.
 */
class NationalConformanceTest {

  private static final String DIR = "/conformance/national/";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);
  private static final String ACCOUNT = "3f9a2c1e-77aa-4b1e-9d0c-5e2b7c9a1d10";

  private static JsonNode corpus(String name) {
    try (InputStream in = NationalConformanceTest.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("No corpus file " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Checks a request body against the rules; returns what breaks them. */
  static List<String> violations(JsonNode rules, JsonNode body, String dstcode) {
    List<String> out = new ArrayList<>();
    if (dstcode == null || dstcode.isEmpty()) {
      out.add("dstcode header missing");
    }
    checkFields(rules.path("envelope"), body, "", out, rules, false);
    String service = body.path("service").asText();
    JsonNode params = rules.path("services").path(service).path("params");
    if (params.isMissingNode()) {
      out.add("unknown service " + service);
      return out;
    }
    checkFields(params, body, "", out, rules, false);
    return out;
  }

  private static void checkFields(
      JsonNode spec, JsonNode node, String path, List<String> out, JsonNode rules, boolean closed) {
    Iterator<Map.Entry<String, JsonNode>> fields = spec.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      JsonNode rule = f.getValue();
      JsonNode v = node.get(f.getKey());
      String where = path + f.getKey();
      if (v == null || v.isNull()) {
        if (rule.path("required").asBoolean()) {
          out.add(where + ": missing");
        }
        continue;
      }
      switch (rule.path("type").asText()) {
        case "string" -> {
          if (!v.isTextual()) {
            out.add(where + ": not a JSON string but " + v.getNodeType());
            continue;
          }
          String t = v.asText();
          if (rule.has("values")) {
            boolean ok = false;
            for (JsonNode allowed : rule.get("values")) {
              ok |= allowed.asText().equals(t);
            }
            if (!ok) {
              out.add(where + ": " + t + " is outside " + rule.get("values"));
            }
          }
          String format = rule.path("format").asText("");
          if (format.startsWith("yyyyMMddHHmmss") && !(format.endsWith("?") && t.isEmpty())) {
            try {
              LocalDateTime.parse(t, TIME);
            } catch (RuntimeException e) {
              out.add(where + ": " + t + " is not yyyyMMddHHmmss");
            }
          }
          if (format.equals("digits") && !t.matches("\\d+")) {
            out.add(where + ": not digits");
          }
          if (rule.path("required").asBoolean() && t.isBlank()) {
            out.add(where + ": empty");
          }
          JsonNode by = rule.path("patternBy");
          if (by.isObject()) {
            String key = node.path(by.path("field").asText()).asText();
            String pattern = by.path("patterns").path(key).asText("");
            if (!pattern.isEmpty() && !t.matches(pattern)) {
              out.add(where + ": does not match " + by.path("field").asText() + " " + key);
            }
          }
          if (rule.path("notAgencyCode").asBoolean() && AgencyCode.isValid(t)) {
            out.add(where + ": an agency code where the evidence has a name");
          }
        }
        case "int" -> {
          if (!v.isIntegralNumber()) {
            out.add(where + ": not a JSON integer");
          }
        }
        case "bool" -> {
          if (!v.isBoolean()) {
            out.add(where + ": not a JSON boolean");
          }
        }
        case "array" -> {
          if (!v.isArray()) {
            out.add(where + ": not an array");
            continue;
          }
          String items = rule.path("items").asText("");
          if (!items.isEmpty()) {
            for (int i = 0; i < v.size(); i++) {
              checkFields(
                  rules.path("items").path(items),
                  v.get(i),
                  where + "[" + i + "].",
                  out,
                  rules,
                  true);
            }
          }
        }
        default -> out.add(where + ": no rule type");
      }
    }
    if (closed) {
      // Every field sent in an element is one the evidence shows.
      node.fieldNames()
          .forEachRemaining(
              n -> {
                if (!spec.has(n)) {
                  out.add(path + n + ": not in the evidence");
                }
              });
    }
  }

  private static DossierEvent.Received counter(int n, Applicant applicant, SubmissionChannel c) {
    return new DossierEvent.Received(
        new UUID(23, n),
        Histories.code(n),
        Histories.T0,
        Histories.BIRTH,
        applicant,
        c,
        List.of(
            Histories.document("D1", true),
            Histories.document("D2", false)
                .withResultCode("KQ.001193")
                .withFromNationalStore(true)),
        List.of(Histories.fee()),
        false);
  }

  @Test
  void everyRequestTheClientSendsFollowsTheCorpus() throws Exception {
    JsonNode rules = corpus("rules.json");
    try (NationalPortalFake fake =
        NationalPortalFake.builder().account("038090001234", ACCOUNT).start()) {
      WireMockServer proxy = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
      proxy.start();
      try {
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(fake.baseUrl())));
        NationalPortalClient client =
            NationalPortalClient.builder()
                .adapterUrl(proxy.baseUrl())
                .credentials(fake.username(), fake.password())
                .unitCode(fake.unitCode())
                .agencyName("UBND xã Tân Hòa")
                .build();
        Applicant withAccount =
            Histories.applicant()
                .withNationalPortalAccountId(NationalPortalAccountId.parse(ACCOUNT));
        List<List<DossierEvent>> dossiers = new ArrayList<>();
        dossiers.add(new Histories(1).fullLifecycle(Histories.code(1)));
        dossiers.add(List.of(counter(2, Histories.applicant(), SubmissionChannel.COUNTER)));
        dossiers.add(List.of(counter(3, withAccount, SubmissionChannel.POSTAL)));
        dossiers.add(
            List.of(
                counter(
                    4,
                    Applicant.enterprise("Công ty TNHH Sen Vàng", TaxCode.parse("0109124451")),
                    SubmissionChannel.COUNTER)));
        for (List<DossierEvent> events : dossiers) {
          List<Dossier> snapshots = Histories.snapshots(events);
          for (int i = 0; i < events.size(); i++) {
            client.publish(events.get(i), snapshots.get(i));
          }
        }
        assertThat(client.lookUp(Histories.code(1))).isPresent();
        assertThat(client.lookUp(Histories.code(99))).isEmpty();
        assertThat(client.procedure(ProcedureCode.parse("1.001193"))).isPresent();
        assertThat(client.accountId(Histories.ID)).isPresent();

        List<String> problems = new ArrayList<>();
        List<String> services = new ArrayList<>();
        for (ServeEvent e : proxy.getAllServeEvents()) {
          if (e.getRequest().getUrl().endsWith("/login")) {
            continue;
          }
          JsonNode body = MAPPER.readTree(e.getRequest().getBodyAsString());
          services.add(body.path("service").asText());
          for (String p : violations(rules, body, e.getRequest().getHeader("dstcode"))) {
            problems.add(body.path("service").asText() + " " + p);
          }
        }
        assertThat(problems).isEmpty();
        assertThat(services)
            .contains(
                "DongBoHoSoMC",
                "CapNhatTienDoHoSoMC",
                "TraCuuHoSo",
                "LayThuTuc",
                "TraCuuTechID",
                "DongBoDanhGia");
      } finally {
        proxy.stop();
      }
    }
  }

  @Test
  void theCorpusExamplesFollowItsOwnRules() {
    JsonNode rules = corpus("rules.json");
    for (String name : EXAMPLES) {
      assertThat(violations(rules, corpus(name), "x")).as(name).isEmpty();
    }
  }

  private static final List<String> EXAMPLES =
      List.of(
          "DongBoHoSoMC.request.json",
          "CapNhatTienDoHoSoMC.request.json",
          "TraCuuHoSo.request.json",
          "LayThuTuc.request.json",
          "TraCuuTechID.request.json");

  private static final List<String> REFUSED =
      List.of(
          "DongBoHoSoMC.invalid-status-as-number.json",
          "DongBoHoSoMC.invalid-channel-out-of-set.json",
          "DongBoHoSoMC.invalid-return-form-out-of-set.json",
          "DongBoHoSoMC.invalid-agency-code-as-processing-unit.json",
          "DongBoHoSoMC.invalid-reuse-out-of-set.json",
          "DongBoHoSoMC.invalid-identifier-kind-mismatch.json",
          "CapNhatTienDoHoSoMC.invalid-status-contradicts-dossier.json",
          "TraCuuHoSo.invalid-parameter-name.json",
          "LayThuTuc.invalid-parameter-name.json");

  @Test
  void theFakeAcceptsTheExamplesRefusesTheInvalidOnesAndRepliesInTheirShape() throws Exception {
    JsonNode rules = corpus("rules.json");
    try (NationalPortalFake fake =
        NationalPortalFake.builder().account("038090001234", ACCOUNT).start()) {
      HttpClient http = HttpClient.newHttpClient();
      JsonNode login =
          send(
              http,
              fake.baseUrl() + NationalPortalFake.LOGIN_PATH,
              fake.unitCode(),
              "{\"username\":\""
                  + fake.username()
                  + "\",\"password\":\""
                  + fake.password()
                  + "\"}");
      String session = login.path("session").asText();
      Map<String, JsonNode> replies = new java.util.HashMap<>();
      for (String name : EXAMPLES) {
        JsonNode reply = call(http, fake, session, name);
        assertThat(reply.path("error_code").asText()).as(name + " " + reply).isEqualTo("0");
        replies.put(name, reply);
      }
      for (String name : REFUSED) {
        JsonNode body = corpus(name);
        if (!name.contains("contradicts")) { // a rule across two calls, which the fake holds
          assertThat(violations(rules, body, "x"))
              .as("the corpus's rules refuse " + name)
              .isNotEmpty();
        }
        JsonNode reply = call(http, fake, session, name);
        assertThat(reply.path("error_code").asText()).as(name + " " + reply).isNotEqualTo("0");
      }
      // A create of an existing dossier: the reply public code turns into an update.
      JsonNode again = call(http, fake, session, "DongBoHoSoMC.request.json");
      JsonNode expected = corpus("DongBoHoSoMC.reply-already-exists.json");
      assertThat(again.path("error_code").asText()).isEqualTo(expected.path("error_code").asText());
      assertThat(again.path("message").asText()).contains("đã tồn tại");
      // Look-ups: result is an array, in the names public code reads.
      JsonNode known = replies.get("TraCuuHoSo.request.json").path("result");
      assertThat(known.isArray()).isTrue();
      assertThat(known.get(0).path("MaHoSo").asText())
          .isEqualTo(
              corpus("TraCuuHoSo.reply-known.json").path("result").get(0).path("MaHoSo").asText());
      assertThat(known.get(0).path("QuaTrinhXuLy")).hasSize(1);
      JsonNode procedure = replies.get("LayThuTuc.request.json").path("result").get(0);
      JsonNode expectedProcedure = corpus("LayThuTuc.reply.json").path("result").get(0);
      assertThat(procedure.path("TENTTHC")).isEqualTo(expectedProcedure.path("TENTTHC"));
      assertThat(procedure.path("LINHVUCTHUCHIEN").get(0).path("MALINHVUC"))
          .isEqualTo(expectedProcedure.path("LINHVUCTHUCHIEN").get(0).path("MALINHVUC"));
      assertThat(replies.get("TraCuuTechID.request.json").path("result").get(0).path("TECHNICALID"))
          .isEqualTo(corpus("TraCuuTechID.reply.json").path("result").get(0).path("TECHNICALID"));
      String unknown =
          corpus("TraCuuHoSo.request.json")
              .toString()
              .replace("${session}", session)
              .replace("${unit}", fake.unitCode())
              .replace("250815-0901", "250815-0999");
      JsonNode none =
          send(http, fake.baseUrl() + NationalPortalFake.SERVICE_PATH, fake.unitCode(), unknown);
      assertThat(none.path("result"))
          .isEqualTo(corpus("TraCuuHoSo.reply-unknown.json").path("result"));
    }
  }

  private static JsonNode call(
      HttpClient http, NationalPortalFake fake, String session, String name) throws Exception {
    String body =
        corpus(name).toString().replace("${session}", session).replace("${unit}", fake.unitCode());
    return send(http, fake.baseUrl() + NationalPortalFake.SERVICE_PATH, fake.unitCode(), body);
  }

  private static JsonNode send(HttpClient http, String url, String dstcode, String body)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .header("dstcode", dstcode)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return MAPPER.readTree(r.body());
  }
}
