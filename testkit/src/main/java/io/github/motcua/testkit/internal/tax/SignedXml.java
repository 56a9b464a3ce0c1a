package io.github.motcua.testkit.internal.tax;

import java.io.ByteArrayInputStream;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a signed receipt document and checks its enveloped XML signature with the JDK's own XML
 * signature implementation (not motcua's), and the signer's chain against trust anchors.
 */
public final class SignedXml {

  private final Document doc;

  private SignedXml(Document doc) {
    this.doc = doc;
  }

  /**
   * Parses a document without DTDs or external entities.
   *
   * @param xml the bytes
   * @return the document
   * @throws IllegalArgumentException when it is not well-formed XML
   */
  public static SignedXml parse(byte[] xml) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setExpandEntityReferences(false);
      f.setXIncludeAware(false);
      return new SignedXml(f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)));
    } catch (Exception e) {
      throw new IllegalArgumentException("not well-formed XML", e);
    }
  }

  /**
   * Returns the root element's name.
   *
   * @return the local name
   */
  public String rootName() {
    return doc.getDocumentElement().getLocalName();
  }

  /**
   * Returns the text of the first element of a name, searched depth-first under an element of
   * another name (or the root when {@code under} is null).
   *
   * @param under the enclosing element's name, or null
   * @param name the element's name
   * @return its text, or null
   */
  public String text(String under, String name) {
    Element scope = doc.getDocumentElement();
    if (under != null) {
      NodeList l = doc.getElementsByTagNameNS("*", under);
      if (l.getLength() == 0) {
        return null;
      }
      scope = (Element) l.item(0);
    }
    for (Node n = scope.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName())) {
        return e.getTextContent().strip();
      }
    }
    NodeList all = scope.getElementsByTagNameNS("*", name);
    return all.getLength() == 0 ? null : all.item(0).getTextContent().strip();
  }

  /**
   * Checks the one enveloped signature: the signature value and references, then the chain of the
   * certificate it carries against the anchors at an instant (no revocation check).
   *
   * @param anchors the trust anchors; empty to check the signature only
   * @param at the instant of validation
   * @return null when valid, else why not
   */
  public String signatureProblem(List<X509Certificate> anchors, Instant at) {
    try {
      NodeList ids = doc.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < ids.getLength(); i++) {
        Element e = (Element) ids.item(i);
        if (e.hasAttribute("Id")) {
          e.setIdAttribute("Id", true);
        }
      }
      NodeList sigs = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
      if (sigs.getLength() != 1) {
        return "expected one signature, found " + sigs.getLength();
      }
      XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
      List<X509Certificate> chain = new ArrayList<>();
      XMLSignature signature =
          factory.unmarshalXMLSignature(
              new DOMValidateContext(new X509Selector(chain), sigs.item(0)));
      KeyInfo ki = signature.getKeyInfo();
      if (ki != null) {
        for (Object o : ki.getContent()) {
          if (o instanceof X509Data d) {
            for (Object c : d.getContent()) {
              if (c instanceof X509Certificate x) {
                chain.add(x);
              }
            }
          }
        }
      }
      if (chain.isEmpty()) {
        return "the signature carries no certificate";
      }
      DOMValidateContext ctx = new DOMValidateContext(new X509Selector(chain), sigs.item(0));
      if (!factory.unmarshalXMLSignature(ctx).validate(ctx)) {
        return "the signature does not verify";
      }
      if (!anchors.isEmpty()) {
        Set<TrustAnchor> trust = new HashSet<>();
        anchors.forEach(a -> trust.add(new TrustAnchor(a, null)));
        PKIXParameters params = new PKIXParameters(trust);
        params.setRevocationEnabled(false);
        params.setDate(Date.from(at));
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
          if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
            path.add(c);
          }
        }
        CertPathValidator.getInstance("PKIX")
            .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
      }
      return null;
    } catch (Exception e) {
      return "the signature or its chain is not valid: " + e.getClass().getSimpleName();
    }
  }
}
