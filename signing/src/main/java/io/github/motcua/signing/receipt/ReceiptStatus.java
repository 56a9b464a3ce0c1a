package io.github.motcua.signing.receipt;

/** Whether a verified receipt still stands, as the issuer's register says. */
public enum ReceiptStatus {
  /** Issued and neither cancelled, replaced nor adjusted. */
  ISSUED,
  /** Cancelled (hủy): it no longer counts. */
  CANCELLED,
  /** Replaced by another receipt (bị thay thế), which names it. */
  REPLACED,
  /** Adjusted by another receipt (bị điều chỉnh), which names it; it still counts with it. */
  ADJUSTED,
  /** The register holds no such number: not issued by this unit's register. */
  NOT_REGISTERED,
  /** Not looked up: no register was given, or the receipt could not be read. */
  UNKNOWN;

  static ReceiptStatus of(AllocatedNumber.Status s) {
    return switch (s) {
      case ALLOCATED -> ISSUED;
      case CANCELLED -> CANCELLED;
      case REPLACED -> REPLACED;
      case ADJUSTED -> ADJUSTED;
    };
  }
}
