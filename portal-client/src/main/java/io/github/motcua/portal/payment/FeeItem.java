package io.github.motcua.portal.payment;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.money.Vnd;

/**
 * One fee or charge (phí, lệ phí) in a payment order, as printed on the receipt.
 *
 * @param code the fee's code in the procedure catalogue ({@code MaPhiLePhi}); not blank
 * @param name the fee's name ({@code TenPhiLePhi}); not blank
 * @param amount the amount; positive
 */
public record FeeItem(String code, String name, Vnd amount) {

  /**
   * Validates the item.
   *
   * @throws InvalidInputException with code {@code payment.fee-item} when a field is missing or the
   *     amount is not positive
   */
  public FeeItem {
    if (code == null || code.isBlank() || name == null || name.isBlank() || amount == null) {
      throw new InvalidInputException(
          "payment.fee-item", "A fee item needs a code, a name and an amount.");
    }
    if (amount.amount() <= 0) {
      throw new InvalidInputException("payment.fee-item", "A fee item's amount must be positive.");
    }
  }

  /**
   * Creates an item.
   *
   * @param code the fee code
   * @param name the fee name
   * @param dong the amount in đồng
   * @return the item
   */
  public static FeeItem of(String code, String name, long dong) {
    return new FeeItem(code, name, Vnd.of(dong));
  }
}
