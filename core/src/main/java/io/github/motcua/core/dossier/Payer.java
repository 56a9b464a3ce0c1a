package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.privacy.Masking;
import java.util.Objects;
import java.util.Optional;

/**
 * Who pays a dossier's fees (người nộp): a name, a personal identification number and/or a tax
 * code, and an optional address. The one payer of motcua, used by the payment order ({@code
 * PaymentRequest}) and the e-receipt ({@code ReceiptRequest}); {@link #of(Applicant)} takes it from
 * a dossier's owner.
 *
 * <p>Rules, checked at construction (the union of what the receipt and the payment platform need):
 * the name is required, 1 to {@value #MAX_NAME} characters (code points) after stripping, without
 * control characters; the address, when given, is 1 to {@value #MAX_ADDRESS} characters without
 * control characters (a blank address is no address). Where one consumer is stricter (a receipt
 * names at most one identifier) the rule lives in that consumer, with its own error code.
 *
 * <p>Personal data: {@link #toString()} masks the name and the identifiers and leaves the address
 * out. Immutable and thread-safe; equality is on every field.
 */
public final class Payer {

  /** The longest name, in code points. */
  public static final int MAX_NAME = 200;

  /** The longest address, in code points. */
  public static final int MAX_ADDRESS = 400;

  private final String name;
  private final PersonalId personalId;
  private final TaxCode taxCode;
  private final String address;

  private Payer(String name, PersonalId personalId, TaxCode taxCode, String address) {
    Checks c = new Checks("Payer");
    this.name = cleanText(c, "name", name, MAX_NAME);
    this.address =
        address == null || address.isBlank() ? null : cleanText(c, "address", address, MAX_ADDRESS);
    c.throwIfAny();
    this.personalId = personalId;
    this.taxCode = taxCode;
  }

  /**
   * Returns a payer with any combination of identifiers.
   *
   * @param name the full name or the organisation's name; not null
   * @param personalId the personal ID, or null
   * @param taxCode the tax code, or null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException listing every broken rule (paths {@code name}, {@code address};
   *     codes {@code required}, {@code blank}, {@code too-long}, {@code characters})
   */
  public static Payer of(String name, PersonalId personalId, TaxCode taxCode, String address) {
    return new Payer(name, personalId, taxCode, address);
  }

  /**
   * A citizen identified by the personal identification number.
   *
   * @param name the full name; not null
   * @param personalId the personal ID; not null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException listing every broken rule ({@code personalId} / {@code required}
   *     when the ID is missing)
   */
  public static Payer person(String name, PersonalId personalId, String address) {
    if (personalId == null) {
      throw new Checks("Payer").add("personalId", "required", "is required.").exception();
    }
    return new Payer(name, personalId, null, address);
  }

  /**
   * An enterprise, organisation or household business identified by its tax code.
   *
   * @param name the name; not null
   * @param taxCode the tax code; not null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException listing every broken rule ({@code taxCode} / {@code required}
   *     when the tax code is missing)
   */
  public static Payer organisation(String name, TaxCode taxCode, String address) {
    if (taxCode == null) {
      throw new Checks("Payer").add("taxCode", "required", "is required.").exception();
    }
    return new Payer(name, null, taxCode, address);
  }

  /**
   * A payer known only by name, such as a visitor paying cash at the counter without an ID.
   *
   * @param name the name; not null
   * @return the payer
   * @throws InvalidInputException listing every broken rule
   */
  public static Payer named(String name) {
    return new Payer(name, null, null, null);
  }

  /**
   * A payer known by name and address.
   *
   * @param name the name; not null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException listing every broken rule
   */
  public static Payer named(String name, String address) {
    return new Payer(name, null, null, address);
  }

  /**
   * The owner of a dossier as its payer: the name, the personal ID and the tax code the applicant
   * has, and the address of its contact details.
   *
   * @param applicant the applicant; not null
   * @return the payer
   * @throws InvalidInputException when the applicant's name or address breaks a payer's rule
   *     (longer than {@value #MAX_NAME} or {@value #MAX_ADDRESS} characters)
   */
  public static Payer of(Applicant applicant) {
    Objects.requireNonNull(applicant, "applicant");
    return new Payer(
        applicant.name(),
        applicant.personalId().orElse(null),
        applicant.taxCode().orElse(null),
        applicant.contact().address().orElse(null));
  }

  /**
   * Returns the payer's name, stripped. Personal data for a person.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the payer's personal ID.
   *
   * @return the personal ID, or empty
   */
  public Optional<PersonalId> personalId() {
    return Optional.ofNullable(personalId);
  }

  /**
   * Returns the payer's tax code.
   *
   * @return the tax code, or empty
   */
  public Optional<TaxCode> taxCode() {
    return Optional.ofNullable(taxCode);
  }

  /**
   * Returns the payer's address, stripped. Personal data for a person.
   *
   * @return the address, or empty
   */
  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /** Returns a form safe for logs: masked name and identifiers, no address. */
  @Override
  public String toString() {
    return "Payer[name="
        + Masking.fullName(name)
        + ", personalId="
        + (personalId == null ? "-" : personalId.masked())
        + ", taxCode="
        + (taxCode == null ? "-" : taxCode.masked())
        + ", address="
        + Masking.presence(address())
        + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Payer other
        && name.equals(other.name)
        && Objects.equals(personalId, other.personalId)
        && Objects.equals(taxCode, other.taxCode)
        && Objects.equals(address, other.address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, personalId, taxCode, address);
  }

  private static String cleanText(Checks c, String path, String value, int max) {
    if (!c.required(path, value)) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.isEmpty()) {
      c.add(path, "blank", "must not be blank.");
    } else if (stripped.codePointCount(0, stripped.length()) > max) {
      c.add(path, "too-long", "is longer than " + max + " characters.");
    } else if (!printable(stripped)) {
      c.add(path, "characters", "contains a control character or an unpaired surrogate.");
    }
    return stripped;
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (Character.isISOControl(ch) || ch == '\uFFFE' || ch == '\uFFFF') {
        return false;
      }
      if (Character.isHighSurrogate(ch)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(ch)) {
        return false;
      }
    }
    return true;
  }
}
