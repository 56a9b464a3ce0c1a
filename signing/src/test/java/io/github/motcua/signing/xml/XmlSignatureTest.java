package io.github.motcua.signing.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SignatureScheme;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.Verdict;
import io.github.motcua.testkit.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class XmlSignatureTest {

  static final Instant NOW = Instant.parse("2025-08-15T02:30:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  @RegisterExtension static final TestPki PKI = TestPki.builder().clock(CLOCK).build();

  static final SignedElementPath PATH = SignedElementPath.of("Invoice", "Data");

  static final String DOCUMENT =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invoice>\n"
          + "  <Data Id=\"data\"><Payee>Xã Quảng Phú</Payee><Amount>1284000</Amount></Data>\n"
          + "</Invoice>";

  static SigningKey key(TestPki.Credential credential) {
    return KeyStoreSigningKey.of(credential.privateKey(), credential.chain());
  }

  static XmlSigner signer(TestPki.Credential credential) {
    return XmlSigner.builder().signingKey(key(credential)).clock(CLOCK).build();
  }

  static XmlSignatureVerifier verifier() {
    return XmlSignatureVerifier.builder()
        .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
        .revocationPolicy(RevocationPolicy.REQUIRE)
        .clock(CLOCK)
        .build();
  }

  static byte[] signed(TestPki.Credential credential) {
    return signer(credential).sign(DOCUMENT.getBytes(StandardCharsets.UTF_8), "data");
  }

  @Test
  void verifiesAnRsaSignatureItMade() {
    XmlVerification result = verifier().verify(signed(PKI.organisationSigner()), PATH);
    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
    assertThat(result.signedElement())
        .get()
        .extracting(e -> e.getAttribute("Id"))
        .isEqualTo("data");
  }

  @Test
  void verifiesAnEcdsaSignatureItMade() {
    byte[] xml = signed(PKI.ecSigner());
    assertThat(new String(xml, StandardCharsets.UTF_8)).contains("ecdsa-sha256");
    XmlVerification result = verifier().verify(xml, PATH);
    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void writesTheSigningTimeInASignedPropertyAndReportsItAsClaimed() {
    byte[] xml = signed(PKI.organisationSigner());
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains(
            "<mp:SigningTime xmlns:mp=\"https://motcua.github.io/ns/xmldsig-properties/1\">"
                + "2025-08-15T09:30:00+07:00</mp:SigningTime>")
        .contains("URI=\"#data-signing-time\"")
        .contains("xml-exc-c14n#")
        .contains("<ds:X509Certificate>");
    var signer = verifier().verify(xml, PATH).report().signers().get(0);
    assertThat(signer.signingTime()).contains(NOW);
    assertThat(signer.has(ReasonCode.SIGNING_TIME_CLAIMED)).isTrue();
  }

  @Test
  void signsThroughTheSigningKeySeamWithADigestOnly() {
    SigningKey real = key(PKI.organisationSigner());
    AtomicInteger calls = new AtomicInteger();
    SigningKey remote =
        new SigningKey() {
          @Override
          public List<X509Certificate> certificateChain() {
            return real.certificateChain();
          }

          @Override
          public byte[] signDigest(byte[] digest, DigestAlgorithm algorithm) {
            calls.incrementAndGet();
            assertThat(digest).hasSize(32);
            assertThat(algorithm).isEqualTo(DigestAlgorithm.SHA256);
            return real.signDigest(digest, algorithm);
          }
        };
    byte[] xml =
        XmlSigner.builder()
            .signingKey(remote)
            .clock(CLOCK)
            .build()
            .sign(DOCUMENT.getBytes(StandardCharsets.UTF_8), "data");
    assertThat(calls).hasValue(1);
    assertThat(verifier().verify(xml, PATH).report().isValid()).isTrue();
  }

  @Test
  void refusesAnRsaPssKey() {
    SigningKey real = key(PKI.organisationSigner());
    SigningKey pss =
        new SigningKey() {
          @Override
          public List<X509Certificate> certificateChain() {
            return real.certificateChain();
          }

          @Override
          public SignatureScheme signatureScheme() {
            return SignatureScheme.RSA_PSS;
          }

          @Override
          public byte[] signDigest(byte[] digest, DigestAlgorithm algorithm) {
            return real.signDigest(digest, algorithm);
          }
        };
    assertThatThrownBy(() -> XmlSigner.builder().signingKey(pss).build())
        .hasFieldOrPropertyWithValue("code", "xml-signer.scheme");
  }

  @Test
  void refusesToSignAnIdThatIsMissing() {
    assertThatThrownBy(
            () ->
                signer(PKI.organisationSigner())
                    .sign(DOCUMENT.getBytes(StandardCharsets.UTF_8), "nope"))
        .hasFieldOrPropertyWithValue("code", "xml-signer.reference");
  }

  @Test
  void reportsAnUntrustedSignerAsIndeterminate() {
    XmlVerification result = verifier().verify(signed(PKI.untrustedSigner()), PATH);
    assertThat(result.report().verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(result.report().has(ReasonCode.CHAIN_NO_TRUST_ANCHOR)).isTrue();
  }

  @Test
  void reportsARevokedSignerAsInvalid() {
    XmlVerification result = verifier().verify(signed(PKI.revokedSigner()), PATH);
    assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.report().has(ReasonCode.REVOCATION_REVOKED)).isTrue();
  }

  @Test
  void refusesAnXPathTransform() {
    String xml =
        new String(signed(PKI.organisationSigner()), StandardCharsets.UTF_8)
            .replaceFirst(
                "<ds:Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
                "<ds:Transform Algorithm=\"http://www.w3.org/TR/1999/REC-xpath-19991116\">"
                    + "<ds:XPath>1</ds:XPath></ds:Transform>");
    XmlVerification result = verifier().verify(xml.getBytes(StandardCharsets.UTF_8), PATH);
    assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.report().has(ReasonCode.XML_TRANSFORM_REFUSED)).isTrue();
    assertThat(result.signedElement()).isEmpty();
  }

  @Test
  void refusesAReferenceToAnExternalFile() {
    String xml =
        new String(signed(PKI.organisationSigner()), StandardCharsets.UTF_8)
            .replace("URI=\"#data\"", "URI=\"file:///etc/passwd\"");
    XmlVerification result = verifier().verify(xml.getBytes(StandardCharsets.UTF_8), PATH);
    assertThat(result.report().problems())
        .extracting(c -> c.reason())
        .containsExactly(ReasonCode.XML_REFERENCE_TARGET);
  }

  @Test
  void refusesAReferenceToTheWholeDocument() {
    String xml =
        new String(signed(PKI.organisationSigner()), StandardCharsets.UTF_8)
            .replace("URI=\"#data\"", "URI=\"\"");
    XmlVerification result = verifier().verify(xml.getBytes(StandardCharsets.UTF_8), PATH);
    assertThat(result.report().has(ReasonCode.XML_REFERENCE_TARGET)).isTrue();
  }

  @Test
  void refusesADocumentWithoutSignature() {
    XmlVerification result = verifier().verify(DOCUMENT.getBytes(StandardCharsets.UTF_8), PATH);
    assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.report().has(ReasonCode.XML_SIGNATURE_MISSING)).isTrue();
  }

  @Test
  void refusesNullAndRandomBytesWithoutThrowing() {
    assertThat(verifier().verify(null, PATH).report().has(ReasonCode.XML_MALFORMED)).isTrue();
    byte[] random = new byte[4096];
    new java.util.Random(42).nextBytes(random);
    assertThat(verifier().verify(random, PATH).report().verdict()).isEqualTo(Verdict.INVALID);
  }

  /**
   * Each byte of a signed document flipped in turn (seeded flips) gives a verdict, never an error.
   */
  @Test
  void givesAVerdictForEveryFlippedByte() {
    byte[] xml = signed(PKI.organisationSigner());
    XmlSignatureVerifier verifier = verifier();
    java.util.Random random = new java.util.Random(3);

    for (int position = 0; position < xml.length; position++) {
      byte[] mutated = xml.clone();
      mutated[position] ^= (byte) (1 + random.nextInt(255));

      XmlVerification result = verifier.verify(mutated, PATH);

      assertThat(result.report().has(ReasonCode.INTERNAL_ERROR))
          .as("byte %d: %s", position, result)
          .isFalse();
    }
  }

  @Test
  void reportsWhichCheckFailedForATamperedValue() {
    String xml =
        new String(signed(PKI.organisationSigner()), StandardCharsets.UTF_8)
            .replace("<Amount>1284000</Amount>", "<Amount>9284000</Amount>");
    XmlVerification result = verifier().verify(xml.getBytes(StandardCharsets.UTF_8), PATH);
    assertThat(result.report().verdict()).isEqualTo(Verdict.INVALID);
    assertThat(result.report().signers().get(0).check(CheckType.CONTENT_DIGEST))
        .get()
        .extracting(c -> c.reason())
        .isEqualTo(ReasonCode.CONTENT_DIGEST_MISMATCH);
    assertThat(result.signedElement()).isEmpty();
  }
}
