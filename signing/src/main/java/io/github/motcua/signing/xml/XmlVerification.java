package io.github.motcua.signing.xml;

import io.github.motcua.signing.SignatureReport;
import java.util.Objects;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * What {@link XmlSignatureVerifier} found: the report, and the element whose content the signature
 * covers, to read the signed data from (never read it from anywhere else in the document).
 *
 * <p>Immutable as far as this class goes; the element belongs to a document parsed for this
 * verification only.
 */
public final class XmlVerification {

  private final SignatureReport report;
  private final Element signedElement;

  XmlVerification(SignatureReport report, Element signedElement) {
    this.report = Objects.requireNonNull(report, "report");
    this.signedElement = signedElement;
  }

  /**
   * Returns the validation report.
   *
   * @return the report
   */
  public SignatureReport report() {
    return report;
  }

  /**
   * Returns the signed element at the expected place, when its reference digest and the signature
   * value verify (the content is exactly what was signed; whether the signer is trusted is in
   * {@link #report()}).
   *
   * @return the element, or empty when the content cannot be attributed to the signature
   */
  public Optional<Element> signedElement() {
    return Optional.ofNullable(signedElement);
  }

  @Override
  public String toString() {
    return report.toString();
  }
}
