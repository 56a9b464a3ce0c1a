package io.github.motcua.signing.receipt;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.signing.receipt.internal.Fields;

/**
 * The unit that collects the fee and issues the receipt (đơn vị thu phí, lệ phí), such as a
 * commune's public administrative service centre.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the unit's name as printed, 1 to 400 characters; not null
 * @param taxCode the unit's tax code; not null
 * @param agencyCode the unit's electronic agency identifier; not null
 * @param address the unit's address, 1 to 400 characters; not null
 */
public record CollectingUnit(String name, TaxCode taxCode, AgencyCode agencyCode, String address) {

  /**
   * Creates a collecting unit.
   *
   * @throws InvalidInputException with code {@code receipt.unit.name.*}, {@code
   *     receipt.unit.tax-code.required}, {@code receipt.unit.agency-code.required} or {@code
   *     receipt.unit.address.*}
   */
  public CollectingUnit {
    name = Fields.text(name, "unit.name", 400);
    if (taxCode == null) {
      throw new InvalidInputException(
          "receipt.unit.tax-code.required", "The collecting unit's tax code is required.");
    }
    if (agencyCode == null) {
      throw new InvalidInputException(
          "receipt.unit.agency-code.required", "The collecting unit's agency code is required.");
    }
    address = Fields.text(address, "unit.address", 400);
  }
}
