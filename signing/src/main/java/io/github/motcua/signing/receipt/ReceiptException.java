package io.github.motcua.signing.receipt;

import io.github.motcua.signing.SigningException;

/**
 * The root of the exceptions about electronic receipts (biên lai điện tử): an invalid receipt, a
 * numbering failure, an unreadable receipt document. Each carries a stable {@link #code()} such as
 * {@code receipt.total.sum}; messages never contain a payer's personal ID or full name.
 */
public class ReceiptException extends SigningException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable machine-readable code; not null
   * @param message a message for people, free of personal data; not null
   */
  public ReceiptException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable machine-readable code; not null
   * @param message a message for people, free of personal data; not null
   * @param cause the underlying cause, may be null
   */
  public ReceiptException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
