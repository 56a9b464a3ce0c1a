package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.Optional;

/**
 * A payment received for a dossier's fees, as recorded in the snapshot from a {@link
 * DossierEvent.PaymentReceived} event.
 *
 * <p>Immutable and thread-safe.
 *
 * @param reference the payment's reference (a payment platform's transaction reference or the
 *     counter's voucher number), at most 500 characters; not null
 * @param amount the amount paid, more than zero; not null
 * @param online whether it was paid online (DuocThanhToanTrucTuyen) rather than at the counter
 * @param receiptNumber the number of the receipt issued for it, at most 500 characters; not null,
 *     may be empty
 * @param paidAt when the payment was received; not null
 */
public record Payment(
    String reference, Vnd amount, boolean online, Optional<String> receiptNumber, Instant paidAt) {

  /**
   * Validates the payment.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public Payment {
    Checks c = new Checks("Payment");
    c.text("reference", reference, Checks.SHORT_TEXT);
    if (c.required("amount", amount)) {
      c.that(amount.amount() > 0, "amount", "range", "is more than zero.");
    }
    c.optionalText("receiptNumber", receiptNumber, Checks.SHORT_TEXT);
    c.required("paidAt", paidAt);
    c.throwIfAny();
  }
}
