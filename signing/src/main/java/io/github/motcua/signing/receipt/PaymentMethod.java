package io.github.motcua.signing.receipt;

/** How the payer paid (hình thức thanh toán), as printed on the receipt. */
public enum PaymentMethod {
  /**
   * Online through the national public-service portal's payment platform (thanh toán trực tuyến). A
   * payment reference is required.
   */
  ONLINE_PAYMENT_PLATFORM("Thanh toán trực tuyến", true),
  /** By bank transfer to the collecting unit's account (chuyển khoản). A reference is required. */
  BANK_TRANSFER("Chuyển khoản", true),
  /** In cash at the counter (tiền mặt tại quầy). A reference is optional. */
  CASH("Tiền mặt", false);

  private final String vietnameseName;
  private final boolean referenceRequired;

  PaymentMethod(String vietnameseName, boolean referenceRequired) {
    this.vietnameseName = vietnameseName;
    this.referenceRequired = referenceRequired;
  }

  /**
   * Returns the Vietnamese name printed on receipts.
   *
   * @return for example {@code Chuyển khoản}
   */
  public String vietnameseName() {
    return vietnameseName;
  }

  /**
   * Tells whether a receipt paid this way must carry a payment reference.
   *
   * @return true for online payments and bank transfers
   */
  public boolean referenceRequired() {
    return referenceRequired;
  }
}
