package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** CAdES-T signing against the RFC 3161 fake, its faults, and OpenSSL's view of the tokens. */
class TimestampTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Fixtures.SIGNING_CLOCK).build();

  @TempDir Path dir;

  @AfterEach
  void heal() {
    TSA.reset();
  }

  private static HttpTimestampAuthority.Builder client() {
    return HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new java.util.Random(42));
  }

  private static byte[] signWith(TimestampAuthority authority) {
    return CmsSigner.builder()
        .key(Fixtures.key(PKI.organisationSigner()))
        .clock(Fixtures.SIGNING_CLOCK)
        .timestampAuthority(authority)
        .build()
        .sign(Fixtures.CONTENT);
  }

  @Test
  void timestampedSignatureHasAProvenSigningTime() {
    byte[] cms = signWith(client().policy(TSA.policy()).build());

    SignatureReport report =
        Fixtures.verifier(PKI, RevocationPolicy.REQUIRE).verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    SignerReport signer = report.signers().get(0);
    assertThat(signer.check(CheckType.TIMESTAMP).orElseThrow().reason())
        .isEqualTo(ReasonCode.TIMESTAMP_VALID);
    assertThat(signer.signingTimeProven()).isTrue();
    assertThat(signer.signingTime()).contains(Fixtures.NOW);
  }

  @Test
  void openSslVerifiesTheEmbeddedTimestampToken() throws Exception {
    OpenSsl.assumeAvailable();
    byte[] cms = signWith(client().build());
    SignerInfo signerInfo =
        SignerInfo.getInstance(
            SignedData.getInstance(
                    ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent())
                .getSignerInfos()
                .getObjectAt(0));
    byte[] token =
        new AttributeTable(signerInfo.getUnauthenticatedAttributes())
            .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
            .getAttrValues()
            .getObjectAt(0)
            .toASN1Primitive()
            .getEncoded();
    Path tokenFile = Files.write(dir.resolve("token.der"), token);
    Path data =
        Files.write(
            dir.resolve("signature-value.bin"), signerInfo.getEncryptedDigest().getOctets());
    Path ca = Files.writeString(dir.resolve("ca.pem"), PKI.trustAnchorsPem());
    Path untrusted =
        Files.writeString(dir.resolve("chain.pem"), PKI.timestampAuthority().chainPem());

    OpenSsl.Result result =
        OpenSsl.run(
            List.of(
                "ts",
                "-verify",
                "-token_in",
                "-in",
                tokenFile.toString(),
                "-data",
                data.toString(),
                "-CAfile",
                ca.toString(),
                "-untrusted",
                untrusted.toString()));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("Verification: OK");
  }

  @Test
  void refusalIsReportedWithTheStatus() {
    TSA.fail(TimestampAuthorityFake.Fault.ERROR_STATUS);

    assertThatThrownBy(() -> signWith(client().build()))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("tsa.status");
              assertThat(e.getMessage()).contains("status 2");
            });
  }

  @Test
  void wrongNonceIsRejected() {
    TSA.fail(TimestampAuthorityFake.Fault.WRONG_NONCE);

    assertThatThrownBy(() -> signWith(client().build()))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("tsa.nonce"));
  }

  @Test
  void wrongImprintIsRejected() {
    TSA.fail(TimestampAuthorityFake.Fault.WRONG_IMPRINT);

    assertThatThrownBy(() -> signWith(client().build()))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("tsa.imprint"));
  }

  @Test
  void slowAuthorityTimesOut() {
    TSA.delayReplies(Duration.ofSeconds(5));

    assertThatThrownBy(() -> signWith(client().timeout(Duration.ofMillis(300)).build()))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("tsa.timeout"));
  }

  @Test
  void unknownPolicyIsRefused() {
    assertThatThrownBy(() -> signWith(client().policy("2.999.1.2.3").build()))
        .isInstanceOfSatisfying(
            MotcuaException.class, e -> assertThat(e.code()).isEqualTo("tsa.status"));
  }

  @Test
  void httpErrorCarriesTheStatus() {
    HttpTimestampAuthority wrongPath =
        HttpTimestampAuthority.builder().url(TSA.url() + "/missing").build();

    assertThatThrownBy(() -> signWith(wrongPath))
        .isInstanceOfSatisfying(
            RetryLaterException.class,
            e -> {
              assertThat(e.code()).isEqualTo("tsa.http");
              assertThat(e.getMessage()).contains("404");
            });
  }

  @Test
  void timestampFromAnotherPkiIsNotTrusted() {
    try (TestPki other = TestPki.builder().clock(Fixtures.SIGNING_CLOCK).keySeed("other").build();
        TimestampAuthorityFake otherTsa =
            TimestampAuthorityFake.builder(other).clock(Fixtures.SIGNING_CLOCK).build()) {
      byte[] cms = signWith(HttpTimestampAuthority.builder().url(otherTsa.url()).build());

      SignatureReport report =
          Fixtures.verifier(PKI, RevocationPolicy.PREFER_OCSP).verify(cms, Fixtures.CONTENT);

      assertThat(report.has(ReasonCode.TIMESTAMP_UNTRUSTED)).as(report.toString()).isTrue();
      assertThat(report.signers().get(0).signingTimeProven()).isFalse();
    }
  }
}
