package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The payment fake checks orders as public code builds them, with requests written here by hand
 * (not by motcua's client): the recipe of DvcPaymentService.cs and the content of
 * InitDvcPaymentRequest.cs.
 */
class PaymentPlatformFakeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final List<String> SIGNED =
      List.of(
          "LoaiBanTin",
          "PhienBan",
          "MaDoiTac",
          "MaThamChieu",
          "SoTien",
          "LoaiHinhThanhToan",
          "MaKenhThanhToan",
          "MaThietBi",
          "NgonNgu",
          "MaTienTe",
          "MaNganHang",
          "ThongTinGiaoDich",
          "ThoiGianGD",
          "Ip");
  private PaymentPlatformFake fake;

  @BeforeEach
  void start() {
    fake =
        PaymentPlatformFake.builder()
            .clock(Clock.fixed(Instant.parse("2025-08-15T02:30:12Z"), ZoneOffset.UTC))
            .start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private ObjectNode order() {
    ObjectNode o = JSON.createObjectNode();
    o.put("LoaiBanTin", "INIT");
    o.put("PhienBan", "1.0.6");
    o.put("MaDoiTac", fake.partnerCode());
    o.put("MaThamChieu", "dvcH56250815000120250815");
    o.put("SoTien", "58000");
    o.put("LoaiHinhThanhToan", "PAY");
    o.put("MaKenhThanhToan", "1");
    o.put("MaThietBi", "1");
    o.put("NgonNgu", "vi-VN");
    o.put("MaTienTe", "VND");
    o.put("MaNganHang", "PAYMENT");
    o.put("ThongTinGiaoDich", "THANH TOAN HO SO 000.00.31.H56-250815-0001");
    o.put("ThoiGianGD", "20250815093012");
    o.put("Ip", "10.0.0.5");
    ObjectNode r = o.putObject("ThongTinBienLai");
    for (String f :
        List.of(
            "MaDVC",
            "TenDVC",
            "MaTTHC",
            "TenTTHC",
            "MaDonVi",
            "TenDonVi",
            "TKThuHuong",
            "MaNHThuHuong",
            "TenTKThuHuong",
            "SoCMNDNguoiNop",
            "DiaChiNguoiNop")) {
      r.put(f, "");
    }
    r.put("MaDichVu", "2");
    r.put("MaHoSo", "000.00.31.H56-250815-0001");
    r.put("NoiDungThanhToan", "THANH TOAN HO SO");
    r.put("HoTenNguoiNop", "Nguyen Van An");
    r.putArray("PhiLePhi")
        .addObject()
        .put("LoaiPhiLePhi", "Phi")
        .put("MaPhiLePhi", "1.001193.01")
        .put("TenPhiLePhi", "THANH TOAN HO SO")
        .put("SoTien", "58000");
    r.putArray("DSKhoanNop").addObject().put("NoiDung", "THANH TOAN HO SO").put("SoTien", "58000");
    return o;
  }

  private ObjectNode signed(ObjectNode o) throws Exception {
    StringBuilder text = new StringBuilder();
    for (String f : SIGNED) {
      text.append(o.path(f).asText()).append('|');
    }
    text.append(fake.secretKey());
    o.put(
        "MaXacThuc",
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8))));
    return o;
  }

  private JsonNode post(ObjectNode body) throws Exception {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(fake.baseUrl() + PaymentPlatformFake.INITIATE_PATH))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(r.body());
  }

  private String codeAfter(Consumer<ObjectNode> change, boolean signAfter) throws Exception {
    ObjectNode o = order();
    if (signAfter) {
      change.accept(o);
      signed(o);
    } else {
      signed(o);
      change.accept(o);
    }
    return post(o).path("MaLoi").asText();
  }

  @Test
  void anOrderAsPublicCodeBuildsItIsAccepted() throws Exception {
    JsonNode reply = post(signed(order()));
    assertThat(reply.path("MaLoi").asText()).isEqualTo("00");
    assertThat(reply.path("UrlThanhToan").asText()).startsWith(fake.baseUrl());
    assertThat(fake.order("dvcH56250815000120250815")).isPresent();
  }

  @Test
  void whatThePlatformChecksIsRefused() throws Exception {
    // ThongTinBienLai is not covered by the checksum: changing it keeps the checksum valid.
    assertThat(codeAfter(o -> ((ObjectNode) o.get("ThongTinBienLai")).put("TenDonVi", "X"), false))
        .isEqualTo("00");
    assertThat(codeAfter(o -> o.put("SoTien", "58001"), false)).isEqualTo("01");
    assertThat(codeAfter(o -> o.put("MaDoiTac", "other"), true)).isEqualTo("02");
    assertThat(codeAfter(o -> o.put("PhienBan", "1.0.0"), true)).isEqualTo("07");
    assertThat(codeAfter(o -> o.put("LoaiBanTin", "1"), true)).isEqualTo("07");
    assertThat(codeAfter(o -> o.put("ThongTinBienLai", o.get("ThongTinBienLai").toString()), true))
        .isEqualTo("07");
    assertThat(codeAfter(o -> o.put("ThoiGianGD", "20251315093012"), true)).isEqualTo("07");
    assertThat(codeAfter(o -> o.put("Ip", ""), true)).isEqualTo("07");
    assertThat(
            codeAfter(
                o ->
                    ((ObjectNode) o.get("ThongTinBienLai").get("DSKhoanNop").get(0))
                        .put("SoTien", "1"),
                true))
        .isEqualTo("07");
    assertThat(codeAfter(o -> ((ObjectNode) o.get("ThongTinBienLai")).remove("PhiLePhi"), true))
        .isEqualTo("07");
  }

  @Test
  void callbackFaultsDropRepeatAndHoldCallbacks() throws Exception {
    post(signed(order()));
    fake.callbackFault(PaymentPlatformFake.CallbackFault.DUPLICATE, 1);
    assertThat(fake.payAndNotify("dvcH56250815000120250815")).hasSize(2);
    assertThat(fake.callbackFaults(PaymentPlatformFake.CallbackFault.DUPLICATE)).isEqualTo(1);
    fake.reset();
    ObjectNode o = order();
    o.put("MaThamChieu", "dvcH56250815000220250815");
    post(signed(o));
    fake.callbackFault(PaymentPlatformFake.CallbackFault.AFTER_EXPIRY, 1);
    assertThat(fake.payAndNotify("dvcH56250815000220250815")).isEmpty();
    assertThat(fake.order("dvcH56250815000220250815").orElseThrow().paid()).isFalse();
    assertThat(fake.releaseHeldCallbacks()).singleElement();
    assertThat(fake.order("dvcH56250815000220250815").orElseThrow().paid()).isTrue();
  }
}
