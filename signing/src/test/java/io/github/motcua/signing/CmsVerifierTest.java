package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.id.TaxCode;
import io.github.motcua.testkit.TestPki;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CmsVerifierTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  private final CmsVerifier verifier = Fixtures.verifier(PKI, RevocationPolicy.REQUIRE);

  @Test
  void acceptsDetachedRsaSignature() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);

    SignatureReport report = verifier.verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    SignerReport signer = report.signers().get(0);
    assertThat(signer.check(CheckType.REVOCATION).orElseThrow().reason())
        .isEqualTo(ReasonCode.REVOCATION_GOOD);
    assertThat(signer.check(CheckType.SIGNING_TIME).orElseThrow().reason())
        .isEqualTo(ReasonCode.SIGNING_TIME_CLAIMED);
    // The claimed signing-time is reported, not used: nothing proves it.
    assertThat(signer.check(CheckType.SIGNING_TIME).orElseThrow().detail())
        .contains("claimed " + Fixtures.NOW);
    assertThat(signer.signingTime()).contains(Fixtures.VERIFY_CLOCK.instant());
    assertThat(signer.signingTimeProven()).isFalse();
    assertThat(signer.timeProof()).isEmpty();
  }

  @Test
  void acceptsEncapsulatedEcSignatureStreamed() {
    CmsSigner signer =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.ecSigner()))
            .encapsulate(true)
            .clock(Fixtures.SIGNING_CLOCK)
            .build();
    byte[] cms = signer.sign(new ByteArrayInputStream(Fixtures.CONTENT));

    SignatureReport report = verifier.verify(cms);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void namesTheSignerFromTheSubjectUid() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);

    SignerIdentity identity =
        verifier.verify(cms, Fixtures.CONTENT).signers().get(0).signer().orElseThrow();

    assertThat(identity.taxCode()).contains(TaxCode.parse("0100233488"));
    assertThat(identity.organisation()).contains("Ủy ban nhân dân phường Yên Hòa");
    assertThat(identity.personalId()).isEmpty();
  }

  @Test
  void masksTheCitizenInToString() {
    byte[] cms = Fixtures.signer(PKI.citizenSigner()).sign(Fixtures.CONTENT);

    SignatureReport report = verifier.verify(cms, Fixtures.CONTENT);
    SignerIdentity identity = report.signers().get(0).signer().orElseThrow();

    assertThat(identity.personalId().orElseThrow().value()).isEqualTo("001203001234");
    assertThat(identity.commonName()).contains("Nguyễn Văn An");
    assertThat(report.toString())
        .doesNotContain("001203001234")
        .doesNotContain("Nguyễn Văn An")
        .contains("001******234")
        .contains("N* V* A*");
  }
}
