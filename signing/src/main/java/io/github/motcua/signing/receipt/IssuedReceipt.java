package io.github.motcua.signing.receipt;

import java.util.Objects;

/**
 * A receipt as issued: the values and the signed XML document to store, send and show.
 *
 * <p>Immutable and thread-safe.
 */
public final class IssuedReceipt {

  private final EReceipt receipt;
  private final byte[] xml;

  IssuedReceipt(EReceipt receipt, byte[] xml) {
    this.receipt = Objects.requireNonNull(receipt, "receipt");
    this.xml = xml.clone();
  }

  /**
   * Returns the receipt's values.
   *
   * @return the receipt
   */
  public EReceipt receipt() {
    return receipt;
  }

  /**
   * Returns the signed XML document (format in {@code docs/receipts.md}), UTF-8.
   *
   * @return a copy of the bytes
   */
  public byte[] xml() {
    return xml.clone();
  }

  @Override
  public String toString() {
    return "IssuedReceipt[" + receipt + ", " + xml.length + " bytes]";
  }
}
