/**
 * Delivery of e-receipt data to the tax authority (Decree 254/2026/NĐ-CP Art. 29(3)(b), Circular
 * 91/2026/TT-BTC): {@link io.github.motcua.portal.receipt.ReceiptTransmitter}, its HTTPS
 * implementation {@link io.github.motcua.portal.receipt.HttpReceiptTransmitter} configured by a
 * {@link io.github.motcua.portal.receipt.TaxAuthorityProfile}, and {@link
 * io.github.motcua.portal.receipt.ReceiptDestination}, the authority as a destination of the sync
 * outbox.
 */
package io.github.motcua.portal.receipt;
