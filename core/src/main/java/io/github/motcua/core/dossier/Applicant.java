package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.privacy.Masking;
import java.util.Optional;

/**
 * The owner of a dossier (chủ hồ sơ): a citizen, an enterprise, a state agency or another
 * organisation.
 *
 * <p>Rules: a {@link Kind#CITIZEN} has a personal ID; an {@link Kind#ENTERPRISE} has a tax code;
 * the other kinds may have either. The name is required.
 *
 * <p>Personal data: {@link #toString()} masks the name and the personal ID and hides the contact.
 * Immutable and thread-safe.
 *
 * @param kind the kind of applicant (LoaiDoiTuong); not null
 * @param name the full name or the organisation's name (ChuHoSo), at most 500 characters; not null
 * @param personalId the 12-digit personal identification number; not null, may be empty
 * @param taxCode the tax code; not null, may be empty
 * @param contact how to reach the applicant; not null ({@link Contact#none()} for nothing)
 * @param nationalPortalAccountId the applicant's account on the National Public Service Portal (the
 *     single sign-on's {@code TechID}, sent as {@code MaDoiTuong}; docs/domain.md §2): from a VNeID
 *     login or a {@code TraCuuTechID} look-up; not null, empty for a counter applicant without one
 */
public record Applicant(
    Kind kind,
    String name,
    Optional<PersonalId> personalId,
    Optional<TaxCode> taxCode,
    Contact contact,
    Optional<NationalPortalAccountId> nationalPortalAccountId) {

  /** The kind of applicant, with the national portal's codes (LoaiDoiTuong). */
  public enum Kind {
    /** A citizen (công dân), code 1. */
    CITIZEN(1),
    /** An enterprise (doanh nghiệp), code 2. */
    ENTERPRISE(2),
    /** A state agency (cơ quan nhà nước), code 3. */
    STATE_AGENCY(3),
    /** Another organisation (tổ chức khác), code 4. */
    OTHER_ORGANISATION(4);

    private final int nationalCode;

    Kind(int nationalCode) {
      this.nationalCode = nationalCode;
    }

    /**
     * Returns the national portal's code.
     *
     * @return 1 to 4
     */
    public int nationalCode() {
      return nationalCode;
    }
  }

  /**
   * Validates the applicant.
   *
   * @throws InvalidInputException listing every broken rule
   */
  public Applicant {
    Checks c = new Checks("Applicant");
    c.required("kind", kind);
    c.text("name", name, Checks.SHORT_TEXT);
    boolean hasId = c.optional("personalId", personalId);
    boolean hasTaxCode = c.optional("taxCode", taxCode);
    c.required("contact", contact);
    c.optional("nationalPortalAccountId", nationalPortalAccountId);
    if (kind == Kind.CITIZEN && personalId != null) {
      c.that(hasId, "personalId", "required", "is required for a citizen.");
    }
    if (kind == Kind.ENTERPRISE && taxCode != null) {
      c.that(hasTaxCode, "taxCode", "required", "is required for an enterprise.");
    }
    c.throwIfAny();
  }

  /**
   * Creates an applicant without a national-portal account id.
   *
   * @param kind the kind of applicant
   * @param name the name
   * @param personalId the personal ID, may be empty
   * @param taxCode the tax code, may be empty
   * @param contact the contact details
   * @throws InvalidInputException listing every broken rule
   */
  public Applicant(
      Kind kind,
      String name,
      Optional<PersonalId> personalId,
      Optional<TaxCode> taxCode,
      Contact contact) {
    this(kind, name, personalId, taxCode, contact, Optional.empty());
  }

  /**
   * Returns a citizen without contact details.
   *
   * @param name the full name
   * @param personalId the personal ID
   * @return the applicant
   */
  public static Applicant citizen(String name, PersonalId personalId) {
    return new Applicant(
        Kind.CITIZEN, name, Optional.ofNullable(personalId), Optional.empty(), Contact.none());
  }

  /**
   * Returns an enterprise without contact details.
   *
   * @param name the enterprise's name
   * @param taxCode its tax code
   * @return the applicant
   */
  public static Applicant enterprise(String name, TaxCode taxCode) {
    return new Applicant(
        Kind.ENTERPRISE, name, Optional.empty(), Optional.ofNullable(taxCode), Contact.none());
  }

  /**
   * Returns a copy with other contact details.
   *
   * @param contact the contact details
   * @return the applicant
   */
  public Applicant withContact(Contact contact) {
    return new Applicant(kind, name, personalId, taxCode, contact, nationalPortalAccountId);
  }

  /**
   * Returns a copy linked to an account on the National Public Service Portal, as a VNeID login's
   * {@code TechID} or a {@code TraCuuTechID} look-up gives it.
   *
   * @param accountId the account id, or null for none
   * @return the applicant
   */
  public Applicant withNationalPortalAccountId(NationalPortalAccountId accountId) {
    return new Applicant(kind, name, personalId, taxCode, contact, Optional.ofNullable(accountId));
  }

  /** Returns the kind, the masked name and ID, and which contact details exist. */
  @Override
  public String toString() {
    return "Applicant[kind="
        + kind
        + ", name="
        + Masking.fullName(name)
        + ", personalId="
        + (personalId == null ? "null" : personalId.map(PersonalId::masked).orElse("-"))
        + ", taxCode="
        + (taxCode == null ? "null" : taxCode.map(TaxCode::masked).orElse("-"))
        + ", contact="
        + contact
        + ", nationalPortalAccountId="
        + (nationalPortalAccountId == null
            ? "null"
            : nationalPortalAccountId.map(Object::toString).orElse("-"))
        + "]";
  }
}
