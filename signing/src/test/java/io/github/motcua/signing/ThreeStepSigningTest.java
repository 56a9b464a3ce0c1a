package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.testkit.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Prepare, sign the digest elsewhere, complete: the same signature as signing in one step. */
class ThreeStepSigningTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  private final SigningKey key = Fixtures.key(PKI.organisationSigner());

  /** A signer that holds only the certificate chain, as a web server would. */
  private CmsSigner chainOnlySigner(boolean encapsulate) {
    return CmsSigner.builder()
        .certificateChain(key.certificateChain(), null)
        .encapsulate(encapsulate)
        .clock(Fixtures.SIGNING_CLOCK)
        .build();
  }

  @Test
  void threeStepsGiveTheSameBytesAsOneStep() {
    PreparedSignature prepared = chainOnlySigner(false).prepare(Fixtures.CONTENT);
    byte[] value = key.signDigest(prepared.digestToSign(), prepared.digestAlgorithm());

    byte[] threeStep = chainOnlySigner(false).complete(prepared, value);
    byte[] oneStep = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);

    // RSA PKCS#1 v1.5 is deterministic and the clock is fixed: the bytes must be equal.
    assertThat(threeStep).isEqualTo(oneStep);
  }

  @Test
  void threeStepEncapsulatedSignatureVerifies() {
    PreparedSignature prepared = chainOnlySigner(true).prepare(Fixtures.CONTENT);
    byte[] value = key.signDigest(prepared.digestToSign(), prepared.digestAlgorithm());

    byte[] cms = chainOnlySigner(true).complete(prepared, value);

    SignatureReport report = Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms);
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void preparedStateSurvivesItsByteForm() {
    PreparedSignature prepared =
        chainOnlySigner(false).prepare(new ByteArrayInputStream(Fixtures.CONTENT));

    PreparedSignature restored = PreparedSignature.fromBytes(prepared.toBytes());

    assertThat(restored).isEqualTo(prepared);
    assertThat(restored.digestToSign()).isEqualTo(prepared.digestToSign());
    assertThat(restored.signingTime()).isEqualTo(Fixtures.NOW);
    byte[] value = key.signDigest(restored.digestToSign(), restored.digestAlgorithm());
    byte[] cms = chainOnlySigner(false).complete(restored, value);
    assertThat(
            Fixtures.verifier(PKI, RevocationPolicy.NONE).verify(cms, Fixtures.CONTENT).verdict())
        .isEqualTo(Verdict.VALID);
  }

  @Test
  void preparedStateSurvivesJavaSerialisation() throws Exception {
    PreparedSignature prepared = chainOnlySigner(true).prepare(Fixtures.CONTENT);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(prepared);
    }

    Object restored;
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      restored = in.readObject();
    }

    assertThat(restored).isEqualTo(prepared);
    assertThat(((PreparedSignature) restored).detached()).isFalse();
  }

  @Test
  void rejectsASignatureValueThatDoesNotMatchTheDigest() {
    PreparedSignature prepared = chainOnlySigner(false).prepare(Fixtures.CONTENT);
    byte[] wrong =
        key.signDigest(DigestAlgorithm.SHA256.digest(new byte[] {1}), DigestAlgorithm.SHA256);

    assertThatThrownBy(() -> chainOnlySigner(false).complete(prepared, wrong))
        .isInstanceOfSatisfying(
            SecurityRefusalException.class,
            e -> assertThat(e.code()).isEqualTo("cms-signer.signature-value.mismatch"));
  }

  @Test
  void rejectsGarbageAsPreparedState() {
    assertThatThrownBy(() -> PreparedSignature.fromBytes(new byte[] {0x30, 0x03, 0x02, 0x01, 0x07}))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("prepared-signature.malformed"));
  }

  @Test
  void chainOnlySignerCannotSignInOneStep() {
    assertThatThrownBy(() -> chainOnlySigner(false).sign(Fixtures.CONTENT))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("cms-signer.key.missing"));
  }
}
