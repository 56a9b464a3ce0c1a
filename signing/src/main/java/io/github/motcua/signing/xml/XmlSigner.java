package io.github.motcua.signing.xml;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.signing.SignatureScheme;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.xml.internal.HardenedXml;
import io.github.motcua.signing.xml.internal.SigningKeyProvider;
import io.github.motcua.signing.xml.internal.XmlIds;
import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.NoSuchProviderException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.xml.crypto.MarshalException;
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
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Signs XML documents with an enveloped W3C XML signature (chữ ký số XML, XML Signature Syntax and
 * Processing 1.1) in the style of the published Vietnamese e-invoice format:
 *
 * <ul>
 *   <li>one {@code Reference} to the element whose {@code Id} attribute is given ({@code
 *       URI="#data"}), with the enveloped-signature and exclusive C14N transforms, SHA-256;
 *   <li>exclusive C14N of the {@code SignedInfo}; RSA-SHA256 (PKCS#1 v1.5) or ECDSA-SHA256, as the
 *       key's {@link SignatureScheme} says;
 *   <li>the key's certificate chain in {@code KeyInfo/X509Data};
 *   <li>the signing time, ISO-8601 in Vietnam time, in a {@code ds:Object/SignatureProperties/
 *       SignatureProperty/SigningTime} element, covered by a second reference.
 * </ul>
 *
 * The JDK's {@code javax.xml.crypto} builds the signature; the signature value itself comes from
 * the {@link SigningKey}, which only sees a SHA-256 digest, so a PKCS#11 token or a remote signing
 * service signs XML as it signs CMS.
 *
 * <pre>{@code
 * XmlSigner signer = XmlSigner.builder().signingKey(key).build();
 * byte[] signed = signer.sign(xml, "data");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class XmlSigner {

  /**
   * The namespace of the signing-time signature property ({@code mp:SigningTime}); the W3C schema
   * lets a {@code ds:SignatureProperty} hold elements of other namespaces only. Signatures made
   * before it carry an unqualified {@code SigningTime}, which verifiers still read.
   */
  public static final String SIGNATURE_PROPERTIES_NS =
      "https://motcua.github.io/ns/xmldsig-properties/1";

  /** The local name of the signing-time signature property. */
  public static final String SIGNING_TIME_ELEMENT = "SigningTime";

  /** The XML signature namespace. */
  public static final String XMLDSIG_NS = XMLSignature.XMLNS;

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final String PROVIDER_PROPERTY = "org.jcp.xml.dsig.internal.dom.SignatureProvider";

  private final SigningKey key;
  private final Clock clock;
  private final String signatureMethod;

  private XmlSigner(Builder b) {
    this.key = b.key;
    this.clock = b.clock;
    SignatureScheme scheme = key.signatureScheme();
    if (scheme == SignatureScheme.RSA_PKCS1_V1_5) {
      signatureMethod = SignatureMethod.RSA_SHA256;
    } else if (scheme == SignatureScheme.ECDSA) {
      signatureMethod = SignatureMethod.ECDSA_SHA256;
    } else {
      throw new ConfigurationException(
          "xml-signer.scheme",
          "XML receipts are signed with RSA-SHA256 or ECDSA-SHA256; the key uses " + scheme + ".",
          null);
    }
  }

  /**
   * Starts a signer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Signs a document given as bytes, putting the signature last in the document element.
   *
   * @param xml the document; parsed by the JDK's own parser, hardened (no DTD, at most 1 MiB); not
   *     null
   * @param referenceId the {@code Id} of the element to sign; not null
   * @return the signed document, UTF-8
   * @throws InvalidInputException when the document is refused
   * @throws MotcuaException see {@link #sign(Document, String, Element)}
   * @throws io.github.motcua.core.MotcuaException when the key holder cannot sign
   */
  public byte[] sign(byte[] xml, String referenceId) {
    Document doc = HardenedXml.parse(xml, HardenedXml.DEFAULT_MAX_BYTES);
    sign(doc, referenceId, doc.getDocumentElement());
    return HardenedXml.serialize(doc);
  }

  /**
   * Signs the element of a document that carries an {@code Id} attribute, appending the {@code
   * ds:Signature} as the last child of {@code signatureParent}. The signature's own identifiers are
   * {@code <referenceId>-signature} and {@code <referenceId>-signing-time}.
   *
   * @param doc the document, changed in place; not null
   * @param referenceId the value of the {@code Id} attribute of the element to sign; not null
   * @param signatureParent where the signature goes; outside the signed element or inside it (the
   *     enveloped-signature transform leaves it out either way); not null
   * @throws InvalidInputException with code {@code xml-signer.reference} when no element or more
   *     than one carries the Id, {@code xml-signer.id-taken} when the signature's own Ids are used,
   *     {@code xml-signer.failed} when the signature cannot be built
   * @throws io.github.motcua.core.MotcuaException when the key holder cannot sign
   */
  public void sign(Document doc, String referenceId, Element signatureParent) {
    Objects.requireNonNull(doc, "doc");
    Objects.requireNonNull(referenceId, "referenceId");
    Objects.requireNonNull(signatureParent, "signatureParent");
    String signatureId = referenceId + "-signature";
    String propertiesId = referenceId + "-signing-time";
    var ids = XmlIds.all(doc);
    List<Element> targets = ids.getOrDefault(referenceId, List.of());
    if (targets.size() != 1 || !targets.get(0).hasAttributeNS(null, "Id")) {
      throw new InvalidInputException(
          "xml-signer.reference",
          "Exactly one element must carry Id=\""
              + referenceId
              + "\"; found "
              + targets.size()
              + ".",
          null);
    }
    if (ids.containsKey(signatureId) || ids.containsKey(propertiesId)) {
      throw new InvalidInputException(
          "xml-signer.id-taken",
          "The document already uses the Id " + signatureId + " or " + propertiesId + ".",
          null);
    }
    Element target = targets.get(0);
    target.setIdAttributeNS(null, "Id", true);
    try {
      XMLSignatureFactory fac = factory();
      DigestMethod sha256 = fac.newDigestMethod(DigestMethod.SHA256, null);
      Transform enveloped = fac.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null);
      Transform exclusive =
          fac.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null);
      Reference dataReference =
          fac.newReference("#" + referenceId, sha256, List.of(enveloped, exclusive), null, null);

      Element signingTime =
          doc.createElementNS(SIGNATURE_PROPERTIES_NS, "mp:" + SIGNING_TIME_ELEMENT);
      signingTime.setAttributeNS(
          javax.xml.XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:mp", SIGNATURE_PROPERTIES_NS);
      signingTime.setTextContent(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
              clock.instant().truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM).toOffsetDateTime()));
      SignatureProperty property =
          fac.newSignatureProperty(List.of(new DOMStructure(signingTime)), "#" + signatureId, null);
      SignatureProperties properties = fac.newSignatureProperties(List.of(property), propertiesId);
      XMLObject object = fac.newXMLObject(List.of(properties), null, null, null);
      Reference propertiesReference =
          fac.newReference(
              "#" + propertiesId, sha256, List.of(exclusive), SignatureProperties.TYPE, null);

      SignedInfo signedInfo =
          fac.newSignedInfo(
              fac.newCanonicalizationMethod(
                  CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
              fac.newSignatureMethod(signatureMethod, null),
              List.of(dataReference, propertiesReference));
      KeyInfoFactory kif = fac.getKeyInfoFactory();
      KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(key.certificateChain())));
      XMLSignature signature =
          fac.newXMLSignature(signedInfo, keyInfo, List.of(object), signatureId, null);

      DOMSignContext context =
          new DOMSignContext(
              new SigningKeyProvider.Handle(key.certificate().getPublicKey().getAlgorithm()),
              signatureParent);
      context.setDefaultNamespacePrefix("ds");
      context.setProperty(PROVIDER_PROPERTY, new SigningKeyProvider(key));
      signature.sign(context);
    } catch (NoSuchAlgorithmException
        | InvalidAlgorithmParameterException
        | MarshalException
        | XMLSignatureException e) {
      throw new ConfigurationException(
          "xml-signer.failed", "The XML signature could not be made: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the JDK's XML signature factory, not one a library on the class path registered.
   *
   * @return the factory
   */
  static XMLSignatureFactory factory() {
    try {
      return XMLSignatureFactory.getInstance("DOM", "XMLDSig");
    } catch (NoSuchProviderException e) {
      return XMLSignatureFactory.getInstance("DOM");
    }
  }

  /** Names the key only. */
  @Override
  public String toString() {
    return "XmlSigner[" + key + ", " + signatureMethod + "]";
  }

  /** Builds an {@link XmlSigner}. Not thread-safe. */
  public static final class Builder {
    private SigningKey key;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the key that signs (required).
     *
     * @param key the key; RSA (PKCS#1 v1.5) or EC; not null
     * @return this builder
     */
    public Builder signingKey(SigningKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Sets the clock that dates signatures.
     *
     * @param clock default the system clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Builds the signer.
     *
     * @return the signer
     * @throws ConfigurationException with code {@code xml-signer.key} when no key is set, or {@code
     *     xml-signer.scheme} for an RSA-PSS key
     */
    public XmlSigner build() {
      if (key == null) {
        throw new ConfigurationException("xml-signer.key", "Give signingKey(...).", null);
      }
      return new XmlSigner(this);
    }
  }
}
