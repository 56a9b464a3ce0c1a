package io.github.motcua.benchmarks;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.receipt.CollectingUnit;
import io.github.motcua.signing.receipt.EReceipt;
import io.github.motcua.signing.receipt.EReceiptVerifier;
import io.github.motcua.signing.receipt.EReceiptXml;
import io.github.motcua.signing.receipt.PaymentMethod;
import io.github.motcua.signing.receipt.ReceiptSeries;
import io.github.motcua.signing.xml.XmlSignatureVerifier;
import io.github.motcua.signing.xml.XmlSigner;
import io.github.motcua.signing.xml.XmlVerification;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.crypto.dom.DOMStructure;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignatureProperties;
import javax.xml.crypto.dsig.SignatureProperty;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLObject;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The e-receipt's enveloped XML signature (RSA-2048, SHA-256, exclusive C14N, a signed
 * SignatureProperties with the signing time, the certificate chain in KeyInfo): motcua's {@link
 * XmlSigner} and {@link XmlSignatureVerifier} against the JDK's {@code javax.xml.crypto} doing the
 * same signature by hand, from bytes to bytes.
 *
 * <p>Verification: motcua parses with its hardened parser, checks the structure (the signed element
 * is where a receipt's must be, references, algorithms), the signature, the chain to the trust
 * anchor, key usage and validity, and writes a report; the raw side parses, validates the signature
 * with the known key and checks the certificate's signature against the root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class XmlReceiptBenchmark {

  private static final Instant NOW = Instant.parse("2025-08-15T02:30:00Z");

  private CmsBenchmarkKeys keys;
  private byte[] unsigned;
  private byte[] signed;
  private String signingTime;
  private XmlSigner signer;
  private XmlSignatureVerifier verifier;
  private XMLSignatureFactory factory;
  private DocumentBuilderFactory parsers;
  private TransformerFactory transformers;

  /** One receipt, one key, both sides. */
  @Setup
  public void setUp() throws Exception {
    keys = new CmsBenchmarkKeys("RSA");
    TaxCode unitTaxCode = TaxCode.parse("0100233488");
    EReceipt receipt =
        EReceipt.builder()
            .series(ReceiptSeries.of(unitTaxCode, "01BLP0-001", "AB/25E"))
            .number(123)
            .issuedAt(NOW)
            .collectingUnit(
                new CollectingUnit(
                    "Trung tâm Phục vụ hành chính công xã Quảng Phú",
                    unitTaxCode,
                    AgencyCode.parse("000.00.31.H56"),
                    "Thôn Phú Lộc, xã Quảng Phú, tỉnh Thanh Hóa"))
            .payer(
                Payer.person(
                    "Nguyễn Thị Hương",
                    PersonalId.parse("038185001234"),
                    "Thôn Đông, xã Quảng Phú"))
            .dossierCode(DossierCode.parse("000.00.31.H56-250815-0001"))
            .items(
                Fee.charge("LP-HT-01", "Lệ phí đăng ký khai sinh", Vnd.of(8_000)),
                Fee.fee("P-SAO-02", "Phí cấp bản sao trích lục", Vnd.of(1_276_000)))
            .paymentMethod(PaymentMethod.ONLINE_PAYMENT_PLATFORM)
            .paymentReference("DVC2508150001234")
            .lookupCode("K7P2M9XQ4T")
            .build();
    unsigned = EReceiptXml.write(receipt);
    signingTime =
        java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            Instant.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .atOffset(java.time.ZoneOffset.ofHours(7)));
    // The benchmark certificates are valid from yesterday: sign and verify at the present time.
    Clock clock = Clock.systemUTC();
    signer =
        XmlSigner.builder()
            .signingKey(KeyStoreSigningKey.of(keys.signerKeys.getPrivate(), keys.chain()))
            .clock(clock)
            .build();
    verifier =
        XmlSignatureVerifier.builder()
            .trustAnchors(TrustAnchors.of(keys.root))
            .revocationPolicy(RevocationPolicy.NONE)
            .clock(clock)
            .build();
    factory = XMLSignatureFactory.getInstance("DOM");
    parsers = DocumentBuilderFactory.newInstance();
    parsers.setNamespaceAware(true);
    parsers.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    parsers.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    transformers = TransformerFactory.newInstance();
    signed = signer.sign(unsigned, EReceiptXml.DATA_ID);
    if (!verifyMotcua().report().isValid() || !verifyRaw()) {
      throw new IllegalStateException("The benchmark's receipt does not verify");
    }
    XmlVerification crossCheck = verifier.verify(signRaw(), EReceiptVerifier.DATA_PATH);
    if (!crossCheck.report().isValid()) {
      throw new IllegalStateException(
          "The raw signature does not verify with motcua: " + crossCheck.report());
    }
  }

  /** motcua: parse, sign the data element, serialize. */
  @Benchmark
  public byte[] signMotcua() {
    return signer.sign(unsigned, EReceiptXml.DATA_ID);
  }

  /** JDK: the same signature by hand. */
  @Benchmark
  public byte[] signRaw() throws Exception {
    Document doc = parsers.newDocumentBuilder().parse(new ByteArrayInputStream(unsigned));
    Element data = (Element) doc.getElementsByTagName(EReceiptXml.DATA).item(0);
    data.setIdAttributeNS(null, "Id", true);
    DigestMethod sha256 = factory.newDigestMethod(DigestMethod.SHA256, null);
    Transform exclusive =
        factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null);
    Reference dataReference =
        factory.newReference(
            "#data",
            sha256,
            List.of(
                factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                exclusive),
            null,
            null);
    Element time =
        doc.createElementNS(
            io.github.motcua.signing.xml.XmlSigner.SIGNATURE_PROPERTIES_NS, "mp:SigningTime");
    time.setAttributeNS(
        javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
        "xmlns:mp",
        io.github.motcua.signing.xml.XmlSigner.SIGNATURE_PROPERTIES_NS);
    time.setTextContent(signingTime);
    SignatureProperty property =
        factory.newSignatureProperty(List.of(new DOMStructure(time)), "#data-signature", null);
    XMLObject object =
        factory.newXMLObject(
            List.of(factory.newSignatureProperties(List.of(property), "data-signing-time")),
            null,
            null,
            null);
    Reference propertiesReference =
        factory.newReference(
            "#data-signing-time", sha256, List.of(exclusive), SignatureProperties.TYPE, null);
    SignedInfo signedInfo =
        factory.newSignedInfo(
            factory.newCanonicalizationMethod(
                CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
            factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
            List.of(dataReference, propertiesReference));
    KeyInfoFactory kif = factory.getKeyInfoFactory();
    KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(keys.chain())));
    DOMSignContext context =
        new DOMSignContext(keys.signerKeys.getPrivate(), doc.getDocumentElement());
    context.setDefaultNamespacePrefix("ds");
    factory
        .newXMLSignature(signedInfo, keyInfo, List.of(object), "data-signature", null)
        .sign(context);
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    transformers.newTransformer().transform(new DOMSource(doc), new StreamResult(out));
    return out.toByteArray();
  }

  /** motcua: the whole check with a report. */
  @Benchmark
  public XmlVerification verifyMotcua() {
    return verifier.verify(signed, EReceiptVerifier.DATA_PATH);
  }

  /** JDK: parse, validate with the known key, check the certificate against the root. */
  @Benchmark
  public boolean verifyRaw() throws Exception {
    Document doc = parsers.newDocumentBuilder().parse(new ByteArrayInputStream(signed));
    ((Element) doc.getElementsByTagName(EReceiptXml.DATA).item(0))
        .setIdAttributeNS(null, "Id", true);
    NodeList signatures = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
    Element signature = (Element) signatures.item(0);
    NodeList properties =
        signature.getElementsByTagNameNS(XMLSignature.XMLNS, "SignatureProperties");
    ((Element) properties.item(0)).setIdAttributeNS(null, "Id", true);
    DOMValidateContext context = new DOMValidateContext(keys.signer.getPublicKey(), signature);
    context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    boolean valid = factory.unmarshalXMLSignature(context).validate(context);
    keys.signer.verify(keys.root.getPublicKey());
    keys.signer.checkValidity();
    return valid;
  }
}
