package io.github.motcua.portal.receipt;

/**
 * The tax authority's acceptance of a transmission.
 *
 * @param key the transmission's key ({@link ReceiptTransmission#key()} or {@link
 *     ReceiptSummary#key()})
 * @param acceptanceCode the authority's acceptance code (mã tiếp nhận), or null when its reply had
 *     none
 * @param requestId the request id of the call, for support
 */
public record TransmissionResult(String key, String acceptanceCode, String requestId) {}
