package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Revocation is judged at the signing time, and its absence is handled by policy. */
class RevocationTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Fixtures.SIGNING_CLOCK).build();

  @AfterEach
  void servicesBackUp() {
    PKI.revocationAvailable(true);
  }

  /** A fresh certificate per test, so revoking it affects no other test. */
  private static SigningKey freshKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    List<java.security.cert.X509Certificate> chain =
        PKI.certify(keys.getPublic(), "C=VN,CN=Hoàng Văn Em,UID=CCCD:001203005555");
    return KeyStoreSigningKey.of(keys.getPrivate(), chain);
  }

  private static byte[] sign(SigningKey key, boolean timestamp) {
    CmsSigner.Builder builder = CmsSigner.builder().key(key).clock(Fixtures.SIGNING_CLOCK);
    if (timestamp) {
      builder.timestampAuthority(HttpTimestampAuthority.builder().url(TSA.url()).build());
    }
    return builder.build().sign(Fixtures.CONTENT);
  }

  @Test
  void certificateRevokedBeforeSigningIsInvalid() throws Exception {
    SigningKey key = freshKey();
    byte[] cms = sign(key, true);
    PKI.revoke(key.certificate(), Fixtures.NOW.minus(Duration.ofMinutes(5)));

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.PREFER_OCSP).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.REVOCATION_REVOKED)).isTrue();
  }

  @Test
  void certificateRevokedAfterTimestampedSigningIsValid() throws Exception {
    SigningKey key = freshKey();
    byte[] cms = sign(key, true);
    PKI.revoke(key.certificate(), Fixtures.NOW.plus(Duration.ofMinutes(30)));

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.signers().get(0).signingTimeProven()).isTrue();
    assertThat(report.has(ReasonCode.REVOCATION_REVOKED_AFTER_SIGNING)).isTrue();
  }

  @Test
  void aClaimedSigningTimeBeforeTheRevocationDoesNotSaveTheSignature() throws Exception {
    SigningKey key = freshKey();
    byte[] cms = sign(key, false);
    PKI.revoke(key.certificate(), Fixtures.NOW.plus(Duration.ofMinutes(30)));

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms, Fixtures.CONTENT);

    // Nothing proves the signature was made before the revocation: judged now, it is revoked.
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.REVOCATION_REVOKED)).isTrue();
  }

  @Test
  void revocationServiceDownWithPolicyRequireIsIndeterminate() {
    byte[] cms = sign(Fixtures.key(PKI.organisationSigner()), false);
    PKI.revocationAvailable(false);

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(report.has(ReasonCode.REVOCATION_UNAVAILABLE)).isTrue();
  }

  @Test
  void revocationServiceDownWithPolicyPreferOcspStillValid() {
    byte[] cms = sign(Fixtures.key(PKI.organisationSigner()), false);
    PKI.revocationAvailable(false);

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.PREFER_OCSP).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    assertThat(report.signers().get(0).check(CheckType.REVOCATION).orElseThrow().outcome())
        .isEqualTo(CheckOutcome.SKIPPED);
  }

  @Test
  void fallsBackToTheCrlWhenOcspIsDown() throws Exception {
    SigningKey key = freshKey();
    byte[] cms = sign(key, false);
    PKI.revoke(key.certificate(), Fixtures.NOW.minus(Duration.ofDays(1)));
    PKI.ocspAvailable(false);

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.signers().get(0).check(CheckType.REVOCATION).orElseThrow().detail())
        .contains("CRL");
  }

  @Test
  void policyNoneDoesNotAskTheServices() {
    byte[] cms = sign(Fixtures.key(PKI.organisationSigner()), false);
    int before = PKI.ocspRequestCount() + PKI.crlRequestCount();

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.NONE).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.VALID);
    assertThat(report.has(ReasonCode.REVOCATION_NOT_CHECKED)).isTrue();
    assertThat(PKI.ocspRequestCount() + PKI.crlRequestCount()).isEqualTo(before);
  }

  @Test
  void cachesOcspAnswersBetweenVerifications() {
    byte[] cms = sign(Fixtures.key(PKI.citizenSigner()), false);
    CmsVerifier verifier = Fixtures.verifier(PKI, RevocationPolicy.REQUIRE);
    verifier.verify(cms, Fixtures.CONTENT);
    int afterFirst = PKI.ocspRequestCount();

    SignatureReport second = verifier.verify(cms, Fixtures.CONTENT);

    assertThat(second.verdict()).isEqualTo(Verdict.VALID);
    assertThat(PKI.ocspRequestCount()).isEqualTo(afterFirst);
  }
}
