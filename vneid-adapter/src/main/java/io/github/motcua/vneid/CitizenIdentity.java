package io.github.motcua.vneid;

import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.Sex;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.privacy.Masking;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who logged in: the citizen (công dân) or organisation (tổ chức) identity read from the provider's
 * ID token and userinfo claims through the profile's {@link ClaimMapping}.
 *
 * <p>Personal data (Decree 13/2023/NĐ-CP): {@link #toString()} masks the personal ID, the full
 * name, the date of birth, the phone number, the e-mail address and the subject; the accessors
 * return the values whole.
 *
 * <p>Immutable and thread-safe.
 */
public final class CitizenIdentity {

  private final String subject;
  private final PersonalId personalId;
  private final String fullName;
  private final LocalDate dateOfBirth;
  private final Sex sex;
  private final String phone;
  private final String email;
  private final TaxCode taxCode;
  private final AccountKind accountKind;
  private final String organisationName;
  private final TaxCode organisationTaxCode;
  private final AssuranceLevel assuranceLevel;
  private final Map<String, Object> rawClaims;
  private final IdentityCardNumber identityCardNumber;
  private final NationalPortalAccountId nationalPortalAccountId;
  private final List<ClaimWarning> warnings;

  private CitizenIdentity(Builder b) {
    this.subject = Objects.requireNonNull(b.subject, "subject");
    this.accountKind = Objects.requireNonNull(b.accountKind, "accountKind");
    this.assuranceLevel = Objects.requireNonNull(b.assuranceLevel, "assuranceLevel");
    this.personalId = b.personalId;
    this.fullName = b.fullName;
    this.dateOfBirth = b.dateOfBirth;
    this.sex = b.sex;
    this.phone = b.phone;
    this.email = b.email;
    this.taxCode = b.taxCode;
    this.organisationName = b.organisationName;
    this.organisationTaxCode = b.organisationTaxCode;
    this.rawClaims = Collections.unmodifiableMap(new LinkedHashMap<>(b.rawClaims));
    this.identityCardNumber = b.identityCardNumber;
    this.nationalPortalAccountId = b.nationalPortalAccountId;
    this.warnings = List.copyOf(b.warnings);
  }

  /**
   * Returns the identity card (CMND) number, when the account carries one ({@code SoCMND}); an
   * account may carry it instead of a personal ID.
   *
   * @return the number, or empty
   */
  public Optional<IdentityCardNumber> identityCardNumber() {
    return Optional.ofNullable(identityCardNumber);
  }

  /**
   * Returns the citizen's or organisation's account id on the National Public Service Portal (the
   * single sign-on's {@code TechID}), which the national dossier record carries as {@code
   * MaDoiTuong}.
   *
   * @return the account id, or empty when the provider sent none (or an unusable one: see {@link
   *     #warnings()})
   */
  public Optional<NationalPortalAccountId> nationalPortalAccountId() {
    return Optional.ofNullable(nationalPortalAccountId);
  }

  /**
   * Returns the optional claims that were present but could not be used (an invalid tax code, an
   * unknown sex value, a malformed date of birth, ...): the login succeeded without them.
   *
   * @return the warnings, in claim order; empty when every claim was usable
   */
  public List<ClaimWarning> warnings() {
    return warnings;
  }

  /**
   * Returns a new builder, for integrators' own tests; logins build identities from claims.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the provider's subject identifier ({@code sub}): stable for this account at this
   * provider, the key to link the login to a local user.
   *
   * @return the subject
   */
  public String subject() {
    return subject;
  }

  /**
   * Returns the personal identification number; always present for a citizen account.
   *
   * @return the personal ID, or empty
   */
  public Optional<PersonalId> personalId() {
    return Optional.ofNullable(personalId);
  }

  /**
   * Returns the full name (họ và tên); personal data.
   *
   * @return the name, or empty
   */
  public Optional<String> fullName() {
    return Optional.ofNullable(fullName);
  }

  /**
   * Returns the date of birth.
   *
   * @return the date, or empty
   */
  public Optional<LocalDate> dateOfBirth() {
    return Optional.ofNullable(dateOfBirth);
  }

  /**
   * Returns the sex, when the provider sent a value the mapping knows.
   *
   * @return the sex, or empty
   */
  public Optional<Sex> sex() {
    return Optional.ofNullable(sex);
  }

  /**
   * Returns the phone number, as sent.
   *
   * @return the phone number, or empty
   */
  public Optional<String> phone() {
    return Optional.ofNullable(phone);
  }

  /**
   * Returns the e-mail address, as sent.
   *
   * @return the address, or empty
   */
  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  /**
   * Returns the citizen's own tax code.
   *
   * @return the tax code, or empty
   */
  public Optional<TaxCode> taxCode() {
    return Optional.ofNullable(taxCode);
  }

  /**
   * Returns whether a citizen or an organisation logged in.
   *
   * @return the account kind
   */
  public AccountKind accountKind() {
    return accountKind;
  }

  /**
   * Returns the organisation's name, for an organisation account.
   *
   * @return the name, or empty
   */
  public Optional<String> organisationName() {
    return Optional.ofNullable(organisationName);
  }

  /**
   * Returns the organisation's tax code, for an organisation account.
   *
   * @return the tax code, or empty
   */
  public Optional<TaxCode> organisationTaxCode() {
    return Optional.ofNullable(organisationTaxCode);
  }

  /**
   * Returns the assurance level the login reached.
   *
   * @return the level
   */
  public AssuranceLevel assuranceLevel() {
    return assuranceLevel;
  }

  /**
   * Returns every claim received (ID token claims overlaid by userinfo claims), as parsed JSON
   * values: for claims the mapping does not cover, such as {@code ThuongTru}.
   *
   * @return the claims, unmodifiable
   */
  public Map<String, Object> rawClaims() {
    return rawClaims;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CitizenIdentity c
        && subject.equals(c.subject)
        && Objects.equals(personalId, c.personalId)
        && Objects.equals(fullName, c.fullName)
        && Objects.equals(dateOfBirth, c.dateOfBirth)
        && sex == c.sex
        && Objects.equals(phone, c.phone)
        && Objects.equals(email, c.email)
        && Objects.equals(taxCode, c.taxCode)
        && accountKind == c.accountKind
        && Objects.equals(organisationName, c.organisationName)
        && Objects.equals(organisationTaxCode, c.organisationTaxCode)
        && assuranceLevel == c.assuranceLevel
        && Objects.equals(identityCardNumber, c.identityCardNumber)
        && Objects.equals(nationalPortalAccountId, c.nationalPortalAccountId)
        && warnings.equals(c.warnings)
        && rawClaims.equals(c.rawClaims);
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, personalId);
  }

  /** Returns a summary with every personal value masked. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("CitizenIdentity[");
    s.append(accountKind).append(", ").append(assuranceLevel);
    s.append(", subject=").append(Masking.token(subject));
    if (personalId != null) {
      s.append(", personalId=").append(personalId.masked());
    }
    if (identityCardNumber != null) {
      s.append(", identityCard=").append(identityCardNumber.masked());
    }
    if (nationalPortalAccountId != null) {
      s.append(", portalAccount=").append(nationalPortalAccountId.masked());
    }
    if (fullName != null) {
      s.append(", fullName=").append(Masking.fullName(fullName));
    }
    if (dateOfBirth != null) {
      s.append(", dateOfBirth=****-**-**");
    }
    if (sex != null) {
      s.append(", sex=").append(sex);
    }
    if (phone != null) {
      s.append(", phone=").append(Masking.phone(phone));
    }
    if (email != null) {
      s.append(", email=").append(Masking.email(email));
    }
    if (taxCode != null) {
      s.append(", taxCode=").append(taxCode.masked());
    }
    if (organisationName != null) {
      s.append(", organisationName=").append(organisationName);
    }
    if (organisationTaxCode != null) {
      s.append(", organisationTaxCode=").append(organisationTaxCode);
    }
    if (!warnings.isEmpty()) {
      s.append(", warnings=").append(warnings.stream().map(ClaimWarning::code).toList());
    }
    return s.append(']').toString();
  }

  /** Builds a {@link CitizenIdentity}. Not thread-safe. */
  public static final class Builder {
    private String subject;
    private PersonalId personalId;
    private String fullName;
    private LocalDate dateOfBirth;
    private Sex sex;
    private String phone;
    private String email;
    private TaxCode taxCode;
    private AccountKind accountKind = AccountKind.CITIZEN;
    private String organisationName;
    private TaxCode organisationTaxCode;
    private AssuranceLevel assuranceLevel;
    private Map<String, Object> rawClaims = Map.of();
    private IdentityCardNumber identityCardNumber;
    private NationalPortalAccountId nationalPortalAccountId;
    private List<ClaimWarning> warnings = List.of();

    private Builder() {}

    /**
     * Sets the identity card (CMND) number.
     *
     * @param number the number, may be null
     * @return this builder
     */
    public Builder identityCardNumber(IdentityCardNumber number) {
      this.identityCardNumber = number;
      return this;
    }

    /**
     * Sets the national-portal account id ({@code TechID}).
     *
     * @param id the account id, may be null
     * @return this builder
     */
    public Builder nationalPortalAccountId(NationalPortalAccountId id) {
      this.nationalPortalAccountId = id;
      return this;
    }

    /**
     * Sets the warnings about optional claims that could not be used.
     *
     * @param warnings the warnings; not null
     * @return this builder
     */
    public Builder warnings(List<ClaimWarning> warnings) {
      this.warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
      return this;
    }

    /**
     * Sets the subject.
     *
     * @param subject the subject; required
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Sets the personal ID.
     *
     * @param personalId the personal ID, may be null
     * @return this builder
     */
    public Builder personalId(PersonalId personalId) {
      this.personalId = personalId;
      return this;
    }

    /**
     * Sets the full name.
     *
     * @param fullName the name, may be null
     * @return this builder
     */
    public Builder fullName(String fullName) {
      this.fullName = fullName;
      return this;
    }

    /**
     * Sets the date of birth.
     *
     * @param dateOfBirth the date, may be null
     * @return this builder
     */
    public Builder dateOfBirth(LocalDate dateOfBirth) {
      this.dateOfBirth = dateOfBirth;
      return this;
    }

    /**
     * Sets the sex.
     *
     * @param sex the sex, may be null
     * @return this builder
     */
    public Builder sex(Sex sex) {
      this.sex = sex;
      return this;
    }

    /**
     * Sets the phone number.
     *
     * @param phone the number, may be null
     * @return this builder
     */
    public Builder phone(String phone) {
      this.phone = phone;
      return this;
    }

    /**
     * Sets the e-mail address.
     *
     * @param email the address, may be null
     * @return this builder
     */
    public Builder email(String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets the citizen's tax code.
     *
     * @param taxCode the tax code, may be null
     * @return this builder
     */
    public Builder taxCode(TaxCode taxCode) {
      this.taxCode = taxCode;
      return this;
    }

    /**
     * Sets the account kind.
     *
     * @param accountKind the kind; default {@link AccountKind#CITIZEN}
     * @return this builder
     */
    public Builder accountKind(AccountKind accountKind) {
      this.accountKind = accountKind;
      return this;
    }

    /**
     * Sets the organisation's name.
     *
     * @param organisationName the name, may be null
     * @return this builder
     */
    public Builder organisationName(String organisationName) {
      this.organisationName = organisationName;
      return this;
    }

    /**
     * Sets the organisation's tax code.
     *
     * @param organisationTaxCode the tax code, may be null
     * @return this builder
     */
    public Builder organisationTaxCode(TaxCode organisationTaxCode) {
      this.organisationTaxCode = organisationTaxCode;
      return this;
    }

    /**
     * Sets the assurance level.
     *
     * @param assuranceLevel the level; required
     * @return this builder
     */
    public Builder assuranceLevel(AssuranceLevel assuranceLevel) {
      this.assuranceLevel = assuranceLevel;
      return this;
    }

    /**
     * Sets the raw claims.
     *
     * @param rawClaims the claims; not null
     * @return this builder
     */
    public Builder rawClaims(Map<String, Object> rawClaims) {
      this.rawClaims = Objects.requireNonNull(rawClaims, "rawClaims");
      return this;
    }

    /**
     * Builds the identity.
     *
     * @return the identity
     * @throws NullPointerException when the subject, account kind or assurance level is missing
     */
    public CitizenIdentity build() {
      return new CitizenIdentity(this);
    }
  }
}
