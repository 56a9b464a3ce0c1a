package io.github.motcua.portal.payment;

import java.util.Arrays;

/**
 * The bill (biên lai) of a paid order as the platform returns it ({@code LoaiBanTin} {@code
 * GET_BILL}): a document, usually a PDF.
 *
 * @param reference the order reference
 * @param contentType the reply's media type, such as {@code application/pdf}
 * @param content the document's bytes; copied
 */
public record PaymentBill(String reference, String contentType, byte[] content) {

  /** Copies the bytes. */
  public PaymentBill {
    content = content.clone();
  }

  /**
   * Returns a copy of the document's bytes.
   *
   * @return the bytes
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaymentBill b
        && b.reference.equals(reference)
        && b.contentType.equals(contentType)
        && Arrays.equals(b.content, content);
  }

  @Override
  public int hashCode() {
    return reference.hashCode() * 31 + Arrays.hashCode(content);
  }

  @Override
  public String toString() {
    return "PaymentBill[" + reference + ", " + contentType + ", " + content.length + " bytes]";
  }
}
