package io.github.motcua.portal.payment;

import io.github.motcua.core.money.Vnd;
import java.time.Instant;
import java.util.Optional;

/**
 * The platform's answer to a status query ({@code LoaiBanTin} {@code QUERY}): what became of an
 * order.
 *
 * @param reference the order reference ({@code MaThamChieu})
 * @param outcome paid, pending or failed, as {@code TrangThaiGD} says
 * @param statusCode the platform's {@code TrangThaiGD} as sent
 * @param transactionId {@code MaGiaoDich}, empty when the platform sent none
 * @param amount {@code SoTien}, null when the platform sent none
 * @param bankCode {@code MaNganHang}, empty when none
 * @param transactionTime {@code ThoiGianGD} as sent ({@code yyyyMMddHHmmss}), empty when none
 */
public record PaymentStatus(
    String reference,
    Outcome outcome,
    String statusCode,
    String transactionId,
    Vnd amount,
    String bankCode,
    String transactionTime) {

  /** What {@code TrangThaiGD} says. */
  public enum Outcome {
    /** Paid ({@code 1}). */
    PAID,
    /** The platform does not know the final outcome yet ({@code 3}). */
    PENDING,
    /** The payment failed ({@code 4}). */
    FAILED,
    /** Another value, or the platform has no transaction for the order yet. */
    UNKNOWN
  }

  /**
   * Returns the amount.
   *
   * @return the amount, when sent
   */
  public Optional<Vnd> optionalAmount() {
    return Optional.ofNullable(amount);
  }

  /**
   * Returns the transaction time.
   *
   * @return the instant, when sent and well formed
   */
  public Optional<Instant> optionalTransactionTime() {
    try {
      return transactionTime.isEmpty()
          ? Optional.empty()
          : Optional.of(io.github.motcua.portal.internal.VietnamTime.parse(transactionTime));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }
}
