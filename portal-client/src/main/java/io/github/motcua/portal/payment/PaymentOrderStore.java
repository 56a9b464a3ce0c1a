package io.github.motcua.portal.payment;

import java.util.Optional;

/**
 * Where a {@link PaymentPlatformClient} remembers the orders it initiated and the confirmations it
 * accepted, so that a callback can be checked against its order and a repeated callback recognised.
 *
 * <p>The default, {@link #inMemory()}, lives as long as the client; an integrator whose callbacks
 * may reach another process or arrive after a restart implements this on their database.
 * Implementations must be thread-safe and make {@link #confirm(PaymentConfirmation)} atomic.
 */
public interface PaymentOrderStore {

  /**
   * Records an initiated order. Saving the same order again is harmless.
   *
   * @param order the order
   */
  void save(PaymentRequest order);

  /**
   * Finds an order by reference.
   *
   * @param reference the 20-character reference
   * @return the order, empty when this partner never initiated it
   */
  Optional<PaymentRequest> find(String reference);

  /**
   * Records a verified confirmation unless one is already recorded for its reference.
   *
   * @param confirmation the confirmation
   * @return the confirmation recorded first for that reference (this one, or an earlier one)
   */
  PaymentConfirmation confirm(PaymentConfirmation confirmation);

  /**
   * Returns a thread-safe store held in memory.
   *
   * @return a new empty store
   */
  static PaymentOrderStore inMemory() {
    return new io.github.motcua.portal.internal.InMemoryPaymentOrderStore();
  }
}
