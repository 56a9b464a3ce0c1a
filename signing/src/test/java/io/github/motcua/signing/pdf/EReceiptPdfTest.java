package io.github.motcua.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.receipt.CollectingUnit;
import io.github.motcua.signing.receipt.EReceipt;
import io.github.motcua.signing.receipt.PaymentMethod;
import io.github.motcua.signing.receipt.ReceiptSeries;
import io.github.motcua.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** PDF receipts: poppler renders them and reads their text; zbar reads their QR code. */
class EReceiptPdfTest {

  @RegisterExtension static final TestPki PKI = TestPki.builder().clock(SamplePdfs.CLOCK).build();

  private static final String LOOKUP_URL = "https://dichvucong.example.gov.vn/tra-cuu-bien-lai?ma=";

  @TempDir Path dir;

  static EReceipt.Builder receipt() {
    TaxCode unitTaxCode = TaxCode.parse("0100233488");
    return EReceipt.builder()
        .series(ReceiptSeries.of(unitTaxCode, "01BLP0-001", "AB/26E"))
        .number(123)
        .issuedAt(Instant.parse("2026-03-02T02:30:00Z"))
        .collectingUnit(
            new CollectingUnit(
                "Trung tâm Phục vụ hành chính công phường Yên Hòa",
                unitTaxCode,
                AgencyCode.parse("000.00.31.H56"),
                "Số 1 phố Yên Hòa, phường Yên Hòa, thành phố Hà Nội"))
        .payer(
            Payer.person(
                "Nguyễn Thị Hương", PersonalId.parse("038185001234"), "Thôn Đông, xã Quảng Phú"))
        .dossierCode(DossierCode.parse("000.00.31.H56-260302-0001"))
        .items(
            Fee.charge("LP-HT-01", "Lệ phí đăng ký khai sinh", Vnd.of(8_000)),
            Fee.fee("P-SAO-02", "Phí cấp bản sao trích lục", Vnd.of(1_276_000)))
        .paymentMethod(PaymentMethod.ONLINE_PAYMENT_PLATFORM)
        .paymentReference("DVC2603020001234")
        .lookupCode("K7P2M9XQ4T");
  }

  private static EReceiptPdf renderer(EReceiptPdf.PageSize size) {
    TestPki.Credential c = PKI.organisationSigner();
    return EReceiptPdf.builder()
        .pageSize(size)
        .lookupUrl(LOOKUP_URL)
        .signer(
            PdfSigner.builder()
                .key(KeyStoreSigningKey.of(c.privateKey(), c.chain()))
                .clock(SamplePdfs.CLOCK)
                .build())
        .build();
  }

  private Path write(byte[] pdf) throws Exception {
    Path file = Files.createTempFile(dir, "receipt", ".pdf");
    Files.write(file, pdf);
    return file;
  }

  @ParameterizedTest
  @EnumSource(EReceiptPdf.PageSize.class)
  void theTextLayerHoldsTheAmountInWordsWithItsDiacritics(EReceiptPdf.PageSize size)
      throws Exception {
    Tools.assume("pdftotext", "poppler-utils");
    EReceipt receipt = receipt().build();
    Path file = write(renderer(size).render(receipt));

    String text = Tools.run("pdftotext", "-enc", "UTF-8", file.toString(), "-").output();

    assertThat(receipt.totalInWords()).isEqualTo("Một triệu hai trăm tám mươi bốn nghìn đồng");
    assertThat(text)
        .contains("Một triệu hai trăm tám mươi bốn nghìn đồng")
        .contains("BIÊN LAI THU PHÍ, LỆ PHÍ")
        .contains("Nguyễn Thị Hương")
        .contains("1.284.000 đ")
        .contains("K7P2M9XQ4T");
  }

  @ParameterizedTest
  @EnumSource(EReceiptPdf.PageSize.class)
  void pdftoppmRendersOnePageWhoseQrCodeHoldsTheLookupUrl(EReceiptPdf.PageSize size)
      throws Exception {
    Tools.assume("pdftoppm", "poppler-utils");
    Path file = write(renderer(size).sign(receipt().build()));
    Path prefix = dir.resolve("page-" + size);

    Tools.Result result =
        Tools.run("pdftoppm", "-png", "-r", "150", file.toString(), prefix.toString());

    assertThat(result.exitCode()).isZero();
    List<Path> pages = new ArrayList<>();
    try (var files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().startsWith("page-" + size)).forEach(pages::add);
    }
    assertThat(pages).hasSize(1);
    assertThat(Files.size(pages.get(0))).isGreaterThan(10_000);
    if (Tools.available("zbarimg", "zbar-tools")) {
      Process zbar =
          new ProcessBuilder("zbarimg", "--raw", "-q", pages.get(0).toString())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String decoded = new String(zbar.getInputStream().readAllBytes(), "UTF-8").strip();
      zbar.waitFor();
      assertThat(decoded).isEqualTo(LOOKUP_URL + "K7P2M9XQ4T");
    }
  }

  @Test
  void aSignedReceiptVerifiesWithItsBoxOnThePage() throws Exception {
    byte[] signed = renderer(EReceiptPdf.PageSize.A5).sign(receipt().build());

    PdfVerificationReport report =
        PdfSignatureVerifier.builder()
            .cmsVerifier(
                CmsVerifier.builder()
                    .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                    .clock(SamplePdfs.CLOCK)
                    .build())
            .clock(SamplePdfs.CLOCK)
            .build()
            .verify(signed);

    assertThat(report.isValid()).as(report.toString()).isTrue();
    try (PDDocument document = Loader.loadPDF(signed)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      assertThat(document.getSignatureFields().get(0).getWidgets().get(0).getRectangle().getWidth())
          .isGreaterThan(100);
    }
    if (Tools.available("pdfsig", "poppler-utils")) {
      assertThat(Tools.run("pdfsig", "-nocert", write(signed).toString()).output())
          .contains("Signature is Valid.");
    }
  }

  @Test
  void refusesAReceiptThatDoesNotFitOnOnePage() {
    List<Fee> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      items.add(Fee.fee("P-" + i, "Phí cung cấp thông tin số " + i, Vnd.of(1_000)));
    }
    EReceipt receipt = receipt().items(items).build();

    assertThatThrownBy(() -> renderer(EReceiptPdf.PageSize.A5).render(receipt))
        .isInstanceOf(InvalidInputException.class)
        .hasFieldOrPropertyWithValue("code", "e-receipt-pdf.too-long");
  }

  @Test
  void refusesToSignWithoutASigner() {
    EReceiptPdf renderOnly = EReceiptPdf.builder().build();

    assertThatThrownBy(() -> renderOnly.sign(receipt().build()))
        .hasFieldOrPropertyWithValue("code", "e-receipt-pdf.signer.missing");
  }
}
