package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.privacy.Masking;
import java.util.Optional;

/**
 * How to reach an applicant: phone, e-mail and postal address, each optional. Personal data: {@link
 * #toString()} shows only which parts are present.
 *
 * <p>Immutable and thread-safe.
 *
 * @param phone the phone number as given (SoDienThoai), at most 500 characters; not null
 * @param email the e-mail address as given, at most 500 characters; not null
 * @param address the postal address, at most 500 characters; not null
 */
public record Contact(Optional<String> phone, Optional<String> email, Optional<String> address) {

  private static final Contact NONE =
      new Contact(Optional.empty(), Optional.empty(), Optional.empty());

  /**
   * Validates the contact.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public Contact {
    Checks c = new Checks("Contact");
    c.optionalText("phone", phone, Checks.SHORT_TEXT);
    c.optionalText("email", email, Checks.SHORT_TEXT);
    c.optionalText("address", address, Checks.SHORT_TEXT);
    c.throwIfAny();
  }

  /**
   * Returns a contact with nothing in it.
   *
   * @return the empty contact
   */
  public static Contact none() {
    return NONE;
  }

  /** Returns which parts are present, never their values. */
  @Override
  public String toString() {
    return "Contact[phone="
        + Masking.presence(phone)
        + ", email="
        + Masking.presence(email)
        + ", address="
        + Masking.presence(address)
        + "]";
  }
}
