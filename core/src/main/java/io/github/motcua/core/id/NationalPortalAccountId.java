package io.github.motcua.core.id;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.privacy.Masking;

/**
 * A citizen's or organisation's account id on the National Public Service Portal (the single
 * sign-on's {@code TechID} claim).
 *
 * <p>The national portal's dossier record carries it as {@code MaDoiTuong}: that is what makes a
 * dossier appear in the applicant's own account on the portal. It arrives from a VNeID / national
 * single sign-on login, or from the portal's {@code TraCuuTechID} look-up; a counter applicant
 * without a portal account has none. See {@code docs/domain.md}, "National portal account id".
 *
 * <p>No public text fixes its format, so the rule is deliberately loose: 1 to 100 visible ASCII
 * characters, no whitespace. It links a person to their account, so it is treated as personal data:
 * {@link #toString()} masks it and exceptions never contain it.
 *
 * <p>Immutable and thread-safe; equality is on the value.
 */
public final class NationalPortalAccountId {

  private static final String KIND = "national-portal-account-id";

  /** The longest value accepted. */
  public static final int MAX_LENGTH = 100;

  private final String value;

  private NationalPortalAccountId(String value) {
    this.value = value;
  }

  /**
   * Parses an account id.
   *
   * @param text the id as the portal sends it; leading and trailing whitespace is removed
   * @return the account id
   * @throws InvalidInputException {@code national-portal-account-id.empty}, {@code
   *     national-portal-account-id.length} or {@code national-portal-account-id.characters}
   */
  public static NationalPortalAccountId parse(String text) {
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw new InvalidInputException(
          KIND + "." + "empty", "A national-portal account id (TechID) must not be empty.");
    }
    if (trimmed.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          KIND + "." + "length",
          "A national-portal account id (TechID) has at most " + MAX_LENGTH + " characters.");
    }
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new InvalidInputException(
            KIND + "." + "characters",
            "A national-portal account id (TechID) consists of visible ASCII characters.");
      }
    }
    return new NationalPortalAccountId(trimmed);
  }

  /**
   * Returns the whole id, as the portal expects it in {@code MaDoiTuong}.
   *
   * @return the id
   */
  public String value() {
    return value;
  }

  /**
   * Returns the masked form, safe for logs: the first two and last two characters.
   *
   * @return the masked id
   */
  public String masked() {
    return Masking.identifier(value, 2, 2);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NationalPortalAccountId other && other.value.equals(value);
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
