package io.github.motcua.signing.receipt;

/**
 * A receipt document could not be read: it is not well-formed XML, it is too large, it declares a
 * DTD, or it does not follow the receipt format of {@code docs/receipts.md}. Codes start with
 * {@code receipt-xml.}: {@code receipt-xml.too-large}, {@code receipt-xml.malformed}, {@code
 * receipt-xml.doctype}, {@code receipt-xml.structure}, {@code receipt-xml.value}, {@code
 * receipt-xml.version}. A receipt that is well formed but breaks a content rule raises {@link
 * InvalidReceiptException} instead.
 */
public class ReceiptXmlException extends ReceiptException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, starting with {@code receipt-xml.}; not null
   * @param message a message for people, free of personal data; not null
   */
  public ReceiptXmlException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable code, starting with {@code receipt-xml.}; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause; may be null
   */
  public ReceiptXmlException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
