package io.github.motcua.portal.payment;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a {@link PaymentPlatformClient} keeps the orders it sent and what became of them, so that a
 * callback is checked against its order after a restart or in another instance, a repeated callback
 * is recognised, and the {@link PaymentReconciler} finds the orders whose callback never came.
 *
 * <p>The durable store is {@link JdbcPaymentOrderStore} (H2 or PostgreSQL); {@link #inMemory()}
 * forgets everything with the process and is meant for tests. Implementations are thread-safe;
 * {@link #settle} and {@link #expire} are atomic compare-and-set operations on the order's state,
 * so that several instances may share one store.
 */
public interface PaymentOrderStore {

  /**
   * Records a sent order as open, unless an order with that reference is stored already.
   *
   * @param order the open order
   * @return the order stored under that reference: this one, or the one stored earlier (the client
   *     refuses to send a different order under a used reference)
   */
  PaymentOrder save(PaymentOrder order);

  /**
   * Finds an order by reference.
   *
   * @param reference the reference
   * @return the order, empty when this partner never sent it
   */
  Optional<PaymentOrder> find(String reference);

  /**
   * Marks an open order paid.
   *
   * @param confirmation the verified, successful confirmation
   * @param settledBy a callback or the reconciler
   * @param at the settlement time
   * @return true when this call settled the order; false when it was not open (paid or expired
   *     already) or is unknown
   */
  boolean settle(PaymentConfirmation confirmation, PaymentOrder.Settlement settledBy, Instant at);

  /**
   * Marks an open order expired.
   *
   * @param reference the reference
   * @param at the expiry time
   * @return true when this call expired it; false when it was not open
   */
  boolean expire(String reference, Instant at);

  /**
   * Counts a status query of an open order.
   *
   * @param reference the reference
   * @param at when the query was made
   */
  void checked(String reference, Instant at);

  /**
   * Returns open orders sent before an instant, the least often checked first, then the oldest.
   *
   * @param requestedBefore only orders whose order time is before this
   * @param limit at most this many
   * @return the orders
   */
  List<PaymentOrder> open(Instant requestedBefore, int limit);

  /**
   * Counts the orders in each state.
   *
   * @return a count for every state
   */
  Map<PaymentOrder.State, Long> counts();

  /**
   * Returns a thread-safe store held in memory, for tests: it forgets every order when the process
   * ends, so a callback after a restart would be refused.
   *
   * @return a new empty store
   */
  static PaymentOrderStore inMemory() {
    return new io.github.motcua.portal.internal.InMemoryPaymentOrderStore();
  }
}
