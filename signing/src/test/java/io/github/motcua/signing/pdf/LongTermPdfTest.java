package io.github.motcua.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.CertificateValidator;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.HttpTimestampAuthority;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.SignerReport;
import io.github.motcua.signing.TimeProof;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.Verdict;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PAdES B-LT and B-LTA: made from B-B and B-T signatures, verified now and ten years later, when
 * the signer's certificate has long expired and the responders are gone.
 */
class LongTermPdfTest {

  @RegisterExtension static final TestPki PKI = TestPki.builder().clock(SamplePdfs.CLOCK).build();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(SamplePdfs.CLOCK).build();

  static final Clock TEN_YEARS_LATER =
      Clock.fixed(SamplePdfs.NOW.plus(Duration.ofDays(3652)), ZoneOffset.UTC);

  static final Clock THREE_YEARS_LATER =
      Clock.fixed(SamplePdfs.NOW.plus(Duration.ofDays(3 * 365)), ZoneOffset.UTC);

  @RegisterExtension static final TimestampAuthorityFake RENEWED_TSA = PdfRenewal.authority(PKI);

  @TempDir Path dir;

  @AfterEach
  void servicesBackUp() {
    PKI.revocationAvailable(true);
    PKI.revocationClock(SamplePdfs.CLOCK);
  }

  private static byte[] renew(byte[] pdf) {
    return PdfRenewal.renew(PKI, RENEWED_TSA, pdf);
  }

  private static PdfSignatureVerifier verifier(Clock clock) {
    return PdfSignatureVerifier.builder()
        .cmsVerifier(
            CmsVerifier.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .clock(clock)
                .build())
        .clock(clock)
        .build();
  }

