package io.github.motcua.portal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.testkit.TaxAuthorityFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile requests to the tax authority fake: each refused with a code, nothing stored. */
class TaxAuthorityFakeHostileTest {

  private final TaxAuthorityFake fake = TaxAuthorityFake.start();
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper mapper = new ObjectMapper();

  @AfterEach
  void stop() {
    fake.close();
  }

  private HttpResponse<String> post(String path, String type, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private ObjectNode receipt(String form, String symbol, String number, String document) {
    ObjectNode n = mapper.createObjectNode();
    n.put("taxCode", "0100233488");
    n.put("formSymbol", form);
    n.put("receiptSymbol", symbol);
    n.put("number", number);
    n.put("kind", "ISSUED");
    n.put("issuedAt", "2026-08-17T09:00:00+07:00");
    n.put("document", document);
    return n;
  }

  private static String b64(String xml) {
    return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"not json|BL103", "[]|BL103", "{}|BL103", "{\"taxCode\":{\"a\":1}}|BL103"})
  void malformedBodiesAreRefused(String body, String code) throws Exception {
    HttpResponse<String> r = post(TaxAuthorityFake.RECEIPTS_PATH, "application/json", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(mapper.readTree(r.body()).path("code").asText()).isEqualTo(code);
    assertThat(fake.acceptedCount()).isZero();
  }

  @Test
  void hostileDocumentsAreRefused() throws Exception {
    String doctype =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<EReceipt>&x;</EReceipt>";
    String unsigned =
        "<EReceipt><ReceiptData Id=\"data\"><GeneralInfo><FormSymbol>EBL01</FormSymbol>"
            + "<SeriesSymbol>26TAB</SeriesSymbol><Number>1</Number>"
            + "<IssuedAt>2026-08-17T09:00:00+07:00</IssuedAt></GeneralInfo><Content>"
            + "<CollectingUnit><TaxCode>0100233488</TaxCode></CollectingUnit></Content>"
            + "</ReceiptData></EReceipt>";
    String[][] cases = {
      {receipt("EBL01", "26TAB", "1", "***").toString(), "BL103"},
      {receipt("EBL01", "26TAB", "1", b64(doctype)).toString(), "BL103"},
      {receipt("EBL01", "26TAB", "1", b64(unsigned)).toString(), "BL104"},
      {receipt("EBL01", "26TAB", "2", b64(unsigned)).toString(), "BL103"},
      {receipt("EBL01", "26TAB", "123456789", b64(unsigned)).toString(), "BL102"},
      {receipt("EBL01", "26TAB", "0", b64(unsigned)).toString(), "BL102"},
    };
    for (String[] c : cases) {
      HttpResponse<String> r = post(TaxAuthorityFake.RECEIPTS_PATH, "application/json", c[0]);
      assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
      assertThat(mapper.readTree(r.body()).path("code").asText()).as(c[0]).isEqualTo(c[1]);
    }
    String oldSymbols = unsigned.replace("EBL01", "01BLP0-001").replace("26TAB", "AB/26E");
    HttpResponse<String> r =
        post(
            TaxAuthorityFake.RECEIPTS_PATH,
            "application/json",
            receipt("01BLP0-001", "AB/26E", "1", b64(oldSymbols)).toString());
    assertThat(mapper.readTree(r.body()).path("code").asText()).isEqualTo("BL101");
    HttpResponse<String> xml = post(TaxAuthorityFake.RECEIPTS_PATH, "application/xml", unsigned);
    assertThat(mapper.readTree(xml.body()).path("code").asText()).isEqualTo("BL103");
    assertThat(fake.acceptedCount()).isZero();
    assertThat(post("/api/v1/other", "application/json", "{}").statusCode()).isEqualTo(404);
  }
}
