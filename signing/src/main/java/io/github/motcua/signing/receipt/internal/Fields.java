package io.github.motcua.signing.receipt.internal;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.core.dossier.Violation;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.time.ZoneId;

/** Checks shared by the receipt value types. Not part of the public API. */
public final class Fields {

  /** Vietnam time (UTC+7), in which receipts are dated and series years counted. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private Fields() {}

  /**
   * Checks a required free-text field: strips it, refuses blank text, text longer than {@code max}
   * code points and control characters (which XML 1.0 cannot carry and which have no place on a
   * printed receipt).
   *
   * @param value the value, may be null
   * @param field the field name used in the error code
   * @param max the largest length in code points
   * @return the stripped value
   * @throws InvalidInputException with code {@code receipt.<field>.required}, {@code .length} or
   *     {@code .characters}
   */
  public static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "receipt." + field + "." + "required", "The " + field + " is required.");
    }
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) > max) {
      throw new InvalidInputException(
          "receipt." + field + "." + "length",
          "The " + field + " is longer than " + max + " characters.");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
        throw new InvalidInputException(
            "receipt." + field + "." + "characters",
            "The " + field + " contains a control character.");
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < stripped.length()
              && Character.isLowSurrogate(stripped.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(stripped.charAt(i - 1)))) {
        throw new InvalidInputException(
            "receipt." + field + "." + "characters",
            "The " + field + " contains an unpaired surrogate.");
      }
    }
    return stripped;
  }

  /**
   * Like {@link #text(String, String, int)} for an optional field: null or blank gives null.
   *
   * @param value the value, may be null
   * @param field the field name used in the error code
   * @param max the largest length in code points
   * @return the stripped value, or null
   */
  public static String optionalText(String value, String field, int max) {
    return value == null || value.isBlank() ? null : text(value, field, max);
  }

  /** The longest fee code on a receipt (MaPhiLePhi), in code points. */
  public static final int MAX_ITEM_CODE = 50;

  /** The longest fee name on a receipt, in code points. */
  public static final int MAX_ITEM_NAME = 500;

  /**
   * Checks the rules a receipt adds to a fee line: a code of at most {@value #MAX_ITEM_CODE}
   * characters, printable text, and an amount of more than zero đồng.
   *
   * @param item the fee line; not null
   * @return the same line
   * @throws InvalidInputException with code {@code receipt.item.code.*}, {@code
   *     receipt.item.name.*} or {@code receipt.item.amount.positive}
   */
  public static Fee item(Fee item) {
    text(item.code(), "item.code", MAX_ITEM_CODE);
    text(item.name(), "item.name", MAX_ITEM_NAME);
    if (item.amount().amount() <= 0) {
      throw new InvalidInputException(
          "receipt.item.amount.positive", "An item's amount is more than zero đồng.");
    }
    return item;
  }

  /**
   * Reads a fee line from a receipt's fields, with the receipt's error codes.
   *
   * @param kind the kind; not null
   * @param code the code
   * @param name the name
   * @param amount the amount; not null
   * @param stage the collection stage; not null
   * @return the fee line
   * @throws InvalidInputException with code {@code receipt.item.*}
   */
  public static Fee item(
      Fee.Kind kind, String code, String name, Vnd amount, Fee.CollectionStage stage) {
    String c = text(code, "item.code", MAX_ITEM_CODE);
    String n = text(name, "item.name", MAX_ITEM_NAME);
    Fee fee;
    try {
      fee = new Fee(kind, c, n, amount, stage);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "receipt.item.invalid", "An item is not a valid fee line.", e);
    }
    return item(fee);
  }

  /**
   * Checks the rule a receipt adds to a payer: at most one identifier (a personal ID or a tax code,
   * as the receipt prints one).
   *
   * @param payer the payer; not null
   * @return the same payer
   * @throws InvalidInputException with code {@code receipt.payer.identifier.one}
   */
  public static Payer payer(Payer payer) {
    if (payer.personalId().isPresent() && payer.taxCode().isPresent()) {
      throw new InvalidInputException(
          "receipt.payer.identifier.one",
          "A receipt's payer has a personal ID or a tax code, not both.");
    }
    return payer;
  }

  /**
   * Builds a payer from a receipt's fields, with the receipt's error codes.
   *
   * @param name the name
   * @param personalId the personal ID, or null
   * @param taxCode the tax code, or null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException with code {@code receipt.payer.name.*}, {@code
   *     receipt.payer.address.*} or {@code receipt.payer.identifier.one}
   */
  public static Payer payer(String name, PersonalId personalId, TaxCode taxCode, String address) {
    Payer payer;
    try {
      payer = Payer.of(name, personalId, taxCode, address);
    } catch (InvalidInputException e) {
      if (e.violations().isEmpty()) {
        throw e;
      }
      Violation v = e.violations().get(0);
      String rule =
          switch (v.code()) {
            case "blank" -> "required";
            case "too-long" -> "length";
            default -> v.code();
          };
      throw new InvalidInputException(
          "receipt.payer." + v.path() + "." + rule, "The payer's " + v.path() + " " + v.message());
    }
    return payer(payer);
  }
}
