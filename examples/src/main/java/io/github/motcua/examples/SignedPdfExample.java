package io.github.motcua.examples;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.pdf.EReceiptPdf;
import io.github.motcua.signing.pdf.PdfSignatureVerifier;
import io.github.motcua.signing.pdf.PdfSigner;
import io.github.motcua.signing.pdf.PdfVerificationReport;
import io.github.motcua.signing.pdf.VisibleSignature;
import io.github.motcua.signing.receipt.CollectingUnit;
import io.github.motcua.signing.receipt.EReceipt;
import io.github.motcua.signing.receipt.PaymentMethod;
import io.github.motcua.signing.receipt.ReceiptSeries;
import io.github.motcua.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Signs a procedure's result as a PDF (PAdES, visible signature box) and writes the signed PDF
 * receipt for the fee, then verifies both and prints where they are. The unit's key comes from the
 * test PKI; in production it is a {@code KeyStoreSigningKey}, a USB token or a remote signing
 * service behind the same {@link SigningKey} seam.
 */
public final class SignedPdfExample {

  private static final Instant NOW = Instant.parse("2026-03-02T03:04:05Z");

  private SignedPdfExample() {}

  /**
   * Runs the example into a new temporary directory.
   *
   * @param out where to print what happens
   * @return the directory holding the signed result and the receipt
   */
  public static Path run(PrintStream out) {
    try {
      return run(out, Files.createTempDirectory("motcua-pdf"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs the example.
   *
   * @param out where to print what happens
   * @param directory where the PDFs go
   * @return the directory
   */
  public static Path run(PrintStream out, Path directory) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (TestPki pki = TestPki.builder().clock(clock).build()) {
      TestPki.Credential unit = pki.organisationSigner();
      SigningKey key = KeyStoreSigningKey.of(unit.privateKey(), unit.chain());
      PdfSigner signer =
          PdfSigner.builder()
              .key(key)
              .clock(clock)
              .reason("Phê duyệt kết quả giải quyết hồ sơ")
              .location("Phường Yên Hòa, Hà Nội")
              .build();

      Path result = directory.resolve("ket-qua-da-ky.pdf");
      byte[] signedResult =
          signer
              .newBuilder()
              .visibleSignature(VisibleSignature.at(1, 330, 60, 220, 72))
              .build()
              .sign(resultDocument());
      Files.write(result, signedResult);

      Path receipt = directory.resolve("bien-lai-da-ky.pdf");
      EReceiptPdf receipts =
          EReceiptPdf.builder()
              .lookupUrl("https://dichvucong.example.gov.vn/tra-cuu-bien-lai?ma=")
              .signer(signer)
              .build();
      Files.write(receipt, receipts.sign(receipt()));

      PdfSignatureVerifier verifier =
          PdfSignatureVerifier.builder()
              .cmsVerifier(
                  CmsVerifier.builder()
                      .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
                      .clock(clock)
                      .build())
              .clock(clock)
              .build();
      for (Path file : new Path[] {result, receipt}) {
        PdfVerificationReport report = verifier.verify(file);
        out.println(file.getFileName() + ": " + report.verdict() + " -> " + file);
      }
      return directory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A one-page result: the decision the citizen receives. */
  private static byte[] resultDocument() throws IOException {
    try (PDDocument document = new PDDocument();
        InputStream font = PdfSigner.class.getResourceAsStream("internal/DejaVuSans.ttf")) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDType0Font dejaVu = PDType0Font.load(document, font);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(dejaVu, 14);
        content.newLineAtOffset(72, 760);
        content.showText("QUYẾT ĐỊNH về việc cấp giấy phép xây dựng");
        content.newLineAtOffset(0, -22);
        content.setFont(dejaVu, 11);
        content.showText("Hồ sơ 000.00.31.H56-260302-0001 đã được giải quyết.");
        content.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static EReceipt receipt() {
    TaxCode unitTaxCode = TaxCode.parse("0100233488");
    return EReceipt.builder()
        .series(ReceiptSeries.of(unitTaxCode, "01BLP0-001", "AB/26E"))
        .number(1)
        .issuedAt(NOW)
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
        .items(Fee.charge("LP-XD-01", "Lệ phí cấp giấy phép xây dựng", Vnd.of(75_000)))
        .paymentMethod(PaymentMethod.ONLINE_PAYMENT_PLATFORM)
        .paymentReference("DVC2603020001234")
        .lookupCode("K7P2M9XQ4T")
        .build();
  }

  /**
   * Runs the example from the command line.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
