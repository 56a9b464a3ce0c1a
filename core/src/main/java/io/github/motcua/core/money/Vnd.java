package io.github.motcua.core.money;

import io.github.motcua.core.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An amount of Vietnamese đồng (VND). The đồng has no subunit in use, so an amount is a whole
 * number held in a {@code long}; arithmetic that would overflow throws {@link
 * InvalidInputException} with code {@code vnd.overflow} instead of wrapping around.
 *
 * <p>Negative amounts are allowed (a refund, a difference); fee amounts are checked by the types
 * that hold them.
 *
 * @param amount the amount in đồng
 */
public record Vnd(long amount) implements Comparable<Vnd> {

  /** Digits, or digits grouped by three with one kind of separator. */
  private static final Pattern GROUPED =
      Pattern.compile(
          "\\d+|\\d{1,3}(?:\\.\\d{3})+|\\d{1,3}(?:,\\d{3})+|\\d{1,3}(?:[ \\u00a0]\\d{3})+");

  /** Zero đồng. */
  public static final Vnd ZERO = new Vnd(0);

  /**
   * Returns an amount.
   *
   * @param amount the amount in đồng
   * @return the amount
   */
  public static Vnd of(long amount) {
    return amount == 0 ? ZERO : new Vnd(amount);
  }

  /**
   * Reads an amount written in figures, with or without grouping and a unit: {@code 1284000},
   * {@code 1.284.000}, {@code 1 284 000 đ}, {@code 1,284,000 VND}, {@code -5.000 đồng}. Grouping
   * must be by three digits with one kind of separator, so {@code 1.5} is refused rather than read
   * as fifteen.
   *
   * @param text the amount in figures
   * @return the amount
   * @throws InvalidInputException with code {@code vnd.format} when the text is not an amount, or
   *     {@code vnd.overflow} when it does not fit a {@code long}
   */
  public static Vnd parse(String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException("vnd.format", "An amount is required.");
    }
    String s = text.strip();
    String lower = s.toLowerCase(Locale.ROOT);
    for (String unit : new String[] {"đồng", "vnđ", "vnd", "đ"}) {
      if (lower.endsWith(unit)) {
        s = s.substring(0, s.length() - unit.length()).strip();
        break;
      }
    }
    boolean negative = s.startsWith("-");
    if (negative) {
      s = s.substring(1).strip();
    }
    if (!GROUPED.matcher(s).matches()) {
      throw new InvalidInputException(
          "vnd.format",
          "An amount is written with digits, optionally grouped by three with one kind of"
              + " separator (dots, commas or spaces), and an optional unit.");
    }
    String digits = s.replaceAll("[^0-9]", "");
    try {
      long value = Long.parseLong((negative ? "-" : "") + digits);
      return of(value);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("vnd.overflow", "The amount is too large.");
    }
  }

  /**
   * Adds an amount.
   *
   * @param other the amount to add
   * @return the sum
   * @throws InvalidInputException with code {@code vnd.overflow}
   */
  public Vnd plus(Vnd other) {
    try {
      return of(Math.addExact(amount, other.amount));
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  /**
   * Subtracts an amount.
   *
   * @param other the amount to subtract
   * @return the difference
   * @throws InvalidInputException with code {@code vnd.overflow}
   */
  public Vnd minus(Vnd other) {
    try {
      return of(Math.subtractExact(amount, other.amount));
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  /**
   * Multiplies by a whole factor, such as a number of copies.
   *
   * @param factor the factor
   * @return the product
   * @throws InvalidInputException with code {@code vnd.overflow}
   */
  public Vnd times(int factor) {
    try {
      return of(Math.multiplyExact(amount, factor));
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  /**
   * Tells whether the amount is below zero.
   *
   * @return true for a negative amount
   */
  public boolean isNegative() {
    return amount < 0;
  }

  /**
   * Formats the amount as Vietnamese invoices do: dots between groups of three digits and the
   * symbol {@code đ} after a space.
   *
   * @return for example {@code 1.284.000 đ}
   */
  public String format() {
    String digits = Long.toString(amount);
    boolean negative = digits.startsWith("-");
    if (negative) {
      digits = digits.substring(1);
    }
    StringBuilder out = new StringBuilder(digits.length() + 8);
    if (negative) {
      out.append('-');
    }
    for (int i = 0; i < digits.length(); i++) {
      if (i > 0 && (digits.length() - i) % 3 == 0) {
        out.append('.');
      }
      out.append(digits.charAt(i));
    }
    return out.append(" đ").toString();
  }

  /**
   * Returns the amount in words, capitalised, with the unit, as written on receipts.
   *
   * @return for example {@code Một triệu hai trăm tám mươi bốn nghìn đồng}
   * @see VietnameseNumberWords#spell(long)
   */
  public String inWords() {
    String words = VietnameseNumberWords.spell(amount);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + " đồng";
  }

  @Override
  public int compareTo(Vnd other) {
    return Long.compare(amount, other.amount);
  }

  /** Returns {@link #format()}. */
  @Override
  public String toString() {
    return format();
  }

  private static InvalidInputException overflow() {
    return new InvalidInputException(
        "vnd.overflow", "The result does not fit an amount of đồng (a 64-bit whole number).");
  }
}
