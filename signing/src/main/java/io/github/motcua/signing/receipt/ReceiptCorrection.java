package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.signing.receipt.internal.Fields;
import java.util.Objects;

/**
 * What a replacing or adjusting receipt says about the receipt it corrects: the kind of correction,
 * the original (form symbol, receipt symbol, number, date) and the reason. The correcting receipt
 * is itself a signed receipt with a number of its own; the original keeps its number and is marked
 * replaced or adjusted in the register ({@link ReceiptNumberAllocator#recordCorrection}).
 * Cancelling a receipt without a new one is a {@link ReceiptCancellation}.
 *
 * @param kind replacement or adjustment; not null
 * @param original the receipt corrected; not null
 * @param reason why, 1 to 500 characters, no personal data; not null
 */
public record ReceiptCorrection(Kind kind, ReceiptReference original, String reason) {

  /** The kinds of correcting receipt. */
  public enum Kind {
    /**
     * Replaces the original wholly (biên lai thay thế): the new receipt holds the right content.
     */
    REPLACEMENT,
    /** Adjusts the original upwards (điều chỉnh tăng): the items are the amounts added. */
    ADJUSTMENT_INCREASE,
    /** Adjusts the original downwards (điều chỉnh giảm): the items are the amounts taken off. */
    ADJUSTMENT_DECREASE;

    /**
     * Tells whether this is an adjustment.
     *
     * @return true for the two adjustments
     */
    public boolean adjustment() {
      return this != REPLACEMENT;
    }
  }

  /**
   * Validates the correction.
   *
   * @throws InvalidInputException with code {@code receipt.correction.required} or {@code
   *     receipt.correction-reason.*}
   */
  public ReceiptCorrection {
    if (kind == null || original == null) {
      throw new InvalidInputException(
          "receipt.correction.required", "A correction has a kind and names the original.");
    }
    reason = Fields.text(reason, "correction-reason", 500);
    Objects.requireNonNull(reason);
  }
}
