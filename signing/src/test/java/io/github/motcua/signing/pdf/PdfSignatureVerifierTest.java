package io.github.motcua.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.HttpTimestampAuthority;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.Verdict;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Verifying PDF signatures, with pdfsig as the independent second opinion. */
class PdfSignatureVerifierTest {

  @RegisterExtension static final TestPki PKI = TestPki.builder().clock(SamplePdfs.CLOCK).build();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(SamplePdfs.CLOCK).build();

  private static final PdfSignatureVerifier VERIFIER =
      PdfSignatureVerifier.builder()
          .cmsVerifier(
              CmsVerifier.builder()
                  .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                  .clock(SamplePdfs.CLOCK)
                  .build())
          .clock(SamplePdfs.CLOCK)
          .build();

  @TempDir Path dir;

  private static SigningKey key(TestPki.Credential credential) {
    return KeyStoreSigningKey.of(credential.privateKey(), credential.chain());
  }

  private static PdfSigner signer(TestPki.Credential credential) {
    return PdfSigner.builder()
        .key(key(credential))
        .clock(SamplePdfs.CLOCK)
        .reason("Phê duyệt kết quả")
        .build();
  }

  private String pdfsig(byte[] pdf) throws Exception {
    Path file = Files.createTempFile(dir, "pdf", ".pdf");
    Files.write(file, pdf);
    return Tools.run("pdfsig", "-nocert", file.toString()).output();
  }

  @Test
  void motcuaAndPdfsigAgreeThatASignatureIsValid() throws Exception {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());

    PdfVerificationReport report = VERIFIER.verify(signed);

    assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    assertThat(report.signatures()).hasSize(1);
    PdfSignatureReport signature = report.signatures().get(0);
    assertThat(signature.coversWholeDocument()).isTrue();
    assertThat(signature.subFilter()).isEqualTo("ETSI.CAdES.detached");
    assertThat(signature.claimedSigningTime()).contains(SamplePdfs.NOW);
    assertThat(signature.report().has(ReasonCode.PDF_BYTE_RANGE_OK)).isTrue();
    assertThat(signature.report().has(ReasonCode.CHAIN_TRUSTED)).isTrue();
    assertThat(signature.report().signers().get(0).signer().orElseThrow().commonName())
        .contains("Ủy ban nhân dân phường Yên Hòa");
    if (Tools.available("pdfsig", "poppler-utils")) {
      assertThat(pdfsig(signed)).contains("Signature is Valid.");
    }
  }

  @Test
  void motcuaAndPdfsigAgreeThatAChangedByteIsADigestMismatch() throws Exception {
    Tools.assume("pdfsig", "poppler-utils");
    byte[] tampered =
        SamplePdfs.changeOneByte(signer(PKI.organisationSigner()).sign(SamplePdfs.result()));

    PdfVerificationReport report = VERIFIER.verify(tampered);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.CONTENT_DIGEST_MISMATCH)).isTrue();
    assertThat(pdfsig(tampered)).contains("Digest Mismatch.");
  }

  @Test
  void twoSuccessiveSignaturesBothVerify() throws Exception {
    byte[] once = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    byte[] twice =
        signer(PKI.ecSigner())
            .newBuilder()
            .visibleSignature(VisibleSignature.at(1, 330, 60, 220, 70))
            .build()
            .sign(once);

    PdfVerificationReport report = VERIFIER.verify(twice);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.signatures()).hasSize(2);
    PdfSignatureReport first = report.signatures().get(0);
    assertThat(first.coversWholeDocument()).isFalse();
    assertThat(first.changedAfterSigning()).isFalse();
    assertThat(first.changesAfterSigning())
        .isNotEmpty()
        .allMatch(c -> c.kind() == PdfChange.Kind.SIGNATURE);
    assertThat(first.report().has(ReasonCode.PDF_CHANGES_ALLOWED)).isTrue();
    assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
    if (Tools.available("pdfsig", "poppler-utils")) {
      String pdfsig = pdfsig(twice);
      assertThat(pdfsig).contains("Signature #2");
      assertThat(pdfsig.split("Signature is Valid.", -1)).hasSize(3);
    }
  }

  @Test
  void aChangeAppendedAfterTheFirstSignatureIsDetectedAndReported() throws Exception {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    byte[] changed = appendTextInAnIncrementalUpdate(signed, "ĐÃ SỬA SAU KHI KÝ");

    PdfVerificationReport report = VERIFIER.verify(changed);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    PdfSignatureReport signature = report.signatures().get(0);
    assertThat(signature.coversWholeDocument()).isFalse();
    assertThat(signature.changedAfterSigning()).isTrue();
    assertThat(signature.report().has(ReasonCode.PDF_CHANGED_AFTER_SIGNING)).isTrue();
    assertThat(signature.changesAfterSigning())
        .anyMatch(c -> c.kind() == PdfChange.Kind.PAGE_CONTENT);
    // The signature itself is intact: the signed revision still verifies.
    assertThat(signature.report().has(ReasonCode.CONTENT_DIGEST_MATCHES)).isTrue();
    if (Tools.available("pdfsig", "poppler-utils")) {
      assertThat(pdfsig(changed)).doesNotContain("Total document signed");
    }
  }

  @Test
  void aTimestampedSignatureProvesItsSigningTime() {
    PdfSigner signer =
        signer(PKI.organisationSigner())
            .newBuilder()
            .timestampAuthority(
                HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new Random(7)).build())
            .build();

    PdfVerificationReport report = VERIFIER.verify(signer.sign(SamplePdfs.result()));

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.has(ReasonCode.TIMESTAMP_VALID)).isTrue();
    assertThat(report.has(ReasonCode.SIGNING_TIME_PROVEN)).isTrue();
  }

  // ---- hostile PDFs ----

  @Test
  void refusesATruncatedPdf() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());

    PdfVerificationReport report = VERIFIER.verify(Arrays.copyOf(signed, signed.length * 2 / 3));

    assertThat(report.isValid()).isFalse();
    assertThat(
            report.has(ReasonCode.PDF_UNREADABLE)
                || report.has(ReasonCode.PDF_NO_SIGNATURES)
                || report.has(ReasonCode.PDF_BYTE_RANGE_INVALID))
        .as(report.toString())
        .isTrue();
  }

  @Test
  void refusesAByteRangeThatDoesNotCoverTheDocument() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    long[] range = byteRange(signed);
    range[3] -= 200; // stop covering before the end of the revision

    PdfVerificationReport report = VERIFIER.verify(rewriteByteRange(signed, range));

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.PDF_BYTE_RANGE_NOT_A_REVISION)).as(report.toString()).isTrue();
  }

  @Test
  void refusesAForgedByteRangeWhoseGapHoldsMoreThanTheSignature() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    long[] range = byteRange(signed);
    range[1] -= 40; // widen the gap to hide 40 bytes of the document from the signature

    PdfVerificationReport report = VERIFIER.verify(rewriteByteRange(signed, range));

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.PDF_BYTE_RANGE_GAP)).as(report.toString()).isTrue();
  }

  @Test
  void refusesAByteRangeThatDoesNotStartAtTheBeginning() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    long[] range = byteRange(signed);
    range[0] = 5;

    PdfVerificationReport report = VERIFIER.verify(rewriteByteRange(signed, range));

    assertThat(report.has(ReasonCode.PDF_BYTE_RANGE_INVALID)).as(report.toString()).isTrue();
  }

  @Test
  void refusesAFileCutShortAtTheEnd() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());

    PdfVerificationReport report = VERIFIER.verify(Arrays.copyOf(signed, signed.length - 8));

    // Without its last cross-reference section the signature's revision cannot be found at all;
    // whichever way the parser recovers, the signature is not accepted.
    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(
            report.has(ReasonCode.PDF_BYTE_RANGE_INVALID)
                || report.has(ReasonCode.PDF_NO_SIGNATURES))
        .as(report.toString())
        .isTrue();
  }

  @Test
  void refusesContentsWithDataAfterTheSignature() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    long[] range = byteRange(signed);
    byte[] forged = signed.clone();
    forged[(int) range[2] - 3] = 'A'; // a non-zero byte in the padding

    PdfVerificationReport report = VERIFIER.verify(forged);

    assertThat(report.has(ReasonCode.PDF_CONTENTS_MALFORMED)).as(report.toString()).isTrue();
  }

  @Test
  void refusesRandomBytesAndAnUnsignedPdf() {
    byte[] random = new byte[5000];
    new Random(12).nextBytes(random);

    assertThat(VERIFIER.verify(random).has(ReasonCode.PDF_UNREADABLE)).isTrue();
    assertThat(VERIFIER.verify(new byte[0]).has(ReasonCode.PDF_UNREADABLE)).isTrue();
    assertThat(VERIFIER.verify(SamplePdfs.result()).has(ReasonCode.PDF_NO_SIGNATURES)).isTrue();
  }

  @Test
  void reportsASignatureFieldWithoutANameInsteadOfFailing() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    String text = new String(signed, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("/T (Signature1)");
    assertThat(at).isPositive();
    byte[] unnamed = signed.clone();
    unnamed[at + 1] = 'X'; // same length, so every offset in the file still holds

    PdfVerificationReport report = VERIFIER.verify(unnamed);

    assertThat(report.has(ReasonCode.INTERNAL_ERROR)).as(report.toString()).isFalse();
    assertThat(report.isValid()).isFalse();
    assertThat(report.signatures()).singleElement().extracting(s -> s.fieldName()).isEqualTo("?");
  }

  @Test
  void survivesEveryTruncationLengthWithoutThrowing() {
    byte[] signed = signer(PKI.organisationSigner()).sign(SamplePdfs.result());
    Random random = new Random(2026);
    for (int i = 0; i < 20; i++) {
      int length = random.nextInt(signed.length);

      PdfVerificationReport report = VERIFIER.verify(Arrays.copyOf(signed, length));

      assertThat(report.isValid()).as("truncated to %d bytes", length).isFalse();
    }
  }

  private static final Pattern BYTE_RANGE =
      Pattern.compile("/ByteRange\\s*\\[\\s*(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s*\\]");

  private static long[] byteRange(byte[] pdf) {
    Matcher m = BYTE_RANGE.matcher(new String(pdf, StandardCharsets.ISO_8859_1));
    assertThat(m.find()).isTrue();
    return new long[] {
      Long.parseLong(m.group(1)),
      Long.parseLong(m.group(2)),
      Long.parseLong(m.group(3)),
      Long.parseLong(m.group(4))
    };
  }

  /** Writes other numbers into the byte range in place, padded to the same length. */
  private static byte[] rewriteByteRange(byte[] pdf, long[] numbers) {
    String text = new String(pdf, StandardCharsets.ISO_8859_1);
    Matcher m = BYTE_RANGE.matcher(text);
    assertThat(m.find()).isTrue();
    String original = m.group();
    String replacement =
        "/ByteRange [" + numbers[0] + " " + numbers[1] + " " + numbers[2] + " " + numbers[3] + "]";
    assertThat(replacement.length()).isLessThanOrEqualTo(original.length());
    replacement =
        replacement.substring(0, replacement.length() - 1)
            + " ".repeat(original.length() - replacement.length())
            + "]";
    byte[] out = pdf.clone();
    byte[] bytes = replacement.getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(bytes, 0, out, m.start(), bytes.length);
    return out;
  }

  /** Adds text to the first page's content in an incremental update, as an attacker would. */
  private static byte[] appendTextInAnIncrementalUpdate(byte[] pdf, String text) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDPage page = document.getPage(0);
      try (PDPageContentStream content =
          new PDPageContentStream(
              document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 20);
        content.newLineAtOffset(72, 700);
        content.showText(
            java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .replace('Đ', 'D'));
        content.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      page.getResources().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    }
  }
}
