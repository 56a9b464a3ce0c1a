package io.github.motcua.signing.xml;

import io.github.motcua.signing.SigningException;

/**
 * An XML document could not be signed. Codes: {@code xml-signer.scheme} (the key's signature scheme
 * has no XML signature method here: RSA-PSS), {@code xml-signer.reference} (no element, or more
 * than one, carries the Id to sign), {@code xml-signer.id-taken} (an Id the signature needs is
 * already used in the document), {@code xml-signer.failed} (the JDK's XML signature code failed). A
 * key holder that cannot sign raises {@link io.github.motcua.signing.SigningKeyException}.
 */
public class XmlSigningException extends SigningException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, starting with {@code xml-signer.}; not null
   * @param message a message for people; not null
   * @param cause the cause; may be null
   */
  public XmlSigningException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
