package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The attacks a hostile party tried on the CMS verifier: each is refused with a stable reason code
 * (each test failed before the verifier was changed).
 */
class SignatureAttackTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @AfterEach
  void servicesBackUp() {
    PKI.revocationAvailable(true);
  }

  private static CmsVerifier.Builder verifier() {
    return CmsVerifier.builder()
        .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
        .clock(Fixtures.VERIFY_CLOCK);
  }

  @Test
  void aBackdatedSigningTimeDoesNotBeatExpiry() {
    // The key's certificate expired 30 days ago; the signer claims to have signed 60 days ago.
    Clock lastYear = Clock.fixed(Fixtures.NOW.minus(Duration.ofDays(60)), ZoneOffset.UTC);
    byte[] cms =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.expiredSigner()))
            .clock(lastYear)
            .build()
            .sign(Fixtures.CONTENT);

    SignatureReport report = verifier().build().verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INDETERMINATE);
    SignerReport signer = report.signers().get(0);
    assertThat(signer.has(ReasonCode.VALIDITY_EXPIRED)).as(report.toString()).isTrue();
    assertThat(signer.check(CheckType.SIGNING_TIME).orElseThrow().reason())
        .isEqualTo(ReasonCode.SIGNING_TIME_CLAIMED);
    assertThat(signer.signingTime()).contains(Fixtures.VERIFY_CLOCK.instant());
    assertThat(signer.timeProof()).isEmpty();
    assertThat(signer.claimedSigningTime()).contains(Fixtures.NOW.minus(Duration.ofDays(60)));
  }

  @Test
  void aSignatureWithoutSigningCertificateReferenceIsIndeterminateByDefault() throws Exception {
    byte[] cms = bouncyCastleSignature(PKI.organisationSigner(), false, false);

    SignatureReport strict = verifier().build().verify(cms, Fixtures.CONTENT);
    SignatureReport lenient =
        verifier().policy(SignaturePolicy.LENIENT).build().verify(cms, Fixtures.CONTENT);

    assertThat(strict.verdict()).as(strict.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(strict.signers().get(0).check(CheckType.SIGNING_CERTIFICATE_REFERENCE))
        .get()
        .extracting(Check::reason, Check::outcome)
        .containsExactly(ReasonCode.SIGNING_CERTIFICATE_ABSENT, CheckOutcome.INDETERMINATE);
    assertThat(lenient.verdict()).as(lenient.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aSwappedCertificateIsRefused() throws Exception {
    // The same key certified twice: the signature names the first certificate; an attacker puts
    // the second (another subject) in its place.
    KeyPair keys = ecKeys();
    List<X509Certificate> first =
        PKI.certify(keys.getPublic(), "C=VN,CN=Nguyễn Văn Thật,UID=CCCD:001203007777");
    List<X509Certificate> second =
        PKI.certify(keys.getPublic(), "C=VN,CN=Kẻ Mạo Danh,UID=CCCD:001203008888");
    byte[] cms =
        CmsSigner.builder()
            .key(KeyStoreSigningKey.of(keys.getPrivate(), first))
            .clock(Fixtures.SIGNING_CLOCK)
            .build()
            .sign(Fixtures.CONTENT);
    byte[] swapped =
        Tamper.signerInfo(
            withCertificates(cms, second),
            si ->
                new org.bouncycastle.asn1.cms.SignerInfo(
                    new org.bouncycastle.asn1.cms.SignerIdentifier(
                        new org.bouncycastle.asn1.cms.IssuerAndSerialNumber(
                            X500Name.getInstance(
                                second.get(0).getIssuerX500Principal().getEncoded()),
                            second.get(0).getSerialNumber())),
                    si.getDigestAlgorithm(),
                    si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(),
                    si.getEncryptedDigest(),
                    si.getUnauthenticatedAttributes()));

    SignatureReport report = verifier().build().verify(swapped, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.SIGNING_CERTIFICATE_MISMATCH)).isTrue();
  }

  @Test
  void aRevokedSignerWithUnreachableRevocationIsIndeterminateByDefault() throws Exception {
    KeyPair keys = ecKeys();
    List<X509Certificate> chain =
        PKI.certify(keys.getPublic(), "C=VN,CN=Hoàng Văn Em,UID=CCCD:001203005555");
    byte[] cms =
        CmsSigner.builder()
            .key(KeyStoreSigningKey.of(keys.getPrivate(), chain))
            .clock(Fixtures.SIGNING_CLOCK)
            .build()
            .sign(Fixtures.CONTENT);
    PKI.revoke(chain.get(0), Fixtures.NOW.minus(Duration.ofDays(1)));
    PKI.revocationAvailable(false);

    SignatureReport strict = verifier().build().verify(cms, Fixtures.CONTENT);

    assertThat(strict.verdict()).as(strict.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(strict.has(ReasonCode.REVOCATION_UNAVAILABLE)).isTrue();
    // The lenient policy, asked for by name, fails open as it documents.
    SignatureReport lenient =
        verifier().policy(SignaturePolicy.LENIENT).build().verify(cms, Fixtures.CONTENT);
    assertThat(lenient.verdict()).as(lenient.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void findsASignerIdentifiedByAnRfc7093SubjectKeyIdentifier() throws Exception {
    try (TestPki pki =
        TestPki.builder().clock(Fixtures.SIGNING_CLOCK).rfc7093KeyIdentifiers(true).build()) {
      TestPki.Credential credential = pki.organisationSigner();
      byte[] ski =
          SubjectKeyIdentifier.getInstance(
                  org.bouncycastle.asn1.ASN1OctetString.getInstance(
                          credential
                              .certificate()
                              .getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                      .getOctets())
              .getKeyIdentifier();
      byte[] sha1 =
          new org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils()
              .createSubjectKeyIdentifier(credential.certificate().getPublicKey())
              .getKeyIdentifier();
      assertThat(ski).isNotEqualTo(sha1);
      byte[] cms = bouncyCastleSignature(credential, true, true);

      SignatureReport report =
          CmsVerifier.builder()
              .trustAnchors(TrustAnchors.of(pki.trustAnchors()))
              .clock(Fixtures.VERIFY_CLOCK)
              .build()
              .verify(cms, Fixtures.CONTENT);

      assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
      assertThat(report.has(ReasonCode.SIGNER_CERTIFICATE_FOUND)).isTrue();
    }
  }

  @Test
  void testPkiCertificatesNameTheirIssuersCertificate() throws Exception {
    X509Certificate signer = PKI.organisationSigner().certificate();
    org.bouncycastle.asn1.x509.AuthorityInformationAccess aia =
        org.bouncycastle.asn1.x509.AuthorityInformationAccess.getInstance(
            org.bouncycastle.asn1.ASN1OctetString.getInstance(
                    signer.getExtensionValue(Extension.authorityInfoAccess.getId()))
                .getOctets());
    String url =
        Arrays.stream(aia.getAccessDescriptions())
            .filter(
                d ->
                    d.getAccessMethod()
                        .equals(org.bouncycastle.asn1.x509.AccessDescription.id_ad_caIssuers))
            .map(d -> d.getAccessLocation().getName().toString())
            .findFirst()
            .orElseThrow();
    assertThat(url).isEqualTo(PKI.caIssuersUrl("intermediate"));
    okhttp3.OkHttpClient client = new okhttp3.OkHttpClient();
    try (okhttp3.Response response =
        client.newCall(new okhttp3.Request.Builder().url(url).build()).execute()) {
      assertThat(response.header("Content-Type")).isEqualTo("application/pkix-cert");
      assertThat(response.body().bytes()).isEqualTo(PKI.intermediateCertificate().getEncoded());
    }
  }

  // ---- bounded verification ----

  @Test
  void aCmsWithThreeHundredSignersAndSixHundredDecoysIsRefusedByCount() throws Exception {
    byte[] hostile = hostileCms(300, 600);
    int requests = PKI.ocspRequestCount() + PKI.crlRequestCount();

    SignatureReport report = verifier().build().verify(hostile, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(report.signers()).isEmpty();
    assertThat(report.formatChecks())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.reason()).isEqualTo(ReasonCode.LIMIT_EXCEEDED);
              assertThat(c.detail()).startsWith("limit.signers: 300 > 16");
            });
    assertThat(PKI.ocspRequestCount() + PKI.crlRequestCount()).isEqualTo(requests);

    // With the signer limit raised, the decoy certificates hit theirs.
    SignatureReport certificates =
        verifier()
            .limits(VerificationLimits.builder().maxSigners(1000).build())
            .build()
            .verify(hostile, Fixtures.CONTENT);
    assertThat(certificates.formatChecks().get(0).detail())
        .as(certificates.toString())
        .startsWith("limit.certificates: 60");
  }

  @Test
  void decoyIssuersWithinTheLimitsStillVerifyTheRealSigner() throws Exception {
    // 16 signers and 60 decoys: inside the default limits, verified, the real chain found.
    byte[] hostile = hostileCms(16, 60);

    SignatureReport report = verifier().build().verify(hostile, Fixtures.CONTENT);

    assertThat(report.signers()).hasSize(16);
    assertThat(report.signers()).allSatisfy(s -> assertThat(s.verdict()).isEqualTo(Verdict.VALID));
  }

  @Test
  void deeplyNestedAsn1IsRefusedBeforeParsing() {
    byte[] nested = new byte[200_000];
    int depth = nested.length / 2;
    for (int i = 0; i < depth; i++) {
      nested[2 * i] = 0x30;
      nested[2 * i + 1] = (byte) 0x80; // indefinite length, never closed
    }

    SignatureReport report = verifier().build().verify(nested, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(report.formatChecks().get(0).detail()).startsWith("limit.nesting: 65 > 64");
  }

  @Test
  void limitsAreValidated() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> VerificationLimits.builder().maxSigners(0))
        .isInstanceOf(ConfigurationException.class)
        .extracting(e -> ((MotcuaException) e).code())
        .isEqualTo("verification-limits.signers");
  }

  // ---- helpers ----

  private static KeyPair ecKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom(new byte[] {7}));
    return generator.generateKeyPair();
  }

  /** A CMS made by BouncyCastle itself, optionally identifying the signer by key identifier. */
  private static byte[] bouncyCastleSignature(
      TestPki.Credential credential, boolean bySubjectKeyId, boolean signingCertificate)
      throws Exception {
    X509Certificate certificate = credential.certificate();
    ASN1EncodableVector attributes = new ASN1EncodableVector();
    if (signingCertificate) {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
      attributes.add(
          new org.bouncycastle.asn1.cms.Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(new SigningCertificateV2(new ESSCertIDv2(hash)))));
    }
    JcaSignerInfoGeneratorBuilder builder =
        new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
            .setSignedAttributeGenerator(
                new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)));
    org.bouncycastle.operator.ContentSigner signer =
        new JcaContentSignerBuilder("SHA256withRSA").build(credential.privateKey());
    byte[] ski =
        SubjectKeyIdentifier.getInstance(
                org.bouncycastle.asn1.ASN1OctetString.getInstance(
                        certificate.getExtensionValue(Extension.subjectKeyIdentifier.getId()))
                    .getOctets())
            .getKeyIdentifier();
    CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
    generator.addSignerInfoGenerator(
        bySubjectKeyId ? builder.build(signer, ski) : builder.build(signer, certificate));
    generator.addCertificates(new JcaCertStore(credential.chain()));
    return generator.generate(new CMSProcessableByteArray(Fixtures.CONTENT), false).getEncoded();
  }

  private static byte[] withCertificates(byte[] cms, List<X509Certificate> certificates)
      throws Exception {
    ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
    SignedData sd = SignedData.getInstance(info.getContent());
    ASN1EncodableVector v = new ASN1EncodableVector();
    for (X509Certificate certificate : certificates) {
      v.add(ASN1Primitive.fromByteArray(certificate.getEncoded()));
    }
    SignedData changed =
        new SignedData(
            sd.getDigestAlgorithms(),
            sd.getEncapContentInfo(),
            new DERSet(v),
            sd.getCRLs(),
            sd.getSignerInfos());
    return new ContentInfo(CMSObjectIdentifiers.signedData, changed).getEncoded(ASN1Encoding.DER);
  }

  /**
   * A valid signature whose SignerInfo is repeated {@code signers} times, carrying {@code decoys}
   * self-made certificates that name the real intermediate CA as subject (other keys).
   */
  private static byte[] hostileCms(int signers, int decoys) throws Exception {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    ContentInfo info = ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms));
    SignedData sd = SignedData.getInstance(info.getContent());
    ASN1Encodable signerInfo = sd.getSignerInfos().getObjectAt(0);
    ASN1EncodableVector infos = new ASN1EncodableVector();
    for (int i = 0; i < signers; i++) {
      infos.add(signerInfo);
    }
    KeyPair decoyKeys = ecKeys();
    X500Name intermediate =
        X500Name.getInstance(PKI.intermediateCertificate().getSubjectX500Principal().getEncoded());
    org.bouncycastle.operator.ContentSigner decoySigner =
        new JcaContentSignerBuilder("SHA256withECDSA").build(decoyKeys.getPrivate());
    ASN1EncodableVector certificates = new ASN1EncodableVector();
    for (int i = 0; i < decoys; i++) {
      certificates.add(
          new JcaX509v3CertificateBuilder(
                  intermediate,
                  BigInteger.valueOf(i + 1),
                  Date.from(Fixtures.NOW.minus(Duration.ofDays(1))),
                  Date.from(Fixtures.NOW.plus(Duration.ofDays(365))),
                  intermediate,
                  decoyKeys.getPublic())
              .build(decoySigner)
              .toASN1Structure());
    }
    for (ASN1Encodable real : sd.getCertificates()) {
      certificates.add(real);
    }
    SignedData hostile =
        new SignedData(
            sd.getDigestAlgorithms(),
            sd.getEncapContentInfo(),
            new DERSet(certificates),
            sd.getCRLs(),
            new DERSet(infos));
    return new ContentInfo(CMSObjectIdentifiers.signedData, hostile).getEncoded(ASN1Encoding.DER);
  }
}
