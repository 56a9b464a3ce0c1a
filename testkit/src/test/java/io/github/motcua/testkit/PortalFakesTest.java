package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fakes refuse what a real portal would refuse, speaking only HTTP. */
class PortalFakesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static NationalPortalFake national;
  private static ProvincialPortalFake provincial;

  @BeforeAll
  static void start() {
    national = NationalPortalFake.start();
    provincial = ProvincialPortalFake.start();
  }

  @AfterAll
  static void stop() {
    national.close();
    provincial.close();
  }

  private static JsonNode post(String url, String body, String dstcode) throws Exception {
    HttpRequest.Builder r =
        HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body));
    if (dstcode != null) {
      r.header("dstcode", dstcode);
    }
    return JSON.readTree(HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString()).body());
  }

  private static String session() throws Exception {
    return post(
            national.baseUrl() + NationalPortalFake.LOGIN_PATH,
            "{\"username\":\"motcua-adapter\",\"password\":\"motcua-secret\"}",
            national.unitCode())
        .path("session")
        .asText();
  }

  private static int call(String service, String extra) throws Exception {
    String body =
        "{\"session\":\""
            + session()
            + "\",\"madonvi\":\""
            + national.unitCode()
            + "\",\"service\":\""
            + service
            + "\""
            + extra
            + "}";
    return post(national.baseUrl() + NationalPortalFake.SERVICE_PATH, body, national.unitCode())
        .path("error_code")
        .asInt();
  }

  private static String record(String field, String value) {
    String base =
        "{\"MaHoSo\":\"000.00.31.H56-250815-0001\",\"MaTTHC\":\"1.001193\",\"TenTTHC\":\"X\","
            + "\"ChuHoSo\":\"A\",\"LoaiDoiTuong\":\"1\",\"NgayTiepNhan\":\"20250815083000\","
            + "\"TrangThaiHoSo\":\"1\",\"HinhThuc\":\"0\",\"DonViXuLy\":\"UBND xã Tân Hòa\"}";
    ObjectNodeEditor e = new ObjectNodeEditor(base);
    return e.set(field, value);
  }

  /** Replaces one field of a JSON object (or removes it when the value is null). */
  private record ObjectNodeEditor(String json) {
    String set(String field, String value) {
      try {
        com.fasterxml.jackson.databind.node.ObjectNode n =
            (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(json);
        if (value == null) {
          n.remove(field);
        } else {
          n.set(field, JSON.readTree(value));
        }
        return n.toString();
      } catch (Exception ex) {
        throw new IllegalStateException(ex);
      }
    }
  }

  @Test
  void loginWithAnotherUnitIsRefused() throws Exception {
    JsonNode reply =
        post(
            national.baseUrl() + NationalPortalFake.LOGIN_PATH,
            "{\"username\":\"motcua-adapter\",\"password\":\"motcua-secret\"}",
            "000.00.99.H56");
    assertThat(reply.path("error_code").asInt()).isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[]", "null", "{\"session\":1}", "{\"session\":\"forged\"}"})
  void hostileBodiesGetAnErrorCodeNotACrash(String body) throws Exception {
    JsonNode reply = post(national.baseUrl() + NationalPortalFake.SERVICE_PATH, body, null);
    assertThat(reply.path("error_code").asInt()).isIn(401, 1002);
  }

  @Test
  void unknownServiceIsRefused() throws Exception {
    assertThat(call("XoaHoSo", "")).isEqualTo(1007);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MaHoSo=null",
        "MaHoSo=\"000.00.31.H57-250815-0001\"",
        "MaHoSo=\"not-a-code\"",
        "MaTTHC=\"1.1\"",
        "LoaiDoiTuong=5",
        "TrangThaiHoSo=11",
        "TrangThaiHoSo=\"x\"",
        "NgayTiepNhan=\"2025-08-15\"",
        "NgayTiepNhan=\"20251315083000\"",
        "DinhDanhCHS=[{\"LoaiDinhDanh\":1,\"SoDinhDanh\":\"123\"}]",
        "DanhSachLePhi=[{\"LoaiPhiLePhi\":1,\"HinhThucThu\":3,\"Gia\":1,\"TenPhiLePhi\":\"a\"}]",
        "TaiLieuNop=\"x\"",
        "HoSoCoThanhPhanSoHoa=2",
        "TrangThaiHoSo=4",
        "KenhThucHien=\"0\"",
        "HinhThuc=\"2\"",
        "HinhThuc=null",
        "DonViXuLy=\"000.00.31.H56\"",
        "DonViXuLy=null",
        "TaiLieuNop=[{\"TenTepDinhKem\":\"a\",\"DuocTaiSuDung\":\"2\"}]",
        "DanhSachHoSoBoSung=[{\"HoSoBoSungId\":\"1\",\"NoiDungBoSung\":\"a\"}]"
      })
  void invalidRecordsAreRefusedAndNotStored(String change) throws Exception {
    int eq = change.indexOf('=');
    String field = change.substring(0, eq);
    String value = change.substring(eq + 1);
    String data = record(field, value.equals("null") ? null : value);
    int code = call("DongBoHoSoMC", ",\"isUpdating\":false,\"data\":[" + data + "]");
    assertThat(code).isIn(1001, 1002, 1004);
    assertThat(national.dossiers()).isEmpty();
  }

  @Test
  void createTwiceAnswersAlreadyExistsAndIllegalJumpsAreRefused() throws Exception {
    String data = record("GhiChu", "\"a\"").replace("0001", "0002");
    assertThat(call("DongBoHoSoMC", ",\"isUpdating\":false,\"data\":[" + data + "]")).isZero();
    assertThat(call("DongBoHoSoMC", ",\"isUpdating\":false,\"data\":[" + data + "]")).isEqualTo(-3);
    String returned = data.replace("\"TrangThaiHoSo\":\"1\"", "\"TrangThaiHoSo\":\"10\"");
    assertThat(call("DongBoHoSoMC", ",\"isUpdating\":true,\"data\":[" + returned + "]"))
        .isEqualTo(1003);
    assertThat(national.dossier("000.00.31.H56-250815-0002").orElseThrow().history()).hasSize(1);
    national.reset();
  }

  @Test
  void provincialFakeRefusesMissingAndUnknownTokens() throws Exception {
    HttpResponse<String> noToken =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(provincial.baseUrl() + "/api/v1/dossiers/000.00.31.H56-250815-0001"))
                .PUT(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(401);
    HttpResponse<String> badClient =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(provincial.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=x&client_secret=y"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badClient.statusCode()).isEqualTo(401);
    assertThat(provincial.issuedTokenCount()).isZero();
  }

  @Test
  void aWrongPathOrMethodIsToldWhatTheFakeServes() throws Exception {
    HttpResponse<String> get = send("GET", national.baseUrl() + NationalPortalFake.LOGIN_PATH);
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(JSON.readTree(get.body()).path("message").asText())
        .isEqualTo("/api/adapter/login takes POST, not GET.");

    HttpResponse<String> unknown =
        send("POST", national.baseUrl() + "/api/adapter/sync?key=s3cr3t-value");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(unknown.body()).path("message").asText())
        .isEqualTo(
            "No such resource: POST /api/adapter/sync. This fake serves POST /api/adapter/login"
                + " and POST /api/adapter/service.");

    HttpResponse<String> provincialReply = send("GET", provincial.baseUrl() + "/api/v2/hoso");
    assertThat(provincialReply.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(provincialReply.body()).path("message").asText())
        .startsWith("No such resource: GET /api/v2/hoso. This fake serves POST /oauth2/token,")
        .contains("PUT /api/v1/dossiers/{code}/steps/{step}");

    try (PaymentPlatformFake payments = PaymentPlatformFake.start()) {
      HttpResponse<String> payment = send("GET", payments.baseUrl() + "/api/thanhtoan/?x=1");
      assertThat(payment.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(payment.body()).path("message").asText())
          .isEqualTo(
              "No such resource: GET /api/thanhtoan/. This fake serves POST"
                  + " /api/thanhtoan/khoitao, POST /api/thanhtoan/truyvan, POST"
                  + " /api/thanhtoan/bienlai.");
    }
  }

  private static HttpResponse<String> send(String method, String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.ofString(method.equals("GET") ? "" : "{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
