package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.TestPki;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import org.bouncycastle.cms.CMSSignedDataParser;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Content is streamed: a large generated stream is signed and verified without being stored. */
class StreamingTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  private static final long SIZE = 32L * 1024 * 1024;

  /** Deterministic bytes generated on the fly, never held as a whole. */
  private static InputStream generated() {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position < SIZE ? (int) (position++ * 31 % 251) : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= SIZE) {
          return -1;
        }
        int n = (int) Math.min(len, SIZE - position);
        for (int i = 0; i < n; i++) {
          b[off + i] = (byte) (position++ * 31 % 251);
        }
        return n;
      }
    };
  }

  @Test
  void detachedSignatureOfALargeStreamVerifiesFromAStream() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(generated());

    SignatureReport report = Fixtures.verifier(PKI, RevocationPolicy.NONE).verify(cms, generated());

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(cms.length).isLessThan(8 * 1024);
  }

  @Test
  void encapsulatedSignatureStreamsTheContentThrough() throws Exception {
    CmsSigner signer =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.ecSigner()))
            .encapsulate(true)
            .clock(Fixtures.SIGNING_CLOCK)
            .build();
    java.nio.file.Path file = java.nio.file.Files.createTempFile("motcua-stream", ".p7m");
    try {
      try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
        signer.sign(generated(), out);
      }
      assertThat(java.nio.file.Files.size(file)).isGreaterThan(SIZE);
      // An independent streaming parser reads the content back and checks the signature.
      try (InputStream in = java.nio.file.Files.newInputStream(file)) {
        CMSSignedDataParser parser =
            new CMSSignedDataParser(new JcaDigestCalculatorProviderBuilder().build(), in);
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        new java.security.DigestInputStream(generated(), expected)
            .transferTo(OutputStream.nullOutputStream());
        new java.security.DigestInputStream(parser.getSignedContent().getContentStream(), actual)
            .transferTo(OutputStream.nullOutputStream());
        assertThat(actual.digest()).isEqualTo(expected.digest());
        assertThat(
                parser
                    .getSignerInfos()
                    .iterator()
                    .next()
                    .verify(
                        new org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder()
                            .build(PKI.ecSigner().certificate())))
            .isTrue();
      }
    } finally {
      java.nio.file.Files.deleteIfExists(file);
    }
  }
}
