package io.github.motcua.portal.payment;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import java.util.Optional;

/**
 * Who pays (người nộp tiền): printed on the electronic receipt.
 *
 * <p>Personal data: {@link #toString()} shows only initials and the masked identifiers.
 *
 * @param name the payer's full name or organisation name; not blank
 * @param personalId the payer's personal ID, or null
 * @param taxCode the payer's tax code, or null
 * @param address the payer's address, or null
 */
public record Payer(String name, PersonalId personalId, TaxCode taxCode, String address) {

  /**
   * Validates the payer.
   *
   * @throws InvalidInputException with code {@code payment.payer} when the name is missing
   */
  public Payer {
    if (name == null || name.isBlank()) {
      throw new InvalidInputException("payment.payer", "A payer needs a name.");
    }
    name = name.strip();
  }

  /**
   * Creates a payer with a name only.
   *
   * @param name the name
   * @return the payer
   */
  public static Payer named(String name) {
    return new Payer(name, null, null, null);
  }

  /**
   * Returns the personal ID.
   *
   * @return the ID, when known
   */
  public Optional<PersonalId> optionalPersonalId() {
    return Optional.ofNullable(personalId);
  }

  /**
   * Returns the tax code.
   *
   * @return the tax code, when known
   */
  public Optional<TaxCode> optionalTaxCode() {
    return Optional.ofNullable(taxCode);
  }

  /** Returns initials and masked identifiers only. */
  @Override
  public String toString() {
    StringBuilder initials = new StringBuilder();
    for (String part : name.split("\\s+")) {
      if (!part.isEmpty()) {
        initials.append(part.charAt(0)).append('.');
      }
    }
    return "Payer["
        + initials
        + (personalId == null ? "" : ", " + personalId)
        + (taxCode == null ? "" : ", " + taxCode)
        + "]";
  }
}
