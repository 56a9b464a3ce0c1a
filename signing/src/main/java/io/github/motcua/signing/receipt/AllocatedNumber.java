package io.github.motcua.signing.receipt;

import java.time.Instant;
import java.util.Optional;

/**
 * The record a {@link ReceiptNumberAllocator} keeps of a number it handed out.
 *
 * @param series the series; not null
 * @param number the number
 * @param status allocated, cancelled, replaced or adjusted; not null
 * @param allocatedAt when it was allocated; not null
 * @param cancelledAt when it was last cancelled, replaced or adjusted, or null
 * @param cancelReason why (and, for a replacement or adjustment, by which receipt), or null
 */
public record AllocatedNumber(
    ReceiptSeries series,
    long number,
    Status status,
    Instant allocatedAt,
    Instant cancelledAt,
    String cancelReason) {

  /** The state of an allocated number. */
  public enum Status {
    /** Handed out for a receipt. */
    ALLOCATED,
    /** Cancelled: kept on record, never handed out again. */
    CANCELLED,
    /** Its receipt was replaced by another receipt, which names it. */
    REPLACED,
    /** Its receipt was adjusted by one or more other receipts, which name it. */
    ADJUSTED
  }

  /**
   * Returns when the number was cancelled.
   *
   * @return the instant, or empty while the number is allocated
   */
  public Optional<Instant> cancelled() {
    return Optional.ofNullable(cancelledAt);
  }
}
