package io.github.motcua.portal.payment;

import java.net.URI;
import java.time.Instant;

/**
 * The payment platform's answer to a payment order: where to send the payer.
 *
 * @param reference the order reference ({@code MaThamChieu})
 * @param paymentUrl the page where the payer pays; redirect the payer's browser there
 * @param requestedAt the order time sent as {@code ThoiGianGD}
 */
public record PaymentInitiation(String reference, URI paymentUrl, Instant requestedAt) {}
