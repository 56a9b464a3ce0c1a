package io.github.motcua.portal.payment;

import io.github.motcua.portal.PortalException;

/**
 * A payment order or a payment callback breaks a rule: an invalid order ({@code payment.reference},
 * {@code payment.amount}, {@code payment.fee-item}, ...) or a callback that must not be trusted
 * ({@code payment.callback.*}: checksum missing or wrong, unknown reference, amount, partner or
 * currency not matching the order, another transaction for an order already paid).
 *
 * <p>A refused callback must not mark anything as paid. The message never contains the secret key,
 * the checksum or personal data.
 */
public class PaymentException extends PortalException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the stable code, such as {@code payment.callback.checksum}
   * @param message what is wrong, free of secrets and personal data
   */
  public PaymentException(String code, String message) {
    super(code, message, 0, null, null, null);
  }

  /**
   * Creates an exception with a cause, such as a failure of the order store ({@code
   * payment.store}).
   *
   * @param code the stable code
   * @param message what is wrong, free of secrets and personal data
   * @param cause the cause
   */
  public PaymentException(String code, String message, Throwable cause) {
    super(code, message, 0, null, null, cause);
  }
}
