package io.github.motcua.signing.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.dossier.Payer;
import io.github.motcua.signing.xml.ExternalTool;
import io.github.motcua.testkit.TestPki;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EReceiptHtmlTest {

  @RegisterExtension static final TestPki PKI = ReceiptFixtures.pki();

  private static EReceiptVerification verified;

  @BeforeAll
  static void issueAndVerify() {
    IssuedReceipt issued =
        ReceiptFixtures.issuer(
                ReceiptFixtures.key(PKI.organisationSigner()), ReceiptFixtures.allocator())
            .issue(ReceiptFixtures.request());
    verified = ReceiptFixtures.verifier(PKI).verify(issued.xml());
  }

  private static String html() {
    return EReceiptHtml.render(verified, "https://dichvucong.thanhhoa.gov.vn/tra-cuu-bien-lai");
  }

  @Test
  void showsTheReceiptInVietnamese() {
    assertThat(html())
        .startsWith("<!DOCTYPE html>")
        .contains("<html lang=\"vi\">")
        .contains("<meta charset=\"utf-8\">")
        .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
        .contains("Mẫu số: <b>01BLP0-001</b>")
        .contains("Ký hiệu: <b>AB/25E</b>")
        .contains("Số: <b class=\"number\">0000001</b>")
        .contains("Ngày 15 tháng 08 năm 2025, lúc 09:30")
        .contains("Trung tâm Phục vụ hành chính công xã Quảng Phú")
        .contains("Lệ phí đăng ký khai sinh")
        .contains("1.284.000")
        .contains("Số tiền bằng chữ: <b>Một triệu hai trăm tám mươi bốn nghìn đồng.</b>")
        .contains("Thanh toán trực tuyến — Mã giao dịch: DVC2508150001234")
        .contains(
            "Mã tra cứu: <b class=\"lookup\">" + verified.receipt().orElseThrow().lookupCode())
        .contains("https://dichvucong.thanhhoa.gov.vn/tra-cuu-bien-lai");
  }

  @Test
  void showsAValidSignatureWithTheSigningUnit() {
    assertThat(html())
        .contains("class=\"signature valid\"")
        .contains("Chữ ký số hợp lệ")
        .contains("Ký bởi: Ủy ban nhân dân phường Yên Hòa")
        .contains("Ký ngày: 15/08/2025 09:30");
  }

  @Test
  void showsAnInvalidSignatureWithItsReasons() {
    IssuedReceipt issued =
        ReceiptFixtures.issuer(
                ReceiptFixtures.key(PKI.revokedSigner()), ReceiptFixtures.allocator())
            .issue(ReceiptFixtures.request());
    EReceiptVerification revoked = ReceiptFixtures.verifier(PKI).verify(issued.xml());
    assertThat(EReceiptHtml.render(issued.receipt(), revoked.report(), null))
        .contains("Chữ ký số KHÔNG hợp lệ")
        .contains("revocation.revoked");
  }

  @Test
  void saysWhenTheSignatureWasNotChecked() {
    assertThat(EReceiptHtml.render(SampleReceipts.receipt(), null, null))
        .contains("Chưa kiểm tra chữ ký số.")
        .doesNotContain("Tra cứu biên lai tại");
  }

  @Test
  void escapesEveryValue() {
    EReceipt hostile =
        SampleReceipts.builder()
            .payer(Payer.named("<script>alert('x')</script> & \"Bình\"", null))
            .build();
    String html = EReceiptHtml.render(hostile, null, "javascript:alert(1)\"><b>");
    assertThat(html)
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Bình&quot;")
        .contains("javascript:alert(1)&quot;&gt;&lt;b&gt;");
  }

  @Test
  void isSelfContained() {
    assertThat(html())
        .doesNotContainPattern("(?i)<script")
        .doesNotContainPattern("(?i)<link")
        .doesNotContainPattern("(?i)<img")
        .doesNotContainPattern("(?i)url\\(")
        .doesNotContainPattern("(?i)@import")
        .doesNotContain("src=");
  }

  @Test
  void refusesToRenderAVerificationWithoutReceipt() {
    EReceiptVerification nothing =
        ReceiptFixtures.verifier(PKI).verify("<EReceipt/>".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> EReceiptHtml.render(nothing, null))
        .hasFieldOrPropertyWithValue("code", "receipt.html.receipt.required");
  }

  @Test
  void rendersInHeadlessChromium(@TempDir Path dir) throws Exception {
    ExternalTool.assumeInstalled("chromium", "the headless Chromium rendering test");
    Path page = Files.writeString(dir.resolve("bien-lai.html"), html(), StandardCharsets.UTF_8);
    Path screenshot = dir.resolve("bien-lai.png");

    ExternalTool.Result shot =
        chromium(
            dir.resolve("profile-1"),
            "--screenshot=" + screenshot,
            "--window-size=900,1300",
            page.toUri().toString());
    assertThat(screenshot).as(shot.output()).exists();
    BufferedImage image = ImageIO.read(screenshot.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(darkPixels(image)).as("text drawn on the page").isGreaterThan(2_000);

    ExternalTool.Result dom =
        chromium(dir.resolve("profile-2"), "--dump-dom", page.toUri().toString());
    assertThat(dom.output())
        .contains("Một triệu hai trăm tám mươi bốn nghìn đồng.")
        .contains("Chữ ký số hợp lệ");
  }

  private static ExternalTool.Result chromium(Path profile, String... arguments) {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile));
    command.addAll(List.of(arguments));
    return ExternalTool.run(command, 120);
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int luminance = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        if (luminance < 200) {
          dark++;
        }
      }
    }
    return dark;
  }
}
