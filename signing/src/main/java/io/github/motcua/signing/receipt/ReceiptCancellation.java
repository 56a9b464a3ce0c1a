package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.signing.receipt.internal.Fields;
import java.time.Instant;

/**
 * The cancellation of a receipt issued in error (hủy biên lai), a document of its own signed by the
 * collecting unit: it names the original (form symbol, receipt symbol, number, date), the reason
 * and when. The original keeps its number, which is never reused; the register marks it cancelled.
 * Written and read by {@link EReceiptXml#toDocument(ReceiptCancellation)} and {@link
 * EReceiptXml#readCancellation(byte[])}; issued by {@link EReceiptIssuer#cancel}.
 *
 * @param unitName the collecting unit's name, 1 to 400 characters; not null
 * @param original the cancelled receipt; not null
 * @param reason why, 1 to 500 characters, no personal data; not null
 * @param cancelledAt when; not null, not before the original's issue
 */
public record ReceiptCancellation(
    String unitName, ReceiptReference original, String reason, Instant cancelledAt) {

  /**
   * Validates the cancellation.
   *
   * @throws InvalidInputException naming the broken rule
   */
  public ReceiptCancellation {
    unitName = Fields.text(unitName, "unit.name", 400);
    if (original == null || cancelledAt == null) {
      throw new InvalidInputException(
          "receipt.cancellation.required", "A cancellation names the original and its time.");
    }
    reason = Fields.text(reason, "cancellation-reason", 500);
    if (cancelledAt.isBefore(original.issuedAt())) {
      throw new InvalidInputException(
          "receipt.cancellation.order", "A receipt is cancelled after it was issued.");
    }
  }
}
