package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import java.time.Instant;
import java.util.Objects;

/**
 * The identity of a receipt as a correction cites it: form symbol, receipt symbol, number and date
 * of issue (Decree 254/2026/NĐ-CP: a replacing or adjusting document names the one it corrects).
 *
 * @param series the original's series; not null
 * @param number the original's number, 1 or more
 * @param issuedAt when the original was issued; not null
 */
public record ReceiptReference(ReceiptSeries series, long number, Instant issuedAt) {

  /**
   * Validates the reference.
   *
   * @throws InvalidInputException with code {@code receipt.original.required} or {@code
   *     receipt.original.number}
   */
  public ReceiptReference {
    if (series == null || issuedAt == null) {
      throw new InvalidInputException(
          "receipt.original.required", "A correction names the original's series and issue date.");
    }
    if (number < 1 || number > EReceipt.MAX_NUMBER) {
      throw new InvalidInputException(
          "receipt.original.number",
          "The original's number is between 1 and " + EReceipt.MAX_NUMBER + ".");
    }
  }

  /**
   * Returns the reference of a receipt.
   *
   * @param receipt the receipt; not null
   * @return its reference
   */
  public static ReceiptReference of(EReceipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    return new ReceiptReference(receipt.series(), receipt.number(), receipt.issuedAt());
  }

  @Override
  public String toString() {
    return series.formSymbol() + " " + series.seriesSymbol() + " No." + number + " of " + issuedAt;
  }
}
