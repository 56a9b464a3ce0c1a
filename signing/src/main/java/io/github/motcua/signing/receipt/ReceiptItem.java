package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.signing.receipt.internal.Fields;

/**
 * One line of a receipt: a fee or charge (khoản thu), its code in the procedure's fee list, its
 * name and the amount collected.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind fee or charge; not null
 * @param code the fee's code (MaPhiLePhi), 1 to 50 characters; not null
 * @param name the fee's name as printed, 1 to 500 characters; not null
 * @param amount the amount collected, more than zero đồng; not null
 */
public record ReceiptItem(FeeKind kind, String code, String name, Vnd amount) {

  /**
   * Creates an item.
   *
   * @throws InvalidInputException with code {@code receipt.item.kind.required}, {@code
   *     receipt.item.code.*}, {@code receipt.item.name.*}, {@code receipt.item.amount.required} or
   *     {@code receipt.item.amount.positive}
   */
  public ReceiptItem {
    if (kind == null) {
      throw new InvalidInputException(
          "receipt.item.kind.required", "An item is a fee or a charge.");
    }
    code = Fields.text(code, "item.code", 50);
    name = Fields.text(name, "item.name", 500);
    if (amount == null) {
      throw new InvalidInputException("receipt.item.amount.required", "An item has an amount.");
    }
    if (amount.amount() <= 0) {
      throw new InvalidInputException(
          "receipt.item.amount.positive", "An item's amount is more than zero đồng.");
    }
  }

  /**
   * Creates a fee (phí) item.
   *
   * @param code the fee's code
   * @param name the fee's name
   * @param amount the amount
   * @return the item
   */
  public static ReceiptItem fee(String code, String name, Vnd amount) {
    return new ReceiptItem(FeeKind.FEE, code, name, amount);
  }

  /**
   * Creates a charge (lệ phí) item.
   *
   * @param code the charge's code
   * @param name the charge's name
   * @param amount the amount
   * @return the item
   */
  public static ReceiptItem charge(String code, String name, Vnd amount) {
    return new ReceiptItem(FeeKind.CHARGE, code, name, amount);
  }
}
