package io.github.motcua.portal.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An order as the {@link PaymentOrderStore} holds it: what was sent, when, and what became of it.
 *
 * @param request the order as sent
 * @param requestedAt the order time sent as {@code ThoiGianGD}; a status query names it again
 * @param state open, paid or expired
 * @param confirmation the confirmation that settled it, null while open or expired
 * @param settledBy how it was settled, null while open or expired
 * @param closedAt when it was settled or expired, null while open
 * @param checks how many status queries the {@link PaymentReconciler} made for it
 */
public record PaymentOrder(
    PaymentRequest request,
    Instant requestedAt,
    State state,
    PaymentConfirmation confirmation,
    Settlement settledBy,
    Instant closedAt,
    int checks) {

  /** What became of an order. */
  public enum State {
    /** Sent; no confirmed payment yet. */
    OPEN,
    /** Paid: a verified callback or a status query confirmed it. */
    PAID,
    /** Given up by the {@link PaymentReconciler}: never paid within its expiry. */
    EXPIRED
  }

  /** How a paid order learnt that it was paid. */
  public enum Settlement {
    /** A verified callback of the platform. */
    CALLBACK,
    /** A status query of the {@link PaymentReconciler}. */
    RECONCILIATION
  }

  /**
   * Validates the order.
   *
   * @throws NullPointerException when the request, the time or the state is missing
   */
  public PaymentOrder {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(state, "state");
  }

  /**
   * Returns a new open order.
   *
   * @param request the order
   * @param requestedAt the order time
   * @return the open order
   */
  public static PaymentOrder open(PaymentRequest request, Instant requestedAt) {
    return new PaymentOrder(request, requestedAt, State.OPEN, null, null, null, 0);
  }

  /**
   * Returns the reference.
   *
   * @return {@code MaThamChieu}
   */
  public String reference() {
    return request.reference();
  }

  /**
   * Returns the confirmation, when paid.
   *
   * @return the confirmation
   */
  public Optional<PaymentConfirmation> optionalConfirmation() {
    return Optional.ofNullable(confirmation);
  }
}
