package io.github.motcua.signing.xml;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SignerReport;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.Verdict;
import io.github.motcua.signing.VerificationLimits;
import io.github.motcua.testkit.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Attacks on the XML verifier's time and cost, and the signing-time property's two forms. */
class XmlSignatureAttackTest {

  static final Instant NOW = XmlSignatureTest.NOW;

  @RegisterExtension
  static final TestPki PKI = TestPki.builder().clock(XmlSignatureTest.CLOCK).build();

  private static XmlSignatureVerifier.Builder verifier() {
    return XmlSignatureVerifier.builder()
        .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
        .revocationPolicy(RevocationPolicy.REQUIRE)
        .clock(XmlSignatureTest.CLOCK);
  }

  @Test
  void aBackdatedSigningTimeDoesNotBeatExpiry() {
    Clock lastYear = Clock.fixed(NOW.minus(Duration.ofDays(60)), ZoneOffset.UTC);
    byte[] xml =
        XmlSigner.builder()
            .signingKey(XmlSignatureTest.key(PKI.expiredSigner()))
            .clock(lastYear)
            .build()
            .sign(XmlSignatureTest.DOCUMENT.getBytes(StandardCharsets.UTF_8), "data");

    XmlVerification result = verifier().build().verify(xml, XmlSignatureTest.PATH);

    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.INDETERMINATE);
    SignerReport signer = result.report().signers().get(0);
    assertThat(signer.has(ReasonCode.VALIDITY_EXPIRED)).isTrue();
    assertThat(signer.check(CheckType.SIGNING_TIME).orElseThrow().reason())
        .isEqualTo(ReasonCode.SIGNING_TIME_CLAIMED);
    assertThat(signer.signingTime()).contains(NOW);
  }

  @Test
  void readsTheUnqualifiedSigningTimeOfOlderSignatures() throws Exception {
    byte[] xml = oldFormSignature(PKI.organisationSigner(), "2025-08-15T09:00:00+07:00");
    assertThat(new String(xml, StandardCharsets.UTF_8))
        .contains("<SigningTime>2025-08-15T09:00:00+07:00</SigningTime>");

    XmlVerification result = verifier().build().verify(xml, XmlSignatureTest.PATH);

    assertThat(result.report().verdict()).as(result.toString()).isEqualTo(Verdict.VALID);
    assertThat(result.report().signers().get(0).check(CheckType.SIGNING_TIME).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.reason()).isEqualTo(ReasonCode.SIGNING_TIME_CLAIMED);
              assertThat(c.detail()).contains("claimed 2025-08-15T02:00:00Z");
            });
  }

  @Test
  void moreCertificatesThanTheLimitAreRefused() {
    byte[] xml = XmlSignatureTest.signed(PKI.organisationSigner());

    XmlVerification result =
        verifier()
            .limits(VerificationLimits.builder().maxCertificates(2).build())
            .build()
            .verify(xml, XmlSignatureTest.PATH);

    assertThat(result.report().verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(result.report().has(ReasonCode.LIMIT_EXCEEDED)).isTrue();
    assertThat(result.report().formatChecks())
        .anySatisfy(c -> assertThat(c.detail()).startsWith("limit.certificates: 3 > 2"));
  }

  /** A signature as motcua made them before the property was namespaced, by the JDK alone. */
  private static byte[] oldFormSignature(TestPki.Credential credential, String signingTime)
      throws Exception {
    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document doc =
        dbf.newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    XmlSignatureTest.DOCUMENT.getBytes(StandardCharsets.UTF_8)));
    Element data = (Element) doc.getDocumentElement().getElementsByTagName("Data").item(0);
    data.setIdAttributeNS(null, "Id", true);
    XMLSignatureFactory fac = XMLSignatureFactory.getInstance("DOM");
    DigestMethod sha256 = fac.newDigestMethod(DigestMethod.SHA256, null);
    Transform exclusive =
        fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null);
    Reference dataReference =
        fac.newReference(
            "#data",
            sha256,
            List.of(
                fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null), exclusive),
            null,
            null);
    Element time = doc.createElementNS(null, "SigningTime");
    time.setTextContent(signingTime);
    SignatureProperties properties =
        fac.newSignatureProperties(
            List.of(
                fac.newSignatureProperty(List.of(new DOMStructure(time)), "#data-signature", null)),
            "data-signing-time");
    Reference propertiesReference =
        fac.newReference(
            "#data-signing-time", sha256, List.of(exclusive), SignatureProperties.TYPE, null);
    KeyInfoFactory kif = fac.getKeyInfoFactory();
    javax.xml.crypto.dsig.XMLSignature signature =
        fac.newXMLSignature(
            fac.newSignedInfo(
                fac.newCanonicalizationMethod(
                    CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                fac.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                List.of(dataReference, propertiesReference)),
            kif.newKeyInfo(List.of(kif.newX509Data(credential.chain()))),
            List.of(fac.newXMLObject(List.of(properties), null, null, null)),
            "data-signature",
            null);
    DOMSignContext context = new DOMSignContext(credential.privateKey(), doc.getDocumentElement());
    context.setDefaultNamespacePrefix("ds");
    signature.sign(context);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TransformerFactory.newInstance()
        .newTransformer()
        .transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }
}
