package io.github.motcua.signing.receipt;

/**
 * A receipt number could not be allocated or cancelled. Codes: {@code receipt-number.storage} (the
 * database failed or stayed busy; nothing was allocated), {@code receipt-number.exhausted} (the
 * series reached its highest number), {@code receipt-number.unknown} (cancelling a number that was
 * never allocated), {@code receipt-number.already-cancelled}, {@code receipt-number.reason} (a
 * cancellation without a reason), {@code receipt-number.settings} (the allocator was built
 * wrongly).
 */
public class ReceiptNumberException extends ReceiptException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, starting with {@code receipt-number.}; not null
   * @param message a message for people; not null
   */
  public ReceiptNumberException(String code, String message) {
    super(code, message);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param code the stable code, starting with {@code receipt-number.}; not null
   * @param message a message for people; not null
   * @param cause the underlying cause, such as an {@link java.sql.SQLException}; may be null
   */
  public ReceiptNumberException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
