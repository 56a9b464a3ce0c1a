package io.github.motcua.portal.internal;

import io.github.motcua.portal.payment.PaymentConfirmation;
import io.github.motcua.portal.payment.PaymentOrder;
import io.github.motcua.portal.payment.PaymentOrderStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The {@link PaymentOrderStore} held in memory, for tests. Thread-safe. */
public final class InMemoryPaymentOrderStore implements PaymentOrderStore {

  private final ConcurrentMap<String, PaymentOrder> orders = new ConcurrentHashMap<>();

  /** Creates an empty store. */
  public InMemoryPaymentOrderStore() {}

  @Override
  public PaymentOrder save(PaymentOrder order) {
    PaymentOrder earlier = orders.putIfAbsent(order.reference(), order);
    return earlier == null ? order : earlier;
  }

  @Override
  public Optional<PaymentOrder> find(String reference) {
    return Optional.ofNullable(orders.get(reference));
  }

  @Override
  public boolean settle(
      PaymentConfirmation confirmation, PaymentOrder.Settlement settledBy, Instant at) {
    boolean[] done = {false};
    orders.computeIfPresent(
        confirmation.reference(),
        (r, o) -> {
          if (o.state() != PaymentOrder.State.OPEN) {
            return o;
          }
          done[0] = true;
          return new PaymentOrder(
              o.request(),
              o.requestedAt(),
              PaymentOrder.State.PAID,
              confirmation,
              settledBy,
              at,
              o.checks());
        });
    return done[0];
  }

  @Override
  public boolean expire(String reference, Instant at) {
    boolean[] done = {false};
    orders.computeIfPresent(
        reference,
        (r, o) -> {
          if (o.state() != PaymentOrder.State.OPEN) {
            return o;
          }
          done[0] = true;
          return new PaymentOrder(
              o.request(), o.requestedAt(), PaymentOrder.State.EXPIRED, null, null, at, o.checks());
        });
    return done[0];
  }

  @Override
  public void checked(String reference, Instant at) {
    orders.computeIfPresent(
        reference,
        (r, o) ->
            new PaymentOrder(
                o.request(),
                o.requestedAt(),
                o.state(),
                o.confirmation(),
                o.settledBy(),
                o.closedAt(),
                o.checks() + 1));
  }

  @Override
  public List<PaymentOrder> open(Instant requestedBefore, int limit) {
    return orders.values().stream()
        .filter(o -> o.state() == PaymentOrder.State.OPEN)
        .filter(o -> o.requestedAt().isBefore(requestedBefore))
        .sorted(
            Comparator.comparingInt(PaymentOrder::checks)
                .thenComparing(PaymentOrder::requestedAt)
                .thenComparing(PaymentOrder::reference))
        .limit(limit)
        .toList();
  }

  @Override
  public Map<PaymentOrder.State, Long> counts() {
    Map<PaymentOrder.State, Long> out = new EnumMap<>(PaymentOrder.State.class);
    for (PaymentOrder.State s : PaymentOrder.State.values()) {
      out.put(s, 0L);
    }
    orders.values().forEach(o -> out.merge(o.state(), 1L, Long::sum));
    return out;
  }
}
