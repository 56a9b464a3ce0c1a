package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import java.util.Arrays;

/**
 * Whether an amount collected is a fee (phí) or a charge (lệ phí), with the national codes of the
 * public-service portal's fee list (LoaiPhiLePhi: 1 fee, 2 charge).
 */
public enum FeeKind {
  /** A fee (phí): pays for a service. National code 1. */
  FEE(1, "Phí"),
  /** A charge (lệ phí): collected for a state administrative act. National code 2. */
  CHARGE(2, "Lệ phí");

  private final int nationalCode;
  private final String vietnameseName;

  FeeKind(int nationalCode, String vietnameseName) {
    this.nationalCode = nationalCode;
    this.vietnameseName = vietnameseName;
  }

  /**
   * Returns the national code.
   *
   * @return 1 for a fee, 2 for a charge
   */
  public int nationalCode() {
    return nationalCode;
  }

  /**
   * Returns the Vietnamese name printed on receipts.
   *
   * @return {@code Phí} or {@code Lệ phí}
   */
  public String vietnameseName() {
    return vietnameseName;
  }

  /**
   * Returns the kind with a national code.
   *
   * @param code 1 or 2
   * @return the kind
   * @throws InvalidInputException with code {@code receipt.item.kind.unknown}
   */
  public static FeeKind fromNationalCode(int code) {
    return Arrays.stream(values())
        .filter(k -> k.nationalCode == code)
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "receipt.item.kind.unknown", "A fee kind is 1 (fee) or 2 (charge)."));
  }
}
