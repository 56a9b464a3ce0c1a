package io.github.motcua.signing.pdf;

import io.github.motcua.signing.SigningException;

/**
 * A PDF could not be signed or rendered: the input is not a readable PDF, it is encrypted, the
 * signature does not fit the space reserved for it, a setting names a page the document does not
 * have. The {@link #code()} names the part and the rule, such as {@code pdf.unreadable} or {@code
 * pdf-signer.signature-size}.
 *
 * <p>Verification never throws for a bad PDF: {@link PdfSignatureVerifier} returns a report.
 */
public class PdfException extends SigningException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code
   * @param message a message for people, free of personal data
   * @param cause the cause, may be null
   */
  public PdfException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
