package io.github.motcua.signing.xml;

import io.github.motcua.signing.SigningException;

/**
 * An XML document was refused before any signature was looked at. Codes: {@code xml.too-large}
 * (over the size limit), {@code xml.malformed} (not well-formed, truncated, or nested too deep),
 * {@code xml.doctype} (a DTD, and with it every entity, is never accepted), {@code xml.comment} and
 * {@code xml.processing-instruction} (refused because canonicalisation drops them from what is
 * signed while a reader may still see them), {@code xml.structure} (an element the format needs is
 * missing or repeated), {@code xml.duplicate-id} (two elements carry the same {@code Id}), {@code
 * xml.parser} (the JDK's parser refused the hardening settings: a broken runtime, not bad input).
 */
public class XmlDocumentException extends SigningException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, starting with {@code xml.}; not null
   * @param message a message for people; not null
   */
  public XmlDocumentException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable code, starting with {@code xml.}; not null
   * @param message a message for people; not null
   * @param cause the underlying cause; may be null
   */
  public XmlDocumentException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
