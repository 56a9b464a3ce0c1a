package io.github.motcua.portal.internal;

import io.github.motcua.portal.payment.PaymentConfirmation;
import io.github.motcua.portal.payment.PaymentOrderStore;
import io.github.motcua.portal.payment.PaymentRequest;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The default {@link PaymentOrderStore}: two concurrent maps. Thread-safe. */
public final class InMemoryPaymentOrderStore implements PaymentOrderStore {

  private final ConcurrentMap<String, PaymentRequest> orders = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, PaymentConfirmation> confirmations =
      new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryPaymentOrderStore() {}

  @Override
  public void save(PaymentRequest order) {
    orders.put(order.reference(), order);
  }

  @Override
  public Optional<PaymentRequest> find(String reference) {
    return Optional.ofNullable(orders.get(reference));
  }

  @Override
  public PaymentConfirmation confirm(PaymentConfirmation confirmation) {
    PaymentConfirmation earlier = confirmations.putIfAbsent(confirmation.reference(), confirmation);
    return earlier == null ? confirmation : earlier;
  }
}
