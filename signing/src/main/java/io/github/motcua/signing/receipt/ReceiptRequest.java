package io.github.motcua.signing.receipt;

import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.id.DossierCode;
import java.util.List;
import java.util.Objects;

/**
 * What an {@link EReceiptIssuer} needs to know about one payment: who paid, for which dossier, the
 * items, how, and the payment reference. The issuer adds the series, the number, the time, the
 * collecting unit and the lookup code.
 *
 * @param payer who paid; not null
 * @param dossierCode the dossier paid for, or null
 * @param items the items, 1 to {@value EReceipt#MAX_ITEMS}; not null
 * @param paymentMethod how; not null
 * @param paymentReference the payment reference, or null for cash
 */
public record ReceiptRequest(
    Payer payer,
    DossierCode dossierCode,
    List<Fee> items,
    PaymentMethod paymentMethod,
    String paymentReference) {

  /** Creates a request; the content rules are checked when the receipt is built. */
  public ReceiptRequest {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }
}
