package io.github.motcua.signing.receipt;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.RetryLaterException;
import java.util.Optional;

/**
 * Hands out receipt numbers: per {@link ReceiptSeries}, from 1, in sequence, without gaps and
 * without ever handing out a number twice, also when many threads or processes allocate at once and
 * across restarts. Numbers are issued in sequence within a series; from 1 July 2026 a series'
 * receipt symbol carries the year of issue, so numbering starts at 1 each 1 January (Decree
 * 254/2026/NĐ-CP Art. 23(2); see {@link ReceiptRules#seriesOn}).
 *
 * <p>A number once allocated stays on record. When it cannot be used (signing failed, the receipt
 * was issued in error) it is {@linkplain #cancel cancelled} with a reason, never reused, so the
 * sequence shows no gap and the cancellation can be audited.
 *
 * <p>Implementations are thread-safe. The default is {@link JdbcReceiptNumberAllocator} (embedded
 * H2 or PostgreSQL).
 */
public interface ReceiptNumberAllocator {

  /**
   * Allocates the next number of a series and records it as allocated.
   *
   * @param series the series; not null
   * @return the number: 1 for the first receipt of a series, then one more than the last one
   *     allocated
   * @throws RetryLaterException with code {@code receipt-number.storage} when the number could not
   *     be recorded (nothing was allocated then), or {@code receipt-number.exhausted} past {@link
   *     EReceipt#MAX_NUMBER}
   */
  long allocate(ReceiptSeries series);

  /**
   * Cancels an allocated number: it stays on record as cancelled, with the reason and the time, and
   * is never handed out again. The cancellation is logged.
   *
   * @param series the series; not null
   * @param number the number to cancel
   * @param reason why, 1 to 500 characters, for the audit trail; not null; must not contain
   *     personal data (it is logged)
   * @throws InvalidInputException with code {@code receipt-number.unknown} (never allocated),
   *     {@code receipt-number.already-cancelled}, {@code receipt-number.reason} or {@code
   *     receipt-number.storage}
   */
  void cancel(ReceiptSeries series, long number, String reason);

  /**
   * Looks up the record of a number.
   *
   * @param series the series; not null
   * @param number the number
   * @return the record, or empty when the number was never allocated
   * @throws RetryLaterException with code {@code receipt-number.storage}
   */
  Optional<AllocatedNumber> find(ReceiptSeries series, long number);

  /**
   * Records that the receipt of a number was replaced or adjusted by another receipt. A replaced or
   * cancelled receipt cannot be replaced or adjusted again; an adjusted one can be adjusted again
   * or replaced.
   *
   * @param series the original's series; not null
   * @param number the original's number
   * @param status {@link AllocatedNumber.Status#REPLACED} or {@link
   *     AllocatedNumber.Status#ADJUSTED}; not null
   * @param note the reason and the correcting receipt, 1 to 500 characters, no personal data
   * @throws InvalidInputException with code {@code receipt-number.unknown}, {@code
   *     receipt-number.already-cancelled} (cancelled or replaced before), {@code
   *     receipt-number.reason} or {@code receipt-number.storage}; {@code
   *     receipt-number.unsupported} from an allocator that keeps no statuses (this default)
   */
  default void recordCorrection(
      ReceiptSeries series, long number, AllocatedNumber.Status status, String note) {
    throw new ConfigurationException(
        "receipt-number.unsupported", getClass().getSimpleName() + " keeps no correction status.");
  }
}
