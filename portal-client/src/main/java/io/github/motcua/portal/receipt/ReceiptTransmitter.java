package io.github.motcua.portal.receipt;

/**
 * Sends receipt data to the tax authority (gửi dữ liệu biên lai điện tử đến cơ quan thuế), on the
 * day of issue as Decree 254/2026/NĐ-CP Art. 29(3)(b) requires: each receipt document, or a day's
 * summary on form 01/TH-BLĐT. {@link HttpReceiptTransmitter} sends JSON or XML over HTTPS as a
 * {@link TaxAuthorityProfile} says; {@link ReceiptDestination} delivers through the sync outbox, so
 * every document reaches the authority once across crashes and outages.
 *
 * <p>Implementations are thread-safe and make a repeated transmission of the same key harmless.
 * They fail as portal clients do: {@link io.github.motcua.core.RetryLaterException} to try again
 * later, {@link io.github.motcua.core.InvalidInputException} (carrying the authority's code) not to
 * retry unchanged.
 */
public interface ReceiptTransmitter {

  /**
   * Sends one receipt document.
   *
   * @param transmission the document; not null
   * @return the authority's acceptance
   */
  TransmissionResult transmit(ReceiptTransmission transmission);

  /**
   * Sends a day's summary on form 01/TH-BLĐT.
   *
   * @param summary the summary; not null
   * @return the authority's acceptance
   */
  TransmissionResult transmitSummary(ReceiptSummary summary);
}
