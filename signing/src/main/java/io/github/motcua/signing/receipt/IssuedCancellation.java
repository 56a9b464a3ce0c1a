package io.github.motcua.signing.receipt;

import java.util.Objects;

/**
 * A cancellation as signed: the values and the signed XML document ({@code EReceiptCancellation})
 * to store and send to the tax authority.
 *
 * <p>Immutable and thread-safe.
 */
public final class IssuedCancellation {

  private final ReceiptCancellation cancellation;
  private final byte[] xml;

  IssuedCancellation(ReceiptCancellation cancellation, byte[] xml) {
    this.cancellation = Objects.requireNonNull(cancellation, "cancellation");
    this.xml = xml.clone();
  }

  /**
   * Returns the cancellation's values.
   *
   * @return the cancellation
   */
  public ReceiptCancellation cancellation() {
    return cancellation;
  }

  /**
   * Returns the signed XML document, UTF-8.
   *
   * @return a copy of the bytes
   */
  public byte[] xml() {
    return xml.clone();
  }

  @Override
  public String toString() {
    return "IssuedCancellation[" + cancellation.original() + ", " + xml.length + " bytes]";
  }
}
