package io.github.motcua.core.id;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.internal.Text;
import io.github.motcua.core.privacy.Masking;
import java.util.Objects;
import java.util.Optional;

/**
 * A tax code (mã số thuế, MST).
 *
 * <ul>
 *   <li>{@link Kind#ENTERPRISE}: 10 digits. Digits 1-2 are the province, digits 3-9 a sequence that
 *       is not all zero, digit 10 a check digit: {@code 10 - (Σ dᵢ·wᵢ mod 11)} with weights 31, 29,
 *       23, 19, 17, 13, 7, 5, 3; a result of 10 means no valid number has these nine digits.
 *   <li>{@link Kind#BRANCH}: the 10 digits of the parent enterprise and a 3-digit branch number
 *       other than {@code 000}, written {@code 0314409058-002}. Parsing accepts it with or without
 *       the dash, and with spaces.
 *   <li>{@link Kind#PERSONAL}: since 1 July 2025 individuals and household businesses use their
 *       12-digit {@link PersonalId} as tax code. Such a tax code is personal data: {@link
 *       #toString()} masks it.
 * </ul>
 *
 * <p>Immutable and thread-safe; equality is on the normalised {@link #value()}.
 */
public final class TaxCode {

  /** The kind of taxpayer a tax code identifies. */
  public enum Kind {
    /** A 10-digit code of an enterprise, organisation or (before July 2025) individual. */
    ENTERPRISE,
    /** A 13-digit code of a dependent unit (branch, representative office). */
    BRANCH,
    /** A 12-digit personal identification number used as an individual's tax code. */
    PERSONAL
  }

  private static final String KIND = "tax-code";
  private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

  private final String value;
  private final Kind kind;

  private TaxCode(String value, Kind kind) {
    this.value = value;
    this.kind = kind;
  }

  /**
   * Parses a tax code.
   *
   * @param text 10, 12 or 13 digits; whitespace is ignored and a 13-digit code may have a dash
   *     before its branch number
   * @return the tax code
   * @throws InvalidInputException when the text breaks a rule: {@code tax-code.empty}, {@code
   *     tax-code.characters}, {@code tax-code.length}, {@code tax-code.sequence}, {@code
   *     tax-code.check-digit}, {@code tax-code.branch}, or a {@code personal-id.*} rule for 12
   *     digits
   */
  public static TaxCode parse(String text) {
    if (text == null || Text.stripAllWhitespace(text).isEmpty()) {
      throw new InvalidInputException(KIND + "." + "empty", "A tax code is required.");
    }
    String compact = Text.stripAllWhitespace(text);
    int dash = compact.indexOf('-');
    String digits;
    if (dash >= 0) {
      if (dash != 10 || compact.indexOf('-', dash + 1) >= 0) {
        throw new InvalidInputException(
            KIND + "." + "format",
            "A dash in a tax code may only separate the 10-digit enterprise code from the 3-digit"
                + " branch number.");
      }
      digits = compact.substring(0, dash) + compact.substring(dash + 1);
      if (digits.length() != 13) {
        throw new InvalidInputException(
            KIND + "." + "length", "A branch tax code has 10 digits, a dash and 3 digits.");
      }
    } else {
      digits = compact;
    }
    if (!Text.isAsciiDigits(digits)) {
      throw new InvalidInputException(
          KIND + "." + "characters",
          "A tax code consists of digits (and one dash before a branch).");
    }
    switch (digits.length()) {
      case 10:
        checkEnterprise(digits);
        return new TaxCode(digits, Kind.ENTERPRISE);
      case 12:
        return new TaxCode(PersonalId.parse(digits).value(), Kind.PERSONAL);
      case 13:
        checkEnterprise(digits.substring(0, 10));
        if (digits.endsWith("000")) {
          throw new InvalidInputException(
              KIND + "." + "branch", "The branch number of a tax code must not be 000.");
        }
        return new TaxCode(digits.substring(0, 10) + "-" + digits.substring(10), Kind.BRANCH);
      default:
        throw new InvalidInputException(
            KIND + "." + "length",
            "A tax code has 10, 12 or 13 digits; this one has " + digits.length() + ".");
    }
  }

  /**
   * Tells whether the text is a valid tax code (see {@link #parse(String)}).
   *
   * @param text the text, may be null
   * @return true when {@link #parse(String)} would succeed
   */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /**
   * Computes the check digit of the first nine digits of an enterprise tax code.
   *
   * @param nineDigits the first nine digits
   * @return the check digit 0-9, or -1 when no check digit makes these nine digits valid
   */
  public static int checkDigit(String nineDigits) {
    Objects.requireNonNull(nineDigits, "nineDigits");
    if (nineDigits.length() != 9 || !Text.isAsciiDigits(nineDigits)) {
      throw new InvalidInputException(
          KIND + "." + "length", "A check digit is computed from exactly nine digits.");
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (nineDigits.charAt(i) - '0') * WEIGHTS[i];
    }
    int check = 10 - sum % 11;
    return check >= 10 ? -1 : check;
  }

  private static void checkEnterprise(String tenDigits) {
    if (tenDigits.substring(2, 9).chars().allMatch(c -> c == '0')) {
      throw new InvalidInputException(
          KIND + "." + "sequence", "Digits 3 to 9 of a tax code must not all be zero.");
    }
    int expected = checkDigit(tenDigits.substring(0, 9));
    if (expected < 0 || expected != tenDigits.charAt(9) - '0') {
      throw new InvalidInputException(
          KIND + "." + "check-digit",
          "The check digit (the tenth digit) of the tax code is wrong.");
    }
  }

  /**
   * Returns the normalised tax code: 10 digits, 12 digits, or 10 digits, a dash and 3 digits.
   * Personal data for {@link Kind#PERSONAL}.
   *
   * @return the normalised value
   */
  public String value() {
    return value;
  }

  /**
   * Returns what kind of taxpayer this code identifies.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns the enterprise a branch belongs to.
   *
   * @return the 10-digit parent tax code for a {@link Kind#BRANCH}, empty otherwise
   */
  public Optional<TaxCode> parent() {
    return kind == Kind.BRANCH
        ? Optional.of(new TaxCode(value.substring(0, 10), Kind.ENTERPRISE))
        : Optional.empty();
  }

  /**
   * Returns the personal ID this tax code is made of.
   *
   * @return the personal ID for a {@link Kind#PERSONAL} code, empty otherwise
   */
  public Optional<PersonalId> personalId() {
    return kind == Kind.PERSONAL ? Optional.of(PersonalId.parse(value)) : Optional.empty();
  }

  /**
   * Returns the value, or for a personal tax code the masked value.
   *
   * @return a form of the tax code that is safe to log
   */
  public String masked() {
    return kind == Kind.PERSONAL ? Masking.taxCode(value) : value;
  }

  /** Returns {@link #masked()}: a personal tax code never reaches a log whole. */
  @Override
  public String toString() {
    return masked();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TaxCode other && value.equals(other.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
