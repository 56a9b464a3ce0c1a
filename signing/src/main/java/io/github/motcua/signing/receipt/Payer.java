package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.signing.receipt.internal.Fields;
import java.util.Objects;
import java.util.Optional;

/**
 * The person or organisation who paid (người nộp): a name, at most one identifier (a personal
 * identification number or a tax code) and an optional address.
 *
 * <p>A payer's name, personal ID and address are personal data: {@link #toString()} masks the name
 * and the identifier and leaves the address out.
 *
 * <p>Immutable and thread-safe; equality is on every field.
 */
public final class Payer {

  private final String name;
  private final PersonalId personalId;
  private final TaxCode taxCode;
  private final String address;

  private Payer(String name, PersonalId personalId, TaxCode taxCode, String address) {
    this.name = Fields.text(name, "payer.name", 200);
    this.personalId = personalId;
    this.taxCode = taxCode;
    this.address = Fields.optionalText(address, "payer.address", 400);
  }

  /**
   * A citizen identified by the personal identification number.
   *
   * @param name the full name, 1 to 200 characters; not null
   * @param personalId the personal ID; not null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException with code {@code receipt.payer.name.*}, {@code
   *     receipt.payer.personal-id.required} or {@code receipt.payer.address.*}
   */
  public static Payer person(String name, PersonalId personalId, String address) {
    if (personalId == null) {
      throw new InvalidInputException(
          "receipt.payer.personal-id.required", "The payer's personal ID is required.");
    }
    return new Payer(name, personalId, null, address);
  }

  /**
   * An enterprise, organisation or household business identified by its tax code.
   *
   * @param name the name, 1 to 200 characters; not null
   * @param taxCode the tax code; not null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException with code {@code receipt.payer.name.*}, {@code
   *     receipt.payer.tax-code.required} or {@code receipt.payer.address.*}
   */
  public static Payer organisation(String name, TaxCode taxCode, String address) {
    if (taxCode == null) {
      throw new InvalidInputException(
          "receipt.payer.tax-code.required", "The payer's tax code is required.");
    }
    return new Payer(name, null, taxCode, address);
  }

  /**
   * A payer known only by name, such as a visitor paying cash at the counter without an ID.
   *
   * @param name the name, 1 to 200 characters; not null
   * @param address the address, or null
   * @return the payer
   * @throws InvalidInputException with code {@code receipt.payer.name.*} or {@code
   *     receipt.payer.address.*}
   */
  public static Payer named(String name, String address) {
    return new Payer(name, null, null, address);
  }

  /**
   * Returns the payer's name. Personal data for a person.
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
   * Returns the payer's address. Personal data for a person.
   *
   * @return the address, or empty
   */
  public Optional<String> address() {
    return Optional.ofNullable(address);
  }

  /** Returns a form safe for logs: masked name and identifier, no address. */
  @Override
  public String toString() {
    String id =
        personalId != null ? personalId.masked() : taxCode != null ? taxCode.masked() : "none";
    return "Payer[name=" + Fields.maskName(name) + ", id=" + id + "]";
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
}
