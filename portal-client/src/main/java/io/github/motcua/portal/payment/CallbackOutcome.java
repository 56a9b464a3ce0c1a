package io.github.motcua.portal.payment;

import io.github.motcua.core.MotcuaException;
import java.util.Optional;

/**
 * What {@link PaymentPlatformClient#handleCallback(java.util.Map)} made of a callback: the verified
 * confirmation or the reason it was refused, and the reply to send back either way.
 *
 * @param confirmation the verified confirmation, null when refused
 * @param settledNow true when this callback settled the order (false for a repeat, a late callback
 *     after reconciliation, a failed payment or a refusal): issue the receipt only then
 * @param refusal why the callback was refused, null when verified
 * @param reply the reply to send as the HTTP body
 */
public record CallbackOutcome(
    PaymentConfirmation confirmation,
    boolean settledNow,
    MotcuaException refusal,
    CallbackReply reply) {

  /**
   * Tells whether the callback verified.
   *
   * @return true when verified
   */
  public boolean accepted() {
    return refusal == null;
  }

  /**
   * Returns the confirmation.
   *
   * @return the confirmation, when verified
   */
  public Optional<PaymentConfirmation> optionalConfirmation() {
    return Optional.ofNullable(confirmation);
  }
}
