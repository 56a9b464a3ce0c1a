package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.bouncycastle.cms.CMSSignedData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CAdES-LT: extended from CAdES-T, verified ten years later with the responders gone. */
class LongTermCmsTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Fixtures.SIGNING_CLOCK).build();

  static final Clock TEN_YEARS_LATER =
      Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(3652)), ZoneOffset.UTC);

  /** After the signer's certificate (two years), before the time-stamping one (five) expired. */
  static final Clock THREE_YEARS_LATER =
      Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(3 * 365)), ZoneOffset.UTC);

  @TempDir Path dir;

  @AfterEach
  void servicesBackUp() {
    PKI.revocationAvailable(true);
  }

  private static CmsExtender extender() {
    return CmsExtender.builder()
        .certificateValidator(
            CertificateValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .clock(Fixtures.SIGNING_CLOCK)
                .build())
        .build();
  }

  private static byte[] cadesT() {
    return CmsSigner.builder()
        .key(Fixtures.key(PKI.organisationSigner()))
        .clock(Fixtures.SIGNING_CLOCK)
        .timestampAuthority(
            HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new Random(7)).build())
        .build()
        .sign(Fixtures.CONTENT);
  }

  private static CmsVerifier verifier(Clock clock) {
    return CmsVerifier.builder()
        .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
        .clock(clock)
        .build();
  }

  @Test
  void aCadesLtSignatureVerifiesAfterItsSignerExpiredWithTheRespondersGone() throws Exception {
    byte[] t = cadesT();
    byte[] lt = extender().toLt(t);
    CMSSignedData parsed =
        new CMSSignedData(new org.bouncycastle.cms.CMSProcessableByteArray(Fixtures.CONTENT), lt);
    assertThat(parsed.getCertificates().getMatches(null)).hasSizeGreaterThanOrEqualTo(4);
    assertThat(
            parsed
                .getOtherRevocationInfo(
                    org.bouncycastle.asn1.cms.CMSObjectIdentifiers.id_ri_ocsp_response)
                .getMatches(null))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(verifier(Fixtures.VERIFY_CLOCK).verify(lt, Fixtures.CONTENT).verdict())
        .isEqualTo(Verdict.VALID);
    PKI.revocationAvailable(false);

    SignatureReport withoutValues = verifier(THREE_YEARS_LATER).verify(t, Fixtures.CONTENT);
    SignatureReport withValues = verifier(THREE_YEARS_LATER).verify(lt, Fixtures.CONTENT);
    // Once the time-stamping certificate has expired too, only an archive time-stamp (CAdES-LTA,
    // renewed in time) proves anything: the signature time-stamp is the newest and is judged now.
    SignatureReport decadeLater = verifier(TEN_YEARS_LATER).verify(lt, Fixtures.CONTENT);
    assertThat(decadeLater.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(decadeLater.has(ReasonCode.TIMESTAMP_NO_PROOF_OF_EXISTENCE)).isTrue();

    assertThat(withoutValues.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(withoutValues.has(ReasonCode.REVOCATION_UNAVAILABLE)).isTrue();
    assertThat(withValues.verdict()).as(withValues.toString()).isEqualTo(Verdict.VALID);
    assertThat(withValues.signers().get(0).timeProof()).contains(TimeProof.SIGNATURE_TIMESTAMP);
    assertThat(withValues.signers().get(0).signingTime()).contains(Fixtures.NOW);
  }

  @Test
  void openSslStillVerifiesTheExtendedSignature() throws Exception {
    OpenSsl.assumeAvailable();
    byte[] lt = extender().toLt(cadesT());
    Path signature = Files.write(dir.resolve("lt.p7s"), lt);
    Path content = Files.write(dir.resolve("content.bin"), Fixtures.CONTENT);
    Path root = Files.writeString(dir.resolve("root.pem"), PKI.trustAnchorsPem());

    OpenSsl.Result result =
        OpenSsl.run(
            List.of(
                "cms",
                "-verify",
                "-binary",
                "-inform",
                "DER",
                "-in",
                signature.toString(),
                "-content",
                content.toString(),
                "-CAfile",
                root.toString(),
                "-purpose",
                "any",
                "-attime",
                Long.toString(Fixtures.NOW.getEpochSecond()),
                "-out",
                dir.resolve("out.bin").toString()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Verification successful");
  }

  @Test
  void refusesToExtendWhatIsNotASignature() {
    assertThatThrownBy(() -> extender().toLt(new byte[] {0x30, 0x03, 0x02, 0x01, 0x01}))
        .isInstanceOf(MotcuaException.class)
        .extracting(e -> ((MotcuaException) e).code())
        .isEqualTo("cms-extender.malformed");
  }
}
