package io.github.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.TestPki;
import io.github.motcua.testkit.TimestampAuthorityFake;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * CAdES-LTA: archive time-stamps (archive-time-stamp-v3 with ats-hash-index-v3, ETSI EN 319 122-1
 * clause 5.5) made, renewed, verified ten years later with the responders gone, tampered with, and
 * checked by OpenSSL.
 */
class ArchiveTimestampTest {

  @RegisterExtension static final TestPki PKI = Fixtures.pki();

  @RegisterExtension
  static final TimestampAuthorityFake TSA =
      TimestampAuthorityFake.builder(PKI).clock(Fixtures.SIGNING_CLOCK).build();

  static final Clock TEN_YEARS_LATER =
      Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(3652)), ZoneOffset.UTC);

  /** Three years later: the first time-stamping certificate (five years) is still valid. */
  static final Clock THREE_YEARS_LATER =
      Clock.fixed(Fixtures.NOW.plus(Duration.ofDays(3 * 365)), ZoneOffset.UTC);

  /** The time-stamping authority at renewal time, with its second-generation certificate. */
  @RegisterExtension static final TimestampAuthorityFake RENEWED_TSA = Renewal.authority(PKI);

  static final ASN1ObjectIdentifier ARCHIVE_V3 = new ASN1ObjectIdentifier("0.4.0.1733.2.4");
  static final ASN1ObjectIdentifier HASH_INDEX_V3 = new ASN1ObjectIdentifier("0.4.0.19122.1.5");

  @TempDir Path dir;

  @AfterEach
  void servicesBackUp() {
    PKI.revocationAvailable(true);
    PKI.revocationClock(Fixtures.SIGNING_CLOCK);
    PKI.unrevoke(PKI.timestampAuthority().certificate());
  }

  private static byte[] renew(byte[] cms) {
    return Renewal.renew(PKI, RENEWED_TSA, cms);
  }

  private static List<Check> checksOf(SignatureReport report, ReasonCode reason) {
    return report.signers().get(0).checks().stream().filter(c -> c.reason() == reason).toList();
  }

  private static TimestampAuthority tsa() {
    return HttpTimestampAuthority.builder().url(TSA.url()).nonceSource(new Random(11)).build();
  }

  private static CmsExtender extender() {
    return CmsExtender.builder()
        .certificateValidator(
            CertificateValidator.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .clock(Fixtures.SIGNING_CLOCK)
                .build())
        .timestampAuthority(tsa())
        .build();
  }

  private static byte[] sign(boolean timestamped) {
    CmsSigner.Builder builder =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.organisationSigner()))
            .clock(Fixtures.SIGNING_CLOCK);
    if (timestamped) {
      builder.timestampAuthority(tsa());
    }
    return builder.build().sign(Fixtures.CONTENT);
  }

  private static byte[] lta() {
    return extender().toLta(sign(true), new ByteArrayInputStream(Fixtures.CONTENT));
  }

  private static CmsVerifier verifier(Clock clock) {
    return CmsVerifier.builder()
        .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
        .clock(clock)
        .build();
  }

  private static SignerInfo signerOf(byte[] cms) throws Exception {
    return SignerInfo.getInstance(
        SignedData.getInstance(
                ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent())
            .getSignerInfos()
            .getObjectAt(0));
  }

  private static List<byte[]> archiveTokens(byte[] cms) throws Exception {
    List<byte[]> out = new ArrayList<>();
    ASN1EncodableVector found =
        new AttributeTable(signerOf(cms).getUnauthenticatedAttributes()).getAll(ARCHIVE_V3);
    for (int i = 0; i < found.size(); i++) {
      for (ASN1Encodable value : Attribute.getInstance(found.get(i)).getAttrValues()) {
        out.add(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
      }
    }
    return out;
  }

  /** Replaces the value of every archive-time-stamp-v3 attribute with what {@code change} makes. */
  private static byte[] changeArchiveTokens(byte[] cms, UnaryOperator<ASN1Encodable> change) {
    return Tamper.unsignedAttributes(
        cms,
        set -> {
          ASN1EncodableVector out = new ASN1EncodableVector();
          for (ASN1Encodable element : set) {
            Attribute attribute = Attribute.getInstance(element);
            out.add(
                ARCHIVE_V3.equals(attribute.getAttrType())
                    ? new Attribute(
                        ARCHIVE_V3,
                        new DERSet(change.apply(attribute.getAttrValues().getObjectAt(0))))
                    : attribute);
          }
          return new DERSet(out);
        });
  }

  /** Rewrites the SignerInfo inside every archive time-stamp token. */
  private static byte[] changeArchiveSigner(byte[] cms, UnaryOperator<SignerInfo> change) {
    return changeArchiveTokens(
        cms,
        token -> {
          try {
            return ContentInfo.getInstance(
                ASN1Primitive.fromByteArray(
                    Tamper.signerInfo(
                        token.toASN1Primitive().getEncoded(ASN1Encoding.DER), change)));
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }

  private static byte[] withCrls(byte[] cms, ASN1Set crls) throws Exception {
    SignedData sd =
        SignedData.getInstance(
            ContentInfo.getInstance(ASN1Primitive.fromByteArray(cms)).getContent());
    return new ContentInfo(
            CMSObjectIdentifiers.signedData,
            new SignedData(
                sd.getDigestAlgorithms(),
                sd.getEncapContentInfo(),
                sd.getCertificates(),
                crls,
                sd.getSignerInfos()))
        .getEncoded(ASN1Encoding.DER);
  }

  @Test
  void aCadesLtaSignatureRenewedInTimeVerifiesTenYearsLaterWithTheRespondersGone()
      throws Exception {
    byte[] lta = lta();

    assertThat(archiveTokens(lta)).hasSize(1);
    SignatureReport now = verifier(Fixtures.VERIFY_CLOCK).verify(lta, Fixtures.CONTENT);
    assertThat(now.verdict()).as(now.toString()).isEqualTo(Verdict.VALID);
    assertThat(now.has(ReasonCode.ARCHIVE_TIMESTAMP_VALID)).isTrue();

    byte[] renewed = renew(lta);
    PKI.revocationAvailable(false);
    SignatureReport later = verifier(TEN_YEARS_LATER).verify(renewed, Fixtures.CONTENT);

    assertThat(later.verdict()).as(later.toString()).isEqualTo(Verdict.VALID);
    assertThat(later.signers().get(0).signingTime()).contains(Fixtures.NOW);
    // The first archive time-stamp's authority (expired after five years) is judged at the
    // renewal's time; the renewal's own authority at the current time.
    List<Check> archive = checksOf(later, ReasonCode.ARCHIVE_TIMESTAMP_VALID);
    assertThat(archive).hasSize(2);
    assertThat(archive.get(0).detail())
        .contains("judged at " + Renewal.CLOCK.instant())
        .contains("archive time-stamp 2");
    assertThat(archive.get(1).detail()).contains("the current time");
    assertThat(checksOf(later, ReasonCode.TIMESTAMP_VALID).get(0).detail())
        .contains("archive time-stamp 1");
  }

  @Test
  void aCadesLtaSignatureNotRenewedIsIndeterminateOnceItsTimeStampingCertificateExpired() {
    byte[] lta = lta();
    PKI.revocationAvailable(false);

    SignatureReport later = verifier(TEN_YEARS_LATER).verify(lta, Fixtures.CONTENT);

    // Nothing proves the archive time-stamp existed while its authority's certificate was valid:
    // an expired (or compromised) key could otherwise prove any past time.
    assertThat(later.verdict()).as(later.toString()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(later.has(ReasonCode.ARCHIVE_TIMESTAMP_NO_PROOF_OF_EXISTENCE)).isTrue();
    assertThat(later.has(ReasonCode.ARCHIVE_TIMESTAMP_VALID)).isFalse();
  }

  @Test
  void aTimeStampWhoseAuthorityWasRevokedBeforeTheCoveringArchiveTimeStampIsNotValid() {
    byte[] timestamped = sign(true);
    PKI.revoke(PKI.timestampAuthority().certificate(), Fixtures.NOW.plus(Duration.ofDays(365)));
    byte[] archived = renew(timestamped);
    PKI.revocationAvailable(false);

    SignatureReport report = verifier(TEN_YEARS_LATER).verify(archived, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isNotEqualTo(Verdict.VALID);
    assertThat(report.has(ReasonCode.ARCHIVE_TIMESTAMP_VALID)).isTrue();
    assertThat(report.has(ReasonCode.TIMESTAMP_NO_PROOF_OF_EXISTENCE)).isTrue();
    assertThat(report.has(ReasonCode.REVOCATION_REVOKED_NO_PROOF)).isFalse();
    assertThat(checksOf(report, ReasonCode.TIMESTAMP_NO_PROOF_OF_EXISTENCE).get(0).detail())
        .contains("revocation.revoked-no-proof");
  }

  @Test
  void theArchiveTimeStampsTimeIsTheValidationTimeWhenNothingEarlierProvesOne() {
    byte[] lta = extender().toLta(sign(false), new ByteArrayInputStream(Fixtures.CONTENT));
    PKI.revocationAvailable(false);

    // The signer's certificate expired after two years; the archive time-stamp's is still valid.
    SignatureReport report = verifier(THREE_YEARS_LATER).verify(lta, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.has(ReasonCode.SIGNING_TIME_PROVEN_BY_ARCHIVE_TIMESTAMP)).isTrue();
    assertThat(report.signers().get(0).timeProof()).contains(TimeProof.ARCHIVE_TIMESTAMP);
    assertThat(report.signers().get(0).signingTime()).contains(Fixtures.NOW);
  }

  @Test
  void renewalAddsAFurtherArchiveTimeStampOverTheFirst() throws Exception {
    byte[] lta = lta();
    byte[] renewed = extender().toLta(lta, new ByteArrayInputStream(Fixtures.CONTENT));

    assertThat(archiveTokens(renewed)).hasSize(2);
    PKI.revocationAvailable(false);
    SignatureReport report = verifier(THREE_YEARS_LATER).verify(renewed, Fixtures.CONTENT);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(checksOf(report, ReasonCode.ARCHIVE_TIMESTAMP_VALID)).hasSize(2);
  }

  @Test
  void aSignatureWithEncapsulatedContentNeedsNoContentArgument() {
    byte[] attached =
        CmsSigner.builder()
            .key(Fixtures.key(PKI.organisationSigner()))
            .clock(Fixtures.SIGNING_CLOCK)
            .timestampAuthority(tsa())
            .encapsulate(true)
            .build()
            .sign(Fixtures.CONTENT);

    SignatureReport report = verifier(Fixtures.VERIFY_CLOCK).verify(extender().toLta(attached));

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.has(ReasonCode.ARCHIVE_TIMESTAMP_VALID)).isTrue();
  }

  @Test
  void aTamperedArchiveTimeStampIsInvalid() throws Exception {
    byte[] tampered =
        changeArchiveSigner(
            lta(),
            si ->
                new SignerInfo(
                    si.getSID(),
                    si.getDigestAlgorithm(),
                    si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(),
                    new DEROctetString(Tamper.flipLast(si.getEncryptedDigest().getOctets())),
                    si.getUnauthenticatedAttributes()));

    SignatureReport report = verifier(Fixtures.VERIFY_CLOCK).verify(tampered, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.ARCHIVE_TIMESTAMP_SIGNATURE_INVALID))
        .as(report.toString())
        .isTrue();
  }

  @Test
  void tamperedSignedContentIsInvalidForTheSignatureAndTheArchiveTimeStamp() {
    byte[] other = "Kết quả khác".getBytes(StandardCharsets.UTF_8);

    SignatureReport report = verifier(Fixtures.VERIFY_CLOCK).verify(lta(), other);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.CONTENT_DIGEST_MISMATCH)).isTrue();
    assertThat(report.has(ReasonCode.ARCHIVE_TIMESTAMP_IMPRINT_MISMATCH))
        .as(report.toString())
        .isTrue();
  }

  @Test
  void removedOrChangedEmbeddedValuesAreInvalid() throws Exception {
    byte[] lta = lta();
    SignedData sd =
        SignedData.getInstance(
            ContentInfo.getInstance(ASN1Primitive.fromByteArray(lta)).getContent());
    ASN1EncodableVector changed = new ASN1EncodableVector();
    for (ASN1Encodable element : sd.getCRLs()) {
      byte[] encoded = element.toASN1Primitive().getEncoded(ASN1Encoding.DER);
      changed.add(ASN1Primitive.fromByteArray(Tamper.flipLast(encoded)));
    }

    for (byte[] tampered :
        List.of(withCrls(lta, new DERSet()), withCrls(lta, new DERSet(changed)))) {
      SignatureReport report = verifier(Fixtures.VERIFY_CLOCK).verify(tampered, Fixtures.CONTENT);

      assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(report.has(ReasonCode.ARCHIVE_TIMESTAMP_HASH_INDEX_MISMATCH))
          .as(report.toString())
          .isTrue();
    }
  }

  @Test
  void aChangedHashIndexIsInvalid() throws Exception {
    ASN1Encodable emptyIndex =
        new DERSequence(
            new ASN1Encodable[] {
              new AlgorithmIdentifier(new ASN1ObjectIdentifier(DigestAlgorithm.SHA256.oid())),
              new DERSequence(),
              new DERSequence(),
              new DERSequence()
            });
    byte[] tampered =
        changeArchiveSigner(
            lta(),
            si ->
                new SignerInfo(
                    si.getSID(),
                    si.getDigestAlgorithm(),
                    si.getAuthenticatedAttributes(),
                    si.getDigestEncryptionAlgorithm(),
                    si.getEncryptedDigest(),
                    new DERSet(new Attribute(HASH_INDEX_V3, new DERSet(emptyIndex)))));

    SignatureReport report = verifier(Fixtures.VERIFY_CLOCK).verify(tampered, Fixtures.CONTENT);

    assertThat(report.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(report.has(ReasonCode.ARCHIVE_TIMESTAMP_IMPRINT_MISMATCH))
        .as(report.toString())
        .isTrue();
  }

  @Test
  void hostileArchiveAttributesAreReportedNotThrown() throws Exception {
    byte[] lta = lta();
    byte[] signatureToken =
        new AttributeTable(signerOf(lta).getUnauthenticatedAttributes())
            .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
            .getAttrValues()
            .getObjectAt(0)
            .toASN1Primitive()
            .getEncoded(ASN1Encoding.DER);

    byte[] garbage = changeArchiveTokens(lta, token -> new ASN1Integer(7));
    byte[] withoutIndex =
        changeArchiveTokens(
            lta,
            token -> {
              try {
                return ASN1Primitive.fromByteArray(signatureToken);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
            });
    byte[] renewed = extender().toLta(lta, new ByteArrayInputStream(Fixtures.CONTENT));
    CmsVerifier oneTimestamp =
        CmsVerifier.builder()
            .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
            .clock(Fixtures.VERIFY_CLOCK)
            .limits(VerificationLimits.builder().maxTimestamps(1).build())
            .build();

    SignatureReport malformed = verifier(Fixtures.VERIFY_CLOCK).verify(garbage, Fixtures.CONTENT);
    SignatureReport noIndex =
        verifier(Fixtures.VERIFY_CLOCK).verify(withoutIndex, Fixtures.CONTENT);
    SignatureReport tooMany = oneTimestamp.verify(renewed, Fixtures.CONTENT);

    assertThat(malformed.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(malformed.has(ReasonCode.ARCHIVE_TIMESTAMP_MALFORMED)).isTrue();
    assertThat(noIndex.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(noIndex.has(ReasonCode.ARCHIVE_TIMESTAMP_HASH_INDEX_MISSING)).isTrue();
    assertThat(tooMany.verdict()).isNotEqualTo(Verdict.VALID);
    assertThat(tooMany.has(ReasonCode.LIMIT_EXCEEDED)).as(tooMany.toString()).isTrue();
  }

  @Test
  void refusesWhatItCannotArchiveTimeStamp() {
    byte[] detached = sign(true);
    CmsExtender withoutTsa =
        CmsExtender.builder()
            .certificateValidator(
                CertificateValidator.builder()
                    .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                    .clock(Fixtures.SIGNING_CLOCK)
                    .build())
            .build();

    assertThatThrownBy(() -> extender().toLta(detached))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> assertThat(e.code()).isEqualTo("cms-extender.content-missing"));
    assertThatThrownBy(
            () ->
                extender()
                    .toLta(
                        detached,
                        new ByteArrayInputStream("khác".getBytes(StandardCharsets.UTF_8))))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> assertThat(e.code()).isEqualTo("cms-extender.content-mismatch"));
    assertThatThrownBy(() -> withoutTsa.toLta(detached))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("cms-extender.timestamp-authority.missing"));
  }

  /**
   * OpenSSL checks the CMS signature of the CAdES-LTA signature, and the archive time-stamp token
   * over the data this test assembles itself from the clause 5.5.3 list.
   */
  @Test
  void openSslVerifiesTheSignatureAndTheArchiveTimeStampToken() throws Exception {
    OpenSsl.assumeAvailable();
    byte[] lta = lta();
    Path signature = Files.write(dir.resolve("lta.p7s"), lta);
    Path content = Files.write(dir.resolve("content.bin"), Fixtures.CONTENT);
    Path root = Files.writeString(dir.resolve("root.pem"), PKI.trustAnchorsPem());
    Path untrusted =
        Files.writeString(dir.resolve("chain.pem"), PKI.timestampAuthority().chainPem());

    OpenSsl.Result cms =
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
    assertThat(cms.exitCode()).as(cms.output()).isZero();

    byte[] token = archiveTokens(lta).get(0);
    SignerInfo tokenSigner = signerOf(token);
    ASN1Encodable index =
        new AttributeTable(tokenSigner.getUnauthenticatedAttributes())
            .get(HASH_INDEX_V3)
            .getAttrValues()
            .getObjectAt(0);
    SignerInfo signer = signerOf(lta);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    data.write(CMSObjectIdentifiers.data.getEncoded(ASN1Encoding.DER));
    data.write(java.security.MessageDigest.getInstance("SHA-256").digest(Fixtures.CONTENT));
    for (ASN1Encodable field :
        new ASN1Encodable[] {
          signer.getVersion(),
          signer.getSID(),
          signer.getDigestAlgorithm(),
          new DERTaggedObject(false, 0, signer.getAuthenticatedAttributes()),
          signer.getDigestEncryptionAlgorithm(),
          signer.getEncryptedDigest(),
          index
        }) {
      data.write(field.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    }
    Path tokenFile = Files.write(dir.resolve("ats.der"), token);
    Path stamped = Files.write(dir.resolve("stamped.bin"), data.toByteArray());

    OpenSsl.Result ts =
        OpenSsl.run(
            List.of(
                "ts",
                "-verify",
                "-token_in",
                "-in",
                tokenFile.toString(),
                "-data",
                stamped.toString(),
                "-CAfile",
                root.toString(),
                "-untrusted",
                untrusted.toString()));
    assertThat(ts.exitCode()).as(ts.output()).isZero();
    assertThat(ts.output()).contains("Verification: OK");
  }
}
