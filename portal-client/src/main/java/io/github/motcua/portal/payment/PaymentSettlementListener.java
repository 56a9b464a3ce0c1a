package io.github.motcua.portal.payment;

/**
 * Told when an order becomes paid: once per order, in the instance whose store update settled it,
 * whether a verified callback or the {@link PaymentReconciler} settled it. The place to issue the
 * e-receipt and move the dossier on. A listener that throws does not undo the settlement: the
 * exception reaches the caller ({@link PaymentPlatformClient#verifyCallback} or the reconciler's
 * report).
 */
@FunctionalInterface
public interface PaymentSettlementListener {

  /**
   * Reacts to a settled order.
   *
   * @param order the order, now {@link PaymentOrder.State#PAID}
   */
  void settled(PaymentOrder order);
}