  private static HttpTimestampAuthority tsa() {
    return HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new Random(7)).build();
  }

  private static PdfSigner.Builder signer() {
    TestPki.Credential credential = PKI.organisationSigner();
    return PdfSigner.builder()
        .key(KeyStoreSigningKey.of(credential.privateKey(), credential.chain()))
        .clock(SamplePdfs.CLOCK);
  }

  private static PdfExtender extender() {
    return PdfExtender.builder()
        .certificateValidator(
            CertificateValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .clock(SamplePdfs.CLOCK)
                .build())
        .timestampAuthority(tsa())
        .build();
  }

  @Test
  void aBtSignatureWithoutValidationDataIsIndeterminateOnceTheRespondersAreGone() {
    byte[] bt = signer().timestampAuthority(tsa()).build().sign(SamplePdfs.result());
    PKI.revocationAvailable(false);

    PdfVerificationReport later = verifier(TEN_YEARS_LATER).verify(bt);

    assertThat(later.verdict()).as(later.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(later.has(ReasonCode.REVOCATION_UNAVAILABLE)).isTrue();
  }

  @Test
  void anLtaSignatureVerifiesTenYearsLaterWithTheRespondersGone() throws Exception {
    byte[] bt = signer().timestampAuthority(tsa()).build().sign(SamplePdfs.result());
    byte[] lta = extender().toLta(bt);

    PdfVerificationReport now = verifier(SamplePdfs.CLOCK).verify(lta);
    assertThat(now.verdict()).as(now.toString()).isEqualTo(Verdict.VALID);
    assertThat(now.signatures()).hasSize(2);
    assertThat(now.signatures().get(1).subFilter()).isEqualTo("ETSI.RFC3161");
    try (PDDocument document = Loader.loadPDF(lta)) {
      COSDictionary dss =
          document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.getPDFName("DSS"));
      assertThat(dss).isNotNull();
      assertThat(dss.getCOSArray(COSName.getPDFName("Certs")).size()).isGreaterThanOrEqualTo(3);
      assertThat(dss.getCOSArray(COSName.getPDFName("OCSPs")).size()).isGreaterThanOrEqualTo(2);
      // One entry for the signature, one for the document time-stamp.
      assertThat(dss.getCOSDictionary(COSName.getPDFName("VRI")).size()).isEqualTo(2);
    }

    // Four years later, before the time-stamping certificate expires, the archive renews.
    byte[] renewed = renew(lta);
    PKI.revocationAvailable(false);
    PdfVerificationReport later = verifier(TEN_YEARS_LATER).verify(renewed);

    assertThat(later.verdict()).as(later.toString()).isEqualTo(Verdict.VALID);
    assertThat(later.signatures()).hasSize(3);
    try (PDDocument document = Loader.loadPDF(renewed)) {
      // The renewal added a /VRI entry with validation values for each time-stamp's authority.
      assertThat(
              document
                  .getDocumentCatalog()
                  .getCOSObject()
                  .getCOSDictionary(COSName.getPDFName("DSS"))
                  .getCOSDictionary(COSName.getPDFName("VRI"))
                  .size())
          .isEqualTo(3);
    }
    // The first document time-stamp's authority is judged at the renewal's time, the renewal's
    // own at the current time.
    assertThat(
            later.signatures().get(1).report().signers().get(0).checks().stream()
                .filter(c -> c.reason() == ReasonCode.TIMESTAMP_VALID)
                .findFirst()
                .orElseThrow()
                .detail())
        .contains("judged at " + PdfRenewal.CLOCK.instant());
    SignerReport signer = later.signatures().get(0).report().signers().get(0);
    assertThat(signer.timeProof()).contains(TimeProof.SIGNATURE_TIMESTAMP);
    assertThat(signer.signingTime()).contains(SamplePdfs.NOW);
    assertThat(signer.check(io.github.motcua.signing.CheckType.REVOCATION).orElseThrow().detail())
        .contains("carried");
    // The signer's certificate has expired: without the proof it would not verify.
    assertThat(PKI.organisationSigner().certificate().getNotAfter().toInstant())
        .isBefore(TEN_YEARS_LATER.instant());

    if (Tools.available("pdfsig", "poppler-utils")) {
      Path file = Files.write(dir.resolve("lta.pdf"), lta);
      String pdfsig = Tools.run("pdfsig", "-nocert", file.toString()).output();
      // pdfsig verifies the signature over its revision; it does not verify document
      // time-stamps ("Signature has not yet been verified"), but reads their authority.
      assertThat(pdfsig).contains("Signature #1").contains("Signature is Valid.");
      assertThat(pdfsig)
          .contains("Signature #2")
          .contains("Signer Certificate Common Name: motcua Test Time-Stamping Authority");
    }
  }

  @Test
  void anLtaDocumentNotRenewedIsIndeterminateOnceItsTimeStampingCertificateExpired() {
    byte[] bt = signer().timestampAuthority(tsa()).build().sign(SamplePdfs.result());
    byte[] lta = extender().toLta(bt);
    PKI.revocationAvailable(false);

    PdfVerificationReport later = verifier(TEN_YEARS_LATER).verify(lta);

    assertThat(later.verdict()).as(later.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(later.signatures().get(1).report().has(ReasonCode.TIMESTAMP_NO_PROOF_OF_EXISTENCE))
        .isTrue();
  }

  @Test
  void aDocumentTimestampProvesTheTimeOfASignatureWithoutItsOwn() {
    byte[] bb = signer().build().sign(SamplePdfs.result());
    byte[] lta = extender().toLta(bb);
    byte[] lt = extender().toLt(bb);
    PKI.revocationAvailable(false);

    // The signer's certificate expired after two years; the time-stamp's is still valid.
    PdfVerificationReport later = verifier(THREE_YEARS_LATER).verify(lta);

    assertThat(later.verdict()).as(later.toString()).isEqualTo(Verdict.VALID);
    SignerReport signer = later.signatures().get(0).report().signers().get(0);
    assertThat(signer.timeProof()).contains(TimeProof.DOCUMENT_TIMESTAMP);
    assertThat(signer.has(ReasonCode.SIGNING_TIME_PROVEN_BY_DOCUMENT_TIMESTAMP)).isTrue();

    // Without the document time-stamp the same signature is judged now: expired.
    PdfVerificationReport unproven = verifier(THREE_YEARS_LATER).verify(lt);
    assertThat(unproven.verdict()).as(unproven.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(unproven.has(ReasonCode.VALIDITY_EXPIRED)).isTrue();
  }

  @Test
  void anLtaDocumentIsRenewedWithAnotherTimestamp() {
    byte[] bt = signer().timestampAuthority(tsa()).build().sign(SamplePdfs.result());
    byte[] renewed = extender().toLta(extender().toLta(bt));

    PdfVerificationReport report = verifier(SamplePdfs.CLOCK).verify(renewed);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.signatures()).hasSize(3);
    assertThat(report.signatures().get(0).changesAfterSigning())
        .allMatch(c -> c.kind().allowedAfterSigning());
    assertThat(new String(renewed, StandardCharsets.ISO_8859_1)).contains("/DocTimeStamp");
  }

  @Test
  void aDocumentCertifiedWithoutChangesStillTakesValidationDataAndTimestamps() {
    byte[] certified =
        signer().timestampAuthority(tsa()).certification(1).build().sign(SamplePdfs.result());

    PdfVerificationReport report = verifier(SamplePdfs.CLOCK).verify(extender().toLta(certified));

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aStoreWithMoreValuesThanTheLimitsIsRefusedUnread() throws Exception {
    byte[] signed = signer().build().sign(SamplePdfs.result());
    byte[] hostile;
    try (PDDocument document = Loader.loadPDF(signed)) {
      COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
      COSDictionary dss = new COSDictionary();
      org.apache.pdfbox.cos.COSArray certs = new org.apache.pdfbox.cos.COSArray();
      for (int i = 0; i < 70; i++) {
        org.apache.pdfbox.cos.COSStream stream = document.getDocument().createCOSStream();
        try (java.io.OutputStream out = stream.createOutputStream()) {
          out.write(new byte[] {0x30, 0x00});
        }
        certs.add(stream);
      }
      dss.setItem(COSName.getPDFName("Certs"), certs);
      catalog.setItem(COSName.getPDFName("DSS"), dss);
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      document.saveIncremental(out, java.util.Set.of(catalog, dss));
      hostile = out.toByteArray();
    }

    PdfVerificationReport report = verifier(SamplePdfs.CLOCK).verify(hostile);

    assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(report.has(ReasonCode.LIMIT_EXCEEDED)).as(report.toString()).isTrue();
    assertThat(report.documentChecks())
        .anySatisfy(c -> assertThat(c.detail()).isEqualTo("limit.certificates: 70 > 64"));
  }

  @Test
  void aDocumentTimestampThatIsNotATokenIsInvalidNotAnException() {
    byte[] lta = extender().toLta(signer().build().sign(SamplePdfs.result()));
    // Overwrite the token's first bytes inside the last document time-stamp's hex string.
    String text = new String(lta, StandardCharsets.ISO_8859_1);
    int contents = text.indexOf("/Contents <", text.lastIndexOf("/DocTimeStamp"));
    assertThat(contents).isPositive();
    byte[] broken = lta.clone();
    for (int i = 0; i < 16; i++) {
      broken[contents + 11 + i] = 'A';
    }

    PdfVerificationReport report = verifier(SamplePdfs.CLOCK).verify(broken);

    assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.VALID);
    assertThat(report.signatures().get(0).verdict()).isEqualTo(Verdict.VALID);
  }
}
