package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad certificate and every kind of broken input gives a verdict, never an exception. */
class HostileInputTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Fixtures.SIGNING_CLOCK).build();

  private final CmsVerifier verifier = Fixtures.verifier(PKI, RevocationPolicy.REQUIRE);

  static Stream<Arguments> badCertificates() {
    return Stream.of(
        Arguments.of("expired", Verdict.INDETERMINATE, ReasonCode.VALIDITY_EXPIRED),
        Arguments.of("not-yet-valid", Verdict.INVALID, ReasonCode.VALIDITY_NOT_YET_VALID),
        Arguments.of("revoked", Verdict.INVALID, ReasonCode.REVOCATION_REVOKED),
        Arguments.of("wrong-key-usage", Verdict.INVALID, ReasonCode.KEY_USAGE_NOT_FOR_SIGNING),
        Arguments.of("untrusted", Verdict.INDETERMINATE, ReasonCode.CHAIN_NO_TRUST_ANCHOR));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("badCertificates")
  void rejectsEveryBadCertificateOfTheTestPki(String which, Verdict verdict, ReasonCode reason) {
    TestPki.Credential credential =
        switch (which) {
          case "expired" -> PKI.expiredSigner();
          case "not-yet-valid" -> PKI.notYetValidSigner();
          case "revoked" -> PKI.revokedSigner();
          case "wrong-key-usage" -> PKI.wrongKeyUsageSigner();
          default -> PKI.untrustedSigner();
        };
    byte[] cms = Fixtures.signer(credential).sign(Fixtures.CONTENT);

    SignatureReport report = verifier.verify(cms, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(verdict);
    assertThat(report.has(reason)).as(report.toString()).isTrue();
  }

  @Test
  void rejectsTamperedContent() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    byte[] content = Fixtures.CONTENT.clone();
    content[5] ^= 0x20;

    SignatureReport report = verifier.verify(cms, content);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.CONTENT_DIGEST_MISMATCH)).isTrue();
  }

  @Test
  void rejectsTamperedSignatureValue() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    byte[] tampered =
        Tamper.signerInfo(
            cms,
            si ->
                new SignerInfo(
                    si.getSID(),
                    si.getDigestAlgorithm(),
                    si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(),
                    new DEROctetString(Tamper.flipLast(si.getEncryptedDigest().getOctets())),
                    si.getUnauthenticatedAttributes()));

    SignatureReport report = verifier.verify(tampered, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.SIGNATURE_VALUE_INVALID)).isTrue();
  }

  @Test
  void rejectsTamperedSignedAttributes() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    byte[] tampered =
        Tamper.signedAttributes(
            cms,
            signed ->
                new DERSet(
                    new AttributeTable(signed)
                        .remove(CMSAttributes.signingTime)
                        .add(
                            CMSAttributes.signingTime,
                            new Time(java.util.Date.from(Instant.parse("2025-01-01T00:00:00Z"))))
                        .toASN1EncodableVector()));

    SignatureReport report = verifier.verify(tampered, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.SIGNATURE_VALUE_INVALID)).isTrue();
  }

  @Test
  void rejectsTamperedTimestamp() {
    CmsSigner signer =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.organisationSigner()))
            .clock(Fixtures.SIGNING_CLOCK)
            .timestampAuthority(HttpTimestampAuthority.builder().url(TSA.url()).build())
            .build();
    byte[] cms = signer.sign(Fixtures.CONTENT);
    byte[] tampered =
        Tamper.unsignedAttributes(
            cms,
            unsigned -> {
              Attribute token =
                  new AttributeTable(unsigned)
                      .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
              byte[] broken;
              try {
                broken =
                    Tamper.flipLast(
                        token.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded());
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
              Attribute replaced;
              try {
                replaced =
                    new Attribute(
                        PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(broken)));
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
              return new DERSet(replaced);
            });

    SignatureReport report = verifier.verify(tampered, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.TIMESTAMP_SIGNATURE_INVALID)).as(report.toString()).isTrue();
  }

  @Test
  void rejectsSignatureWithoutSigners() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    byte[] empty = Tamper.signerInfos(cms, set -> new DERSet());

    SignatureReport report = verifier.verify(empty, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.FORMAT_NO_SIGNERS)).isTrue();
  }

  @Test
  void reportsUnknownSignatureAlgorithmAsIndeterminate() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    byte[] unknown =
        Tamper.signerInfo(
            cms,
            si ->
                new SignerInfo(
                    si.getSID(),
                    si.getDigestAlgorithm(),
                    si.getAuthenticatedAttributes(),
                    new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1")),
                    si.getEncryptedDigest(),
                    si.getUnauthenticatedAttributes()));

    SignatureReport report = verifier.verify(unknown, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(report.has(ReasonCode.SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED)).isTrue();
  }

  @Test
  void reportsUnknownDigestAlgorithmAsIndeterminate() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);
    byte[] md5 =
        Tamper.signerInfo(
            cms,
            si ->
                new SignerInfo(
                    si.getSID(),
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.md5),
                    si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(),
                    si.getEncryptedDigest(),
                    si.getUnauthenticatedAttributes()));

    SignatureReport report = verifier.verify(md5, Fixtures.CONTENT);

    assertThat(report.verdict()).isNotEqualTo(Verdict.VALID);
    assertThat(report.has(ReasonCode.CONTENT_DIGEST_ALGORITHM_UNSUPPORTED)).isTrue();
  }

  @Test
  void rejectsTruncatedSignature() {
    byte[] cms = Fixtures.signer(PKI.organisationSigner()).sign(Fixtures.CONTENT);

    SignatureReport report = verifier.verify(Arrays.copyOf(cms, cms.length / 2), Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.FORMAT_MALFORMED)).isTrue();
  }

  @Test
  void rejectsEmptyAndNullInput() {
    assertThat(verifier.verify(new byte[0], Fixtures.CONTENT).has(ReasonCode.FORMAT_MALFORMED))
        .isTrue();
    assertThat(verifier.verify(null).has(ReasonCode.FORMAT_MALFORMED)).isTrue();
  }

  static IntStream seeds() {
    return IntStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rejectsRandomBytes(int seed) {
    Random random = new Random(5000 + seed);
    byte[] bytes = new byte[1 + random.nextInt(4096)];
    random.nextBytes(bytes);
    if (seed % 2 == 0) {
      bytes[0] = 0x30; // looks like a SEQUENCE, to get past the first byte
    }

    SignatureReport report = verifier.verify(bytes, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.FORMAT_MALFORMED)).isTrue();
  }

  /**
   * Flips every byte of a signature in turn, so that each part of it (certificates, signed
   * attributes, signature value) is broken once whatever the random ECDSA signature looks like on
   * this run, then every byte of the time-stamp token a time-stamped signature adds at its end; the
   * flips come from a seeded random.
   */
  @Test
  void givesAVerdictForEveryFlippedByte() {
    byte[] plain = Fixtures.signer(PKI.ecSigner()).sign(Fixtures.CONTENT);
    byte[] stamped =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.ecSigner()))
            .clock(Fixtures.SIGNING_CLOCK)
            .timestampAuthority(
                HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new Random(42)).build())
            .build()
            .sign(Fixtures.CONTENT);
    Random random = new Random(7000);

    flipEachByte(plain, 0, random);
    // The unsigned attributes come last: the token and the lengths around it.
    flipEachByte(stamped, plain.length - 200, random);
  }

  private void flipEachByte(byte[] cms, int from, Random random) {
    for (int position = from; position < cms.length; position++) {
      byte[] mutated = cms.clone();
      mutated[position] ^= (byte) (1 + random.nextInt(255));

      SignatureReport report = verifier.verify(mutated, Fixtures.CONTENT);

      // Some bytes are not covered by the signature (a version, the digest algorithm list), so
      // a flip may leave it valid; what must never happen is an error instead of a verdict.
      assertThat(report.verdict()).as("byte %d", position).isNotNull();
      assertThat(report.has(ReasonCode.INTERNAL_ERROR))
          .as("byte %d: %s", position, report)
          .isFalse();
    }
  }

  /**
   * The platform reads some certificates whose subject BouncyCastle refuses (a byte flipped in a
   * name's string): every such variant of the signer's certificate still gives an identity.
   */
  @Test
  void readsAnIdentityFromEveryCertificateThePlatformAccepts() throws Exception {
    byte[] der = PKI.organisationSigner().certificate().getEncoded();
    byte[] subject = PKI.organisationSigner().certificate().getSubjectX500Principal().getEncoded();
    int from =
        new String(der, StandardCharsets.ISO_8859_1)
            .indexOf(new String(subject, StandardCharsets.ISO_8859_1));
    assertThat(from).as("the subject's place in the certificate").isPositive();
    java.security.cert.CertificateFactory factory =
        java.security.cert.CertificateFactory.getInstance("X.509");
    int readable = 0;

    for (int position = from; position < from + subject.length; position++) {
      for (int flip = 1; flip < 256; flip++) {
        byte[] mutated = der.clone();
        mutated[position] ^= (byte) flip;
        java.security.cert.X509Certificate certificate;
        try {
          certificate =
              (java.security.cert.X509Certificate)
                  factory.generateCertificate(new java.io.ByteArrayInputStream(mutated));
          certificate.getSubjectX500Principal().getEncoded();
        } catch (Exception e) {
          continue; // the platform refuses it: no verifier gets this far
        }
        readable++;
        SignerIdentity identity = SignerIdentity.of(certificate);
        assertThat(identity.serialNumber()).isEqualTo(certificate.getSerialNumber());
      }
    }
    assertThat(readable).isGreaterThan(1000);
  }

  @Test
  void rejectsASignedAttributeThatIsNotAnAttribute() {
    byte[] cms = Fixtures.signer(PKI.ecSigner()).sign(Fixtures.CONTENT);
    byte[] broken =
        Tamper.signedAttributes(cms, signed -> new DERSet(new DERUTF8String("not an attribute")));

    SignatureReport report = verifier.verify(broken, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.FORMAT_MALFORMED)).as(report.toString()).isTrue();
    assertThat(report.has(ReasonCode.INTERNAL_ERROR)).isFalse();
  }

  @Test
  void rejectsAnUnsignedAttributeWithoutValues() {
    byte[] cms = Fixtures.signer(PKI.ecSigner()).sign(Fixtures.CONTENT);
    byte[] broken =
        Tamper.unsignedAttributes(
            cms,
            unsigned ->
                new DERSet(
                    new DERSequence(
                        new ASN1Encodable[] {
                          PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                          new DERUTF8String("not a set of values")
                        })));

    SignatureReport report = verifier.verify(broken, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.FORMAT_MALFORMED)).as(report.toString()).isTrue();
    assertThat(report.has(ReasonCode.INTERNAL_ERROR)).isFalse();
  }
}
