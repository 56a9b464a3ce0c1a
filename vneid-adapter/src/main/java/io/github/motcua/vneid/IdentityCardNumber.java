package io.github.motcua.vneid;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.privacy.Masking;

/**
 * The number of a citizen's identity card (chứng minh nhân dân, CMND), as the national single
 * sign-on sends it in {@code SoCMND}: an identity document of its own kind, distinct from the
 * 12-digit personal identification number ({@code SoDinhDanh}).
 *
 * <p>Identity cards carried 9 digits, the last series 12; the citizen identity card replaced them
 * from 2016, and the Law on Identification 2023 (Luật Căn cước, 26/2023/QH15, Article 46) ended
 * their validity on 31 December 2024. Accounts opened with one still log in with it, and some carry
 * no {@code SoDinhDanh} at all (docs/domain.md §5), so a login keeps the number for matching the
 * citizen's records; it is never a {@code PersonalId}.
 *
 * <p>Personal data: {@link #toString()} masks it. Immutable and thread-safe.
 */
public final class IdentityCardNumber {

  private static final String KIND = "identity-card-number";

  private final String value;

  private IdentityCardNumber(String value) {
    this.value = value;
  }

  /**
   * Parses an identity card number: 9 or 12 ASCII digits, surrounding whitespace ignored.
   *
   * @param text the number
   * @return the number
   * @throws InvalidInputException {@code identity-card-number.length} or {@code
   *     identity-card-number.digits} (the message does not repeat the number)
   */
  public static IdentityCardNumber parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.length() != 9 && t.length() != 12) {
      throw new InvalidInputException(
          KIND + "." + "length", "An identity card number has 9 or 12 digits.");
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        throw new InvalidInputException(
            KIND + "." + "digits", "An identity card number has only digits.");
      }
    }
    return new IdentityCardNumber(t);
  }

  /**
   * Returns the digits.
   *
   * @return the number
   */
  public String value() {
    return value;
  }

  /**
   * Returns the number with all but the last three digits masked.
   *
   * @return the masked number
   */
  public String masked() {
    return Masking.identifier(value, 0, 3);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IdentityCardNumber other && other.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Returns the {@link #masked()} form. */
  @Override
  public String toString() {
    return masked();
  }
}
