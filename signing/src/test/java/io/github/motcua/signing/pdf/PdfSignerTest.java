package io.github.motcua.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.testkit.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Signing PDFs: pdfsig, an independent implementation, checks what PdfSigner writes. */
class PdfSignerTest {

  @RegisterExtension static final TestPki PKI = TestPki.builder().clock(SamplePdfs.CLOCK).build();

  @TempDir Path dir;

  private static SigningKey key() {
    TestPki.Credential c = PKI.organisationSigner();
    return KeyStoreSigningKey.of(c.privateKey(), c.chain());
  }

  private static PdfSigner signer() {
    return PdfSigner.builder()
        .key(key())
        .clock(SamplePdfs.CLOCK)
        .reason("Phê duyệt kết quả giải quyết hồ sơ")
        .location("Phường Yên Hòa, Hà Nội")
        .build();
  }

  private Tools.Result pdfsig(byte[] pdf) throws Exception {
    Path file = Files.createTempFile(dir, "signed", ".pdf");
    Files.write(file, pdf);
    return Tools.run("pdfsig", "-nocert", file.toString());
  }

  @Test
  void pdfsigReportsTheSignatureValid() throws Exception {
    Tools.assume("pdfsig", "poppler-utils");
    byte[] signed = signer().sign(SamplePdfs.result());

    Tools.Result result = pdfsig(signed);

    assertThat(result.output())
        .contains("Signature #1")
        .contains("Signature Validation: Signature is Valid.")
        .contains("Signature Type: ETSI.CAdES.detached")
        .contains("Total document signed")
        .doesNotContain("Signature #2");
  }

  @Test
  void pdfsigReportsAChangedByteAsADigestMismatch() throws Exception {
    Tools.assume("pdfsig", "poppler-utils");
    byte[] tampered = SamplePdfs.changeOneByte(signer().sign(SamplePdfs.result()));

    Tools.Result result = pdfsig(tampered);

    assertThat(result.output()).contains("Signature Validation: Digest Mismatch.");
  }

  @Test
  void threeStepSigningGivesASignatureThatVerifies() throws Exception {
    Tools.assume("pdfsig", "poppler-utils");
    PdfSigner withoutKey =
        PdfSigner.builder()
            .certificateChain(PKI.organisationSigner().chain(), null)
            .clock(SamplePdfs.CLOCK)
            .build();
    PreparedPdfSignature prepared = withoutKey.prepare(SamplePdfs.result());
    PreparedPdfSignature stored = PreparedPdfSignature.fromBytes(prepared.toBytes());
    byte[] value = key().signDigest(stored.digestToSign(), stored.digestAlgorithm());

    byte[] signed = withoutKey.complete(stored, value);

    assertThat(pdfsig(signed).output()).contains("Signature is Valid.");
  }
}
