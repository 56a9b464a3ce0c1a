package io.github.motcua.portal.receipt;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.dossier.DossierEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One receipt document to send to the tax authority: a receipt, a replacing or adjusting receipt,
 * or a cancellation, with its identity and the signed XML. Built from a {@link
 * DossierEvent.ReceiptRecorded} the sync outbox delivers.
 *
 * @param taxCode the collecting unit's tax code
 * @param formSymbol the form symbol, such as {@code EBL01}
 * @param receiptSymbol the receipt symbol, such as {@code 26TAB}
 * @param number the receipt number
 * @param kind {@code ISSUED}, {@code REPLACEMENT}, {@code ADJUSTMENT} or {@code CANCELLATION}
 * @param issuedAt when the document was issued
 * @param document the signed XML document
 */
public record ReceiptTransmission(
    String taxCode,
    String formSymbol,
    String receiptSymbol,
    long number,
    String kind,
    Instant issuedAt,
    byte[] document) {

  private static final Pattern PART = Pattern.compile("[0-9A-Z/\\-]{1,20}");

  /**
   * Validates and copies.
   *
   * @throws ConfigurationException with code {@code tax.transmission.*}
   */
  public ReceiptTransmission {
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(document, "document");
    for (String part : new String[] {taxCode, formSymbol, receiptSymbol}) {
      if (part == null || !PART.matcher(part).matches()) {
        throw new ConfigurationException(
            "portal.config.tax.transmission.key",
            "A receipt key part is not a tax code or symbol.");
      }
    }
    if (number < 1 || !DossierEvent.ReceiptRecorded.KINDS.contains(kind)) {
      throw new ConfigurationException(
          "portal.config.tax.transmission.kind",
          "A receipt transmission has a number and a known kind.");
    }
    document = document.clone();
  }

  /**
   * Reads a transmission from the outbox's event.
   *
   * @param event the event; not null
   * @return the transmission
   * @throws ConfigurationException when the key or document cannot be read
   */
  public static ReceiptTransmission of(DossierEvent.ReceiptRecorded event) {
    String[] parts = event.receiptKey().split(":", -1);
    if (parts.length != 4 || !parts[3].matches("[0-9]{1,8}")) {
      throw new ConfigurationException(
          "portal.config.tax.transmission.key",
          "A receipt key is tax code, form symbol, receipt symbol and number joined by ':'.");
    }
    byte[] xml;
    try {
      xml = Base64.getDecoder().decode(event.document());
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "portal.config.tax.transmission.document", "The receipt document is not Base64.");
    }
    return new ReceiptTransmission(
        parts[0],
        parts[1],
        parts[2],
        Long.parseLong(parts[3]),
        event.kind(),
        event.occurredAt(),
        xml);
  }

  /**
   * Returns the key the tax authority knows the document by: the receipt's identity and the kind.
   *
   * @return for example {@code 0100233488:EBL01:26TAB:7:ISSUED}
   */
  public String key() {
    return taxCode + ":" + formSymbol + ":" + receiptSymbol + ":" + number + ":" + kind;
  }

  @Override
  public byte[] document() {
    return document.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReceiptTransmission t
        && key().equals(t.key())
        && issuedAt.equals(t.issuedAt)
        && java.util.Arrays.equals(document, t.document);
  }

  @Override
  public int hashCode() {
    return key().hashCode();
  }

  @Override
  public String toString() {
    return "ReceiptTransmission[" + key() + ", " + document.length + " bytes]";
  }
}
