package io.github.motcua.portal.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.money.Vnd;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An order sent to a server that only records what it receives: every field and constant as public
 * code sends them (docs/domain.md §8), {@code ThongTinBienLai} an object.
 */
class PaymentOrderCaptureTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-08-15T02:30:12Z"), ZoneOffset.UTC);
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          paths.add(exchange.getRequestURI().getPath());
          bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] reply =
              "{\"MaLoi\":\"00\",\"UrlThanhToan\":\"https://pay.example/x\"}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, reply.length);
          exchange.getResponseBody().write(reply);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void everyFieldAndConstantIsAsPublicCodeSendsIt() throws IOException {
    PaymentPlatformClient client =
        PaymentPlatformClient.builder()
            .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
            .partnerCode("000.00.31.H56")
            .secretKey("motcua-payment-key")
            .ipAddress("10.0.0.5")
            .clock(CLOCK)
            .orderStore(PaymentOrderStore.inMemory())
            .receiptDefaults(
                ReceiptDetails.empty()
                    .withAgency("000.00.31.H56", "UBND xã Quảng Phú")
                    .withBeneficiary("3511.0.1234567", "KBNN", "Kho bạc Nhà nước Thanh Hóa"))
            .build();
    PaymentRequest order =
        PaymentRequest.of(
                "20250815093012000001",
                DossierCode.parse("000.00.31.H56-250815-0001"),
                List.of(
                    Fee.charge("LP01", "Lệ phí hộ tịch", Vnd.of(50_000)),
                    Fee.fee("P02", "Phí sao", Vnd.of(8_000))),
                Payer.of("Nguyễn Văn An", PersonalId.parse("038090001234"), null, "Thanh Hóa"),
                "Nop le phi ho so 000.00.31.H56-250815-0001")
            .withReceipt(
                ReceiptDetails.procedure(
                    "1.001193", "Đăng ký khai sinh", "1.001193.01", "Khai sinh"));
    client.initiate(order);

    assertThat(paths).containsExactly("/api/thanhtoan/khoitao");
    JsonNode sent = new ObjectMapper().readTree(bodies.get(0));
    List<String> names = new ArrayList<>();
    sent.fieldNames().forEachRemaining(names::add);
    // The order of InitDvcPaymentRequest.cs and of the checksum; ThongTinBienLai before MaXacThuc.
    assertThat(names)
        .containsExactly(
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
            "Ip",
            "ThongTinBienLai",
            "MaXacThuc");
    assertThat(sent.path("LoaiBanTin").asText()).isEqualTo("INIT");
    assertThat(sent.path("PhienBan").asText()).isEqualTo("1.0.6");
    assertThat(sent.path("MaDoiTac").asText()).isEqualTo("000.00.31.H56");
    assertThat(sent.path("SoTien").isTextual()).isTrue();
    assertThat(sent.path("SoTien").asText()).isEqualTo("58000");
    assertThat(sent.path("LoaiHinhThanhToan").asText()).isEqualTo("PAY");
    assertThat(sent.path("MaKenhThanhToan").asText()).isEqualTo("1");
    assertThat(sent.path("MaThietBi").asText()).isEqualTo("1");
    assertThat(sent.path("NgonNgu").asText()).isEqualTo("vi-VN");
    assertThat(sent.path("MaTienTe").asText()).isEqualTo("VND");
    assertThat(sent.path("MaNganHang").asText()).isEqualTo("PAYMENT");
    assertThat(sent.path("ThoiGianGD").asText()).isEqualTo("20250815093012");
    assertThat(sent.path("Ip").asText()).isEqualTo("10.0.0.5");
    assertThat(sent.path("MaXacThuc").asText()).matches("[0-9a-f]{64}");

    JsonNode receipt = sent.path("ThongTinBienLai");
    assertThat(receipt.isObject()).isTrue();
    assertThat(receipt.path("MaDichVu").asText()).isEqualTo("2");
    assertThat(receipt.path("MaTTHC").asText()).isEqualTo("1.001193");
    assertThat(receipt.path("TenTTHC").asText()).isEqualTo("Đăng ký khai sinh");
    assertThat(receipt.path("MaDVC").asText()).isEqualTo("1.001193.01");
    assertThat(receipt.path("TenDVC").asText()).isEqualTo("Khai sinh");
    assertThat(receipt.path("MaDonVi").asText()).isEqualTo("000.00.31.H56");
    assertThat(receipt.path("TenDonVi").asText()).isEqualTo("UBND xã Quảng Phú");
    assertThat(receipt.path("MaHoSo").asText()).isEqualTo("000.00.31.H56-250815-0001");
    assertThat(receipt.path("TKThuHuong").asText()).isEqualTo("3511.0.1234567");
    assertThat(receipt.path("MaNHThuHuong").asText()).isEqualTo("KBNN");
    assertThat(receipt.path("TenTKThuHuong").asText()).isEqualTo("Kho bạc Nhà nước Thanh Hóa");
    assertThat(receipt.path("HoTenNguoiNop").asText()).isEqualTo("Nguyễn Văn An");
    assertThat(receipt.path("SoCMNDNguoiNop").asText()).isEqualTo("038090001234");
    assertThat(receipt.path("DiaChiNguoiNop").asText()).isEqualTo("Thanh Hóa");
    assertThat(receipt.path("NoiDungThanhToan").asText())
        .isEqualTo("Nop le phi ho so 000.00.31.H56-250815-0001");
    JsonNode fees = receipt.path("PhiLePhi");
    assertThat(fees.size()).isEqualTo(2);
    assertThat(fees.get(0).path("LoaiPhiLePhi").asText()).isEqualTo("Phi");
    assertThat(fees.get(0).path("MaPhiLePhi").asText()).isEqualTo("LP01");
    assertThat(fees.get(0).path("TenPhiLePhi").asText()).isEqualTo("Lệ phí hộ tịch");
    assertThat(fees.get(0).path("SoTien").asText()).isEqualTo("50000");
    JsonNode items = receipt.path("DSKhoanNop");
    assertThat(items.size()).isEqualTo(1);
    assertThat(items.get(0).path("SoTien").asText()).isEqualTo("58000");
    // Names of an older motcua draft, which public code does not send, are gone.
    for (Iterator<String> it = receipt.fieldNames(); it.hasNext(); ) {
      assertThat(it.next()).isNotIn("NguoiNop", "SoDinhDanh", "DanhSachPhiLePhi", "TongTien");
    }
  }
}
