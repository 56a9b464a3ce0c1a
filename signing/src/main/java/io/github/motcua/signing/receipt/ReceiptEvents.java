package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.id.DossierCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;

/**
 * Turns receipt documents into dossier events ({@link DossierEvent.ReceiptRecorded}) for the sync
 * outbox, which delivers them to the tax authority (motcua-portal-client's {@code
 * ReceiptDestination}) exactly once. Record the event in the same transaction as the payment it
 * belongs to.
 *
 * <p>The event id is derived from the document's identity (unit, symbols, number, kind), so
 * recording the same document twice records it once.
 */
public final class ReceiptEvents {

  private ReceiptEvents() {}

  /**
   * Returns the event of an issued, replacing or adjusting receipt of a dossier.
   *
   * @param issued the receipt; it must name its dossier
   * @return the event, occurring at the receipt's issue
   * @throws InvalidInputException with code {@code receipt.dossier-code.required} when the receipt
   *     names no dossier
   */
  public static DossierEvent.ReceiptRecorded recorded(IssuedReceipt issued) {
    EReceipt r = Objects.requireNonNull(issued, "issued").receipt();
    DossierCode dossier =
        r.dossierCode()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "receipt.dossier-code.required",
                        "Only a receipt that names its dossier goes through the sync outbox."));
    String kind =
        r.correction()
            .map(c -> c.kind() == ReceiptCorrection.Kind.REPLACEMENT ? "REPLACEMENT" : "ADJUSTMENT")
            .orElse("ISSUED");
    return event(dossier, r.series(), r.number(), kind, r.issuedAt(), issued.xml());
  }

  /**
   * Returns the event of a cancellation.
   *
   * @param cancellation the signed cancellation; not null
   * @param dossier the dossier the cancelled receipt belongs to; not null
   * @return the event, occurring at the cancellation
   */
  public static DossierEvent.ReceiptRecorded recorded(
      IssuedCancellation cancellation, DossierCode dossier) {
    ReceiptCancellation c = Objects.requireNonNull(cancellation, "cancellation").cancellation();
    return event(
        Objects.requireNonNull(dossier, "dossier"),
        c.original().series(),
        c.original().number(),
        "CANCELLATION",
        c.cancelledAt(),
        cancellation.xml());
  }

  /**
   * Returns the key of a receipt: unit tax code, form symbol, receipt symbol and number joined by
   * {@code :}.
   *
   * @param series the series
   * @param number the number
   * @return for example {@code 0100233488:EBL01:26TAB:7}
   */
  public static String key(ReceiptSeries series, long number) {
    return series.unitTaxCode().value()
        + ":"
        + series.formSymbol()
        + ":"
        + series.seriesSymbol()
        + ":"
        + number;
  }

  private static DossierEvent.ReceiptRecorded event(
      DossierCode dossier,
      ReceiptSeries series,
      long number,
      String kind,
      java.time.Instant at,
      byte[] xml) {
    String key = key(series, number);
    UUID id = UUID.nameUUIDFromBytes((key + ":" + kind).getBytes(StandardCharsets.UTF_8));
    return new DossierEvent.ReceiptRecorded(
        id, dossier, at, kind, key, Base64.getEncoder().encodeToString(xml));
  }
}
