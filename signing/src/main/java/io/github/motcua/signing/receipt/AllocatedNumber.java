package io.github.motcua.signing.receipt;

import java.time.Instant;
import java.util.Optional;

/**
 * The record a {@link ReceiptNumberAllocator} keeps of a number it handed out.
 *
 * @param series the series; not null
 * @param number the number
 * @param status allocated or cancelled; not null
 * @param allocatedAt when it was allocated; not null
 * @param cancelledAt when it was cancelled, or null
 * @param cancelReason why it was cancelled, or null
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
    CANCELLED
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
