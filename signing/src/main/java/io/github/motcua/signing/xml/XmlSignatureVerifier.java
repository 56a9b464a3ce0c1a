package io.github.motcua.signing.xml;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.signing.CertificateValidator;
import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckOutcome;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.RevocationPolicy;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SignerIdentity;
import io.github.motcua.signing.SignerReport;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.ValidationTimePolicy;
import io.github.motcua.signing.VerificationLimits;
import io.github.motcua.signing.internal.ValidationTimes;
import io.github.motcua.signing.xml.internal.HardenedXml;
import io.github.motcua.signing.xml.internal.XmlIds;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.URIDereferencer;
import javax.xml.crypto.URIReferenceException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Verifies an enveloped W3C XML signature over an expected element and returns the same {@link
 * SignatureReport} as {@link io.github.motcua.signing.CmsVerifier}, with the same certificate,
 * chain and revocation checks ({@link CertificateValidator}).
 *
 * <p>Hardened against the attacks XML signatures are known for:
 *
 * <ul>
 *   <li>the document is parsed by the JDK's own parser, hardened: no DTD or entity (external
 *       entities, billion laughs), no comment or processing instruction (which canonicalisation
 *       would leave out of what is signed), a size and depth limit;
 *   <li>exactly one {@code ds:Signature}; every identifier in the document unique;
 *   <li>exactly one reference, to the element the caller names by its {@link SignedElementPath};
 *       other references only to properties inside the signature's own {@code ds:Object}; no
 *       reference by URL, XPointer or to the whole document, so nothing outside is ever fetched;
 *   <li>transforms limited to enveloped-signature and canonical XML (exclusive or inclusive,
 *       without comments): no XPath, XSLT or base64; SHA-256/384/512 digests, RSA or ECDSA with
 *       SHA-256/384/512; the JDK's secure validation mode;
 *   <li>identifiers are registered for the expected element and the signature's properties only,
 *       and a reference may resolve to nothing else: a signed element moved elsewhere and a forged
 *       one put in its place never validates.
 * </ul>
 *
 * <p>Each refusal is a failed {@link CheckType#FORMAT} or {@link CheckType#SIGNED_REFERENCE} check
 * with a {@code xml.*} reason code and the verdict {@code INVALID}; verification never throws for
 * bad input. Nothing proves when an XML signature was made, so certificates are judged at the
 * current time; a signed {@code SigningTime} property (namespaced {@code mp:SigningTime}, or the
 * older unqualified form) is reported as the signer's claim.
 *
 * <pre>{@code
 * XmlSignatureVerifier verifier = XmlSignatureVerifier.builder()
 *     .trustAnchors(TrustAnchors.fromPem(Path.of("roots.pem")))
 *     .build();
 * XmlVerification result = verifier.verify(xml, SignedElementPath.of("EReceipt", "ReceiptData"));
 * if (result.report().isValid()) { read(result.signedElement().orElseThrow()); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class XmlSignatureVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(XmlSignatureVerifier.class);
  private static final String NS = XMLSignature.XMLNS;
  private static final Pattern BARE_NAME = Pattern.compile("#[A-Za-z_][A-Za-z0-9_.-]*");
  private static final int MAX_REFERENCES = 5;
  private static final Set<String> CANONICALIZATIONS =
      Set.of(
          CanonicalizationMethod.EXCLUSIVE,
          CanonicalizationMethod.INCLUSIVE,
          "http://www.w3.org/2006/12/xml-c14n11");
  private static final Set<String> SIGNATURE_METHODS =
      Set.of(
          SignatureMethod.RSA_SHA256,
          SignatureMethod.RSA_SHA384,
          SignatureMethod.RSA_SHA512,
          SignatureMethod.ECDSA_SHA256,
          SignatureMethod.ECDSA_SHA384,
          SignatureMethod.ECDSA_SHA512);
  private static final Set<String> DIGEST_METHODS =
      Set.of(DigestMethod.SHA256, DigestMethod.SHA384, DigestMethod.SHA512);

  private final CertificateValidator certificates;
  private final ValidationTimePolicy timePolicy;
  private final Clock clock;
  private final int maxBytes;
  private final int maxCertificates;

  private XmlSignatureVerifier(Builder b) {
    this.certificates =
        b.validator != null
            ? b.validator
            : CertificateValidator.builder()
                .trustAnchors(b.trustAnchors)
                .revocationPolicy(b.revocationPolicy)
                .okHttpClient(b.client == null ? new OkHttpClient() : b.client)
                .clock(b.clock)
                .limits(b.limits)
                .build();
    this.maxCertificates = b.limits.maxCertificates();
    this.timePolicy = b.timePolicy;
    this.clock = b.clock;
    this.maxBytes = b.maxBytes;
  }

  /**
   * Starts a verifier.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies the signature of a document over the element at {@code expected}.
   *
   * @param xml the signed document; null or hostile input gives an {@code INVALID} report
   * @param expected where the signed element must be; not null
   * @return the report and, when the content verifies, the signed element
   */
  public XmlVerification verify(byte[] xml, SignedElementPath expected) {
    Objects.requireNonNull(expected, "expected");
    Instant now = clock.instant();
    List<Check> format = new ArrayList<>();
    Document doc;
    try {
      if (xml == null) {
        throw new InvalidInputException("xml.malformed", "No document.");
      }
      doc = HardenedXml.parse(xml, maxBytes);
    } catch (InvalidInputException e) {
      return refused(format, CheckType.FORMAT, reasonOf(e.code()), e.getMessage(), now);
    }
    try {
      return verify(doc, expected, format, now);
    } catch (RuntimeException e) {
      // A defect here must not turn odd input into an exception for the caller.
      LOG.warn("Unexpected error while verifying an XML signature", e);
      return refused(
          format, CheckType.FORMAT, ReasonCode.INTERNAL_ERROR, e.getClass().getSimpleName(), now);
    }
  }

  private XmlVerification verify(
      Document doc, SignedElementPath expected, List<Check> format, Instant now) {
    // The expected element, found by structure alone.
    Element target = doc.getDocumentElement();
    if (!isPlain(target, expected.names().get(0))) {
      return refused(
          format, CheckType.FORMAT, ReasonCode.XML_STRUCTURE, "root is not " + expected, now);
    }
    for (String name : expected.names().subList(1, expected.names().size())) {
      Element next = null;
      for (Node n = target.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (isPlain(n, name)) {
          if (next != null) {
            return refused(
                format,
                CheckType.FORMAT,
                ReasonCode.XML_STRUCTURE,
                "two " + name + " elements",
                now);
          }
          next = (Element) n;
        }
      }
      if (next == null) {
        return refused(
            format, CheckType.FORMAT, ReasonCode.XML_STRUCTURE, name + " is missing", now);
      }
      target = next;
    }
    Map<String, List<Element>> ids = XmlIds.all(doc);
    for (Map.Entry<String, List<Element>> id : ids.entrySet()) {
      if (id.getValue().size() > 1) {
        return refused(
            format,
            CheckType.FORMAT,
            ReasonCode.XML_DUPLICATE_ID,
            id.getValue().size() + " elements share one Id",
            now);
      }
    }
    List<Element> signatures = new ArrayList<>();
    collectSignatures(doc.getDocumentElement(), signatures);
    if (signatures.isEmpty()) {
      return refused(
          format, CheckType.FORMAT, ReasonCode.XML_SIGNATURE_MISSING, "no ds:Signature", now);
    }
    if (signatures.size() > 1) {
      return refused(
          format,
          CheckType.FORMAT,
          ReasonCode.XML_STRUCTURE,
          signatures.size() + " ds:Signature elements",
          now);
    }
    Element signature = signatures.get(0);
    Element signedInfo = dsChild(signature, "SignedInfo");
    if (signedInfo == null) {
      return refused(format, CheckType.FORMAT, ReasonCode.XML_STRUCTURE, "no SignedInfo", now);
    }
    Optional<Check> algorithms = checkAlgorithms(signedInfo);
    if (algorithms.isPresent()) {
      format.add(algorithms.get());
      return new XmlVerification(SignatureReport.of(format, List.of(), now), null);
    }

    // Every reference must resolve to the expected element or to the signature's own properties.
    String targetId = target.hasAttributeNS(null, "Id") ? target.getAttributeNS(null, "Id") : null;
    Map<String, Element> allowed = new HashMap<>();
    int toTarget = 0;
    List<Element> references = dsChildren(signedInfo, "Reference");
    if (references.isEmpty() || references.size() > MAX_REFERENCES) {
      return refused(
          format,
          CheckType.SIGNED_REFERENCE,
          ReasonCode.XML_REFERENCE_TARGET,
          references.size() + " references",
          now);
    }
    for (Element reference : references) {
      String uri =
          reference.hasAttributeNS(null, "URI") ? reference.getAttributeNS(null, "URI") : "";
      if (!BARE_NAME.matcher(uri).matches()) {
        return refused(
            format,
            CheckType.SIGNED_REFERENCE,
            ReasonCode.XML_REFERENCE_TARGET,
            "a reference is not to an element by Id",
            now);
      }
      String id = uri.substring(1);
      if (id.equals(targetId)) {
        toTarget++;
        allowed.put(id, target);
        continue;
      }
      List<Element> holders = ids.getOrDefault(id, List.of());
      if (holders.size() != 1 || !insideOwnObject(holders.get(0), signature)) {
        return refused(
            format,
            CheckType.SIGNED_REFERENCE,
            ReasonCode.XML_REFERENCE_TARGET,
            "a reference resolves outside the expected element and the signature's properties",
            now);
      }
      allowed.put(id, holders.get(0));
    }
    if (toTarget != 1) {
      return refused(
          format,
          CheckType.SIGNED_REFERENCE,
          ReasonCode.XML_REFERENCE_TARGET,
          targetId == null
              ? "the expected element " + expected + " has no Id"
              : toTarget + " references to the expected element " + expected,
          now);
    }
    format.add(Check.passed(CheckType.FORMAT, ReasonCode.FORMAT_OK, "1 signature"));
    format.add(
        Check.passed(CheckType.SIGNED_REFERENCE, ReasonCode.XML_REFERENCE_OK, "#" + targetId));

    int certificateCount = countCertificates(signature);
    if (certificateCount > maxCertificates) {
      format.add(VerificationLimits.exceeded("certificates", certificateCount, maxCertificates));
      return new XmlVerification(SignatureReport.of(format, List.of(), now), null);
    }
    List<X509Certificate> embedded;
    try {
      embedded = certificates(signature);
    } catch (CertificateException | IllegalArgumentException e) {
      return refused(
          format, CheckType.FORMAT, ReasonCode.XML_MALFORMED, "unreadable X509Certificate", now);
    }
    SignerReport signer = verifySigner(signature, allowed, targetId, embedded, now);
    boolean contentVerified =
        signer.checks().stream()
                .filter(
                    c ->
                        c.type() == CheckType.CONTENT_DIGEST
                            || c.type() == CheckType.SIGNATURE_VALUE)
                .allMatch(c -> c.outcome() == CheckOutcome.PASSED)
            && signer.check(CheckType.SIGNATURE_VALUE).isPresent();
    return new XmlVerification(
        SignatureReport.of(format, List.of(signer), now), contentVerified ? target : null);
  }

  private SignerReport verifySigner(
      Element signature,
      Map<String, Element> allowed,
      String targetId,
      List<X509Certificate> embedded,
      Instant now) {
    List<Check> checks = new ArrayList<>();
    X509Certificate signer = leaf(embedded);
    if (signer == null) {
      checks.add(
          Check.indeterminate(
              CheckType.SIGNER_CERTIFICATE,
              ReasonCode.SIGNER_CERTIFICATE_NOT_FOUND,
              "no X509Certificate in KeyInfo"));
      checks.add(
          Check.indeterminate(
              CheckType.SIGNATURE_VALUE, ReasonCode.SIGNATURE_VALUE_NO_CERTIFICATE, ""));
      return new SignerReport(
          0, Optional.empty(), Optional.empty(), false, checks, SignerReport.verdictOf(checks));
    }
    checks.add(Check.passed(CheckType.SIGNER_CERTIFICATE, ReasonCode.SIGNER_CERTIFICATE_FOUND, ""));
    XMLSignatureFactory fac = XmlSigner.factory();
    DOMValidateContext context =
        new DOMValidateContext(KeySelector.singletonKeySelector(signer.getPublicKey()), signature);
    context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
    for (Map.Entry<String, Element> entry : allowed.entrySet()) {
      context.setIdAttributeNS(entry.getValue(), null, "Id");
    }
    URIDereferencer standard = fac.getURIDereferencer();
    context.setURIDereferencer(
        (reference, ctx) -> {
          String uri = reference.getURI();
          if (uri == null || !uri.startsWith("#") || !allowed.containsKey(uri.substring(1))) {
            throw new URIReferenceException("Reference refused: only checked Ids resolve.");
          }
          return standard.dereference(reference, ctx);
        });
    boolean propertiesSigned = false;
    try {
      XMLSignature xmlSignature = fac.unmarshalXMLSignature(context);
      boolean valueValid = xmlSignature.getSignatureValue().validate(context);
      for (Reference reference : xmlSignature.getSignedInfo().getReferences()) {
        boolean ok = reference.validate(context);
        String uri = reference.getURI();
        checks.add(
            ok
                ? Check.passed(CheckType.CONTENT_DIGEST, ReasonCode.CONTENT_DIGEST_MATCHES, uri)
                : Check.failed(CheckType.CONTENT_DIGEST, ReasonCode.CONTENT_DIGEST_MISMATCH, uri));
        propertiesSigned |= ok && !uri.equals("#" + targetId);
      }
      checks.add(
          valueValid
              ? Check.passed(CheckType.SIGNATURE_VALUE, ReasonCode.SIGNATURE_VALUE_VALID, "")
              : Check.failed(CheckType.SIGNATURE_VALUE, ReasonCode.SIGNATURE_VALUE_INVALID, ""));
    } catch (MarshalException | XMLSignatureException e) {
      checks.add(
          Check.failed(
              CheckType.SIGNATURE_VALUE,
              ReasonCode.SIGNATURE_VALUE_INVALID,
              "cannot be checked: " + e.getClass().getSimpleName()));
    }
    checks.add(Check.skipped(CheckType.TIMESTAMP, ReasonCode.TIMESTAMP_ABSENT, "XML signature"));
    // No time-stamp proves when an XML signature was made: the claimed SigningTime is reported,
    // and the certificate is judged at the current time.
    Optional<Instant> claimed =
        propertiesSigned ? signingTime(signature, allowed) : Optional.empty();
    ValidationTimes.Time time = ValidationTimes.decide(timePolicy, Optional.empty(), claimed, now);
    checks.add(time.check());
    checks.addAll(
        certificates
            .validate(signer, embedded, time.at(), false, CertificateValidator.Purpose.SIGNING)
            .checks());
    return new SignerReport(
        0,
        Optional.of(SignerIdentity.of(signer)),
        Optional.of(time.at()),
        false,
        checks,
        SignerReport.verdictOf(checks),
        claimed);
  }

  private static Optional<Check> checkAlgorithms(Element signedInfo) {
    Element c14n = dsChild(signedInfo, "CanonicalizationMethod");
    if (c14n == null || !CANONICALIZATIONS.contains(c14n.getAttributeNS(null, "Algorithm"))) {
      return Optional.of(
          Check.failed(
              CheckType.FORMAT,
              ReasonCode.XML_TRANSFORM_REFUSED,
              "canonicalisation other than C14N without comments"));
    }
    Element method = dsChild(signedInfo, "SignatureMethod");
    if (method == null || !SIGNATURE_METHODS.contains(method.getAttributeNS(null, "Algorithm"))) {
      return Optional.of(
          Check.failed(
              CheckType.FORMAT,
              ReasonCode.SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED,
              "signature method other than RSA or ECDSA with SHA-2"));
    }
    for (Element reference : dsChildren(signedInfo, "Reference")) {
      Element transforms = dsChild(reference, "Transforms");
      if (transforms != null) {
        for (Element transform : dsChildren(transforms, "Transform")) {
          String algorithm = transform.getAttributeNS(null, "Algorithm");
          if (!algorithm.equals(Transform.ENVELOPED) && !CANONICALIZATIONS.contains(algorithm)) {
            return Optional.of(
                Check.failed(
                    CheckType.FORMAT,
                    ReasonCode.XML_TRANSFORM_REFUSED,
                    "transform other than enveloped-signature and C14N"));
          }
        }
      }
      Element digest = dsChild(reference, "DigestMethod");
      if (digest == null || !DIGEST_METHODS.contains(digest.getAttributeNS(null, "Algorithm"))) {
        return Optional.of(
            Check.failed(
                CheckType.FORMAT,
                ReasonCode.CONTENT_DIGEST_ALGORITHM_UNSUPPORTED,
                "digest other than SHA-256/384/512"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> signingTime(Element signature, Map<String, Element> allowed) {
    for (Element holder : allowed.values()) {
      if (!insideOwnObject(holder, signature)) {
        continue;
      }
      Optional<Instant> found = findSigningTime(holder);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private static Optional<Instant> findSigningTime(Element element) {
    String ns = element.getNamespaceURI();
    if ((ns == null || XmlSigner.SIGNATURE_PROPERTIES_NS.equals(ns))
        && XmlSigner.SIGNING_TIME_ELEMENT.equals(element.getLocalName())) {
      try {
        return Optional.of(
            OffsetDateTime.parse(
                    element.getTextContent().strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                .toInstant());
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        Optional<Instant> found = findSigningTime((Element) n);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static int countCertificates(Element signature) {
    Element keyInfo = dsChild(signature, "KeyInfo");
    int count = 0;
    if (keyInfo != null) {
      for (Element data : dsChildren(keyInfo, "X509Data")) {
        count += dsChildren(data, "X509Certificate").size();
      }
    }
    return count;
  }

  private static List<X509Certificate> certificates(Element signature) throws CertificateException {
    List<X509Certificate> out = new ArrayList<>();
    Element keyInfo = dsChild(signature, "KeyInfo");
    if (keyInfo == null) {
      return out;
    }
    CertificateFactory cf = CertificateFactory.getInstance("X.509");
    for (Element data : dsChildren(keyInfo, "X509Data")) {
      for (Element cert : dsChildren(data, "X509Certificate")) {
        byte[] der = Base64.getMimeDecoder().decode(cert.getTextContent());
        out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
      }
    }
    return out;
  }

  /** The signer: the first certificate that issued none of the others. */
  private static X509Certificate leaf(List<X509Certificate> certificates) {
    for (X509Certificate candidate : certificates) {
      boolean issuer = false;
      for (X509Certificate other : certificates) {
        if (other != candidate
            && other.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())
            && !other.getSubjectX500Principal().equals(candidate.getSubjectX500Principal())) {
          issuer = true;
          break;
        }
      }
      if (!issuer) {
        return candidate;
      }
    }
    return certificates.isEmpty() ? null : certificates.get(0);
  }

  private static boolean insideOwnObject(Element element, Element signature) {
    for (Node n = element; n != null; n = n.getParentNode()) {
      Node parent = n.getParentNode();
      if (parent == signature) {
        return isDs(n, "Object");
      }
    }
    return false;
  }

  private static void collectSignatures(Element element, List<Element> out) {
    if (isDs(element, "Signature")) {
      out.add(element);
    }
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n.getNodeType() == Node.ELEMENT_NODE) {
        collectSignatures((Element) n, out);
      }
    }
  }

  private static boolean isPlain(Node node, String name) {
    return node.getNodeType() == Node.ELEMENT_NODE
        && node.getNamespaceURI() == null
        && name.equals(node.getLocalName());
  }

  private static boolean isDs(Node node, String name) {
    return node.getNodeType() == Node.ELEMENT_NODE
        && NS.equals(node.getNamespaceURI())
        && name.equals(node.getLocalName());
  }

  private static Element dsChild(Element parent, String name) {
    List<Element> found = dsChildren(parent, name);
    return found.size() == 1 ? found.get(0) : null;
  }

  private static List<Element> dsChildren(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (isDs(n, name)) {
        out.add((Element) n);
      }
    }
    return out;
  }

  private static XmlVerification refused(
      List<Check> format, CheckType type, ReasonCode reason, String detail, Instant now) {
    format.add(Check.failed(type, reason, detail));
    return new XmlVerification(SignatureReport.of(format, List.of(), now), null);
  }

  private static ReasonCode reasonOf(String code) {
    switch (code) {
      case "xml.too-large":
        return ReasonCode.XML_TOO_LARGE;
      case "xml.doctype":
        return ReasonCode.XML_DOCTYPE;
      case "xml.comment":
        return ReasonCode.XML_COMMENT;
      case "xml.processing-instruction":
        return ReasonCode.XML_PROCESSING_INSTRUCTION;
      default:
        return ReasonCode.XML_MALFORMED;
    }
  }

  /** Builds an {@link XmlSignatureVerifier}. Not thread-safe. */
  public static final class Builder {
    private TrustAnchors trustAnchors;
    private CertificateValidator validator;
    private RevocationPolicy revocationPolicy = RevocationPolicy.REQUIRE;
    private ValidationTimePolicy timePolicy = ValidationTimePolicy.SIGNING_TIME;
    private VerificationLimits limits = VerificationLimits.defaults();
    private OkHttpClient client;
    private Clock clock = Clock.systemUTC();
    private int maxBytes = HardenedXml.DEFAULT_MAX_BYTES;

    private Builder() {}

    /**
     * Sets the trust anchors (required unless {@link #certificateValidator} is given).
     *
     * @param anchors the anchors; not null
     * @return this builder
     */
    public Builder trustAnchors(TrustAnchors anchors) {
      this.trustAnchors = Objects.requireNonNull(anchors, "anchors");
      return this;
    }

    /**
     * Shares a certificate validator (and its revocation cache) with other verifiers; its trust
     * anchors, revocation policy, HTTP client and clock then apply.
     *
     * @param validator the validator; not null
     * @return this builder
     */
    public Builder certificateValidator(CertificateValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Sets how much work one verification may do: the certificates a signature may carry, and CRL
     * and OCSP sizes (unless a {@link #certificateValidator} is given, whose own limits apply).
     *
     * @param limits default {@link VerificationLimits#defaults()}; not null
     * @return this builder
     */
    public Builder limits(VerificationLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Sets the revocation policy.
     *
     * @param policy default {@link RevocationPolicy#REQUIRE}; {@link RevocationPolicy#PREFER_OCSP}
     *     is the lenient choice; not null
     * @return this builder
     */
    public Builder revocationPolicy(RevocationPolicy policy) {
      this.revocationPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets at which time certificates are judged.
     *
     * @param policy default {@link ValidationTimePolicy#SIGNING_TIME}; not null
     * @return this builder
     */
    public Builder validationTimePolicy(ValidationTimePolicy policy) {
      this.timePolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Uses the integrator's HTTP client for OCSP and CRL requests.
     *
     * @param client the client; default a new one; not null
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the clock.
     *
     * @param clock default the system clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the largest document accepted.
     *
     * @param maxBytes default 1 MiB; at least 1
     * @return this builder
     */
    public Builder maxBytes(int maxBytes) {
      if (maxBytes < 1) {
        throw new SecurityRefusalException("xml.too-large", "maxBytes must be at least 1.");
      }
      this.maxBytes = maxBytes;
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws io.github.motcua.core.ConfigurationException when neither trust anchors nor a
     *     certificate validator is given
     */
    public XmlSignatureVerifier build() {
      return new XmlSignatureVerifier(this);
    }
  }
}
