package io.github.motcua.portal.payment;

import io.github.motcua.core.money.Vnd;
import java.time.Instant;

/**
 * A verified payment callback: the platform's word, checked against its checksum and the order,
 * that a payment succeeded or failed.
 *
 * <p>A callback delivered twice for the same transaction yields an equal confirmation; an order is
 * settled once (by a callback or the {@link PaymentReconciler}): issue its receipt when {@link
 * CallbackOutcome#settledNow()} is true or in the {@link PaymentSettlementListener}.
 *
 * @param reference the order reference ({@code MaThamChieu})
 * @param transactionId the platform's transaction id ({@code MaGiaoDich})
 * @param amount the amount paid ({@code SoTien}), equal to the order's amount
 * @param bankCode the bank or wallet used ({@code MaNganHang})
 * @param paidAt the transaction time ({@code ThoiGianGD})
 * @param resultCode the platform's result code ({@code MaLoi}); {@code 00} is success
 * @param successful true when the payment succeeded
 */
public record PaymentConfirmation(
    String reference,
    String transactionId,
    Vnd amount,
    String bankCode,
    Instant paidAt,
    String resultCode,
    boolean successful) {}
