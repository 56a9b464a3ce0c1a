package io.github.motcua.vneid;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.id.Sex;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The names and value formats of the claims (thông tin định danh) that make up a {@link
 * CitizenIdentity}. The defaults are the names seen in the national single sign-on's userinfo
 * answers (docs/domain.md §5); the value tables for sex and account kind are not published [U], so
 * each can be replaced one by one:
 *
 * <pre>{@code
 * ClaimMapping mapping = ClaimMapping.defaults().toBuilder().personalId("so_cccd").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClaimMapping {

  private static final ClaimMapping DEFAULTS = new Builder().build();

  private final String personalId;
  private final String fullName;
  private final String dateOfBirth;
  private final String sex;
  private final String phone;
  private final String email;
  private final String taxCode;
  private final String accountKind;
  private final String organisationTaxCode;
  private final String organisationName;
  private final String assuranceLevel;
  private final String identityCardNumber;
  private final String nationalPortalAccountId;
  private final String dateOfBirthPattern;
  private final DateTimeFormatter dateOfBirthFormatter;
  private final Map<String, Sex> sexValues;
  private final Map<String, AccountKind> accountKindValues;

  private ClaimMapping(Builder b) {
    this.personalId = name(b.personalId, "personal-id");
    this.fullName = name(b.fullName, "full-name");
    this.dateOfBirth = name(b.dateOfBirth, "date-of-birth");
    this.sex = name(b.sex, "sex");
    this.phone = name(b.phone, "phone");
    this.email = name(b.email, "email");
    this.taxCode = name(b.taxCode, "tax-code");
    this.accountKind = name(b.accountKind, "account-kind");
    this.organisationTaxCode = name(b.organisationTaxCode, "organisation-tax-code");
    this.organisationName = name(b.organisationName, "organisation-name");
    this.assuranceLevel = name(b.assuranceLevel, "assurance-level");
    this.identityCardNumber = name(b.identityCardNumber, "identity-card-number");
    this.nationalPortalAccountId = name(b.nationalPortalAccountId, "national-portal-account-id");
    this.dateOfBirthPattern = name(b.dateOfBirthPattern, "date-of-birth-pattern");
    try {
      // 'u' (proleptic year) instead of 'y' (year of era) so that STRICT resolution works and an
      // impossible date such as 20230231 is refused instead of being moved to 28 February.
      this.dateOfBirthFormatter =
          DateTimeFormatter.ofPattern(dateOfBirthPattern.replace('y', 'u'))
              .withResolverStyle(ResolverStyle.STRICT);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "config.claims.date-of-birth-pattern",
          "The date-of-birth pattern is not a valid DateTimeFormatter pattern.");
    }
    this.sexValues = Map.copyOf(b.sexValues);
    this.accountKindValues = Map.copyOf(b.accountKindValues);
  }

  private static String name(String value, String setting) {
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(
          "config." + ("claims." + setting),
          "The claim mapping needs a non-blank value for " + setting + ".");
    }
    return value;
  }

  /**
   * Returns the default mapping: {@code SoDinhDanh}, {@code SoCMND}, {@code HoVaTen}, {@code
   * NgayThangNamSinh} ({@code yyyyMMdd}), {@code GioiTinh} (a number, {@code 1} / {@code 2}, or
   * {@code Nam} / {@code Nữ}), {@code SoDienThoai}, {@code ThuDienTu}, {@code MaSoThue}, {@code
   * LoaiTaiKhoan} ({@code 1} citizen, {@code 2} organisation), {@code MaSoDoanhNghiep}, {@code
   * TenDoanhNghiep}, {@code TechID}, {@code loAs}.
   *
   * @return the default mapping
   */
  public static ClaimMapping defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder that starts from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder that starts from this mapping.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.personalId = personalId;
    b.fullName = fullName;
    b.dateOfBirth = dateOfBirth;
    b.sex = sex;
    b.phone = phone;
    b.email = email;
    b.taxCode = taxCode;
    b.accountKind = accountKind;
    b.organisationTaxCode = organisationTaxCode;
    b.organisationName = organisationName;
    b.assuranceLevel = assuranceLevel;
    b.identityCardNumber = identityCardNumber;
    b.nationalPortalAccountId = nationalPortalAccountId;
    b.dateOfBirthPattern = dateOfBirthPattern;
    b.sexValues = new LinkedHashMap<>(sexValues);
    b.accountKindValues = new LinkedHashMap<>(accountKindValues);
    return b;
  }

  /**
   * Returns the claim holding the 12-digit personal identification number.
   *
   * @return the claim name; default {@code SoDinhDanh}
   */
  public String personalId() {
    return personalId;
  }

  /**
   * Returns the claim holding the full name.
   *
   * @return the claim name; default {@code HoVaTen}
   */
  public String fullName() {
    return fullName;
  }

  /**
   * Returns the claim holding the date of birth, read with {@link #dateOfBirthPattern()}.
   *
   * @return the claim name; default {@code NgayThangNamSinh}
   */
  public String dateOfBirth() {
    return dateOfBirth;
  }

  /**
   * Returns the claim holding the sex, read with {@link #sexValues()}.
   *
   * @return the claim name; default {@code GioiTinh}
   */
  public String sex() {
    return sex;
  }

  /**
   * Returns the claim holding the phone number.
   *
   * @return the claim name; default {@code SoDienThoai}
   */
  public String phone() {
    return phone;
  }

  /**
   * Returns the claim holding the e-mail address.
   *
   * @return the claim name; default {@code ThuDienTu}
   */
  public String email() {
    return email;
  }

  /**
   * Returns the claim holding the citizen's own tax code.
   *
   * @return the claim name; default {@code MaSoThue}
   */
  public String taxCode() {
    return taxCode;
  }

  /**
   * Returns the claim holding the account kind, read with {@link #accountKindValues()}.
   *
   * @return the claim name; default {@code LoaiTaiKhoan}
   */
  public String accountKind() {
    return accountKind;
  }

  /**
   * Returns the claim holding an organisation account's tax code (enterprise code).
   *
   * @return the claim name; default {@code MaSoDoanhNghiep}
   */
  public String organisationTaxCode() {
    return organisationTaxCode;
  }

  /**
   * Returns the claim holding an organisation account's name.
   *
   * @return the claim name; default {@code TenDoanhNghiep}
   */
  public String organisationName() {
    return organisationName;
  }

  /**
   * Returns the claim holding the assurance level when the ID token carries no {@code acr}; the
   * values are read with {@link VneidProfile#assuranceLevels()}.
   *
   * @return the claim name; default {@code loAs}
   */
  public String assuranceLevel() {
    return assuranceLevel;
  }

  /**
   * Returns the claim holding the identity card (CMND) number, an identity document of its own kind
   * that some accounts carry instead of a personal ID.
   *
   * @return the claim name; default {@code SoCMND}
   */
  public String identityCardNumber() {
    return identityCardNumber;
  }

  /**
   * Returns the claim holding the account id on the National Public Service Portal.
   *
   * @return the claim name; default {@code TechID}
   */
  public String nationalPortalAccountId() {
    return nationalPortalAccountId;
  }

  /**
   * Returns the {@link DateTimeFormatter} pattern of the date of birth.
   *
   * @return the pattern; default {@code yyyyMMdd}
   */
  public String dateOfBirthPattern() {
    return dateOfBirthPattern;
  }

  /**
   * Returns the formatter of {@link #dateOfBirthPattern()}.
   *
   * @return the formatter
   */
  public DateTimeFormatter dateOfBirthFormatter() {
    return dateOfBirthFormatter;
  }

  /**
   * Returns the values of the sex claim and what they mean; a value not listed leaves the sex
   * unknown, with a {@link ClaimWarning}, rather than failing the login. A numeric claim is looked
   * up by its decimal text: the single sign-on sends {@code GioiTinh} as a number.
   *
   * @return the table; default {@code 1} and {@code Nam} male, {@code 2}, {@code Nữ} and {@code Nu}
   *     female (the numeric values are not published: docs/domain.md §5, [U])
   */
  public Map<String, Sex> sexValues() {
    return sexValues;
  }

  /**
   * Returns the values of the account-kind claim and what they mean. When the claim is absent or
   * its value not listed, an account with an organisation tax code is an organisation and any other
   * a citizen.
   *
   * @return the table; default {@code 1} citizen, {@code 2} organisation
   */
  public Map<String, AccountKind> accountKindValues() {
    return accountKindValues;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ClaimMapping c
        && personalId.equals(c.personalId)
        && fullName.equals(c.fullName)
        && dateOfBirth.equals(c.dateOfBirth)
        && sex.equals(c.sex)
        && phone.equals(c.phone)
        && email.equals(c.email)
        && taxCode.equals(c.taxCode)
        && accountKind.equals(c.accountKind)
        && organisationTaxCode.equals(c.organisationTaxCode)
        && organisationName.equals(c.organisationName)
        && assuranceLevel.equals(c.assuranceLevel)
        && identityCardNumber.equals(c.identityCardNumber)
        && nationalPortalAccountId.equals(c.nationalPortalAccountId)
        && dateOfBirthPattern.equals(c.dateOfBirthPattern)
        && sexValues.equals(c.sexValues)
        && accountKindValues.equals(c.accountKindValues);
  }

  @Override
  public int hashCode() {
    return Objects.hash(personalId, fullName, dateOfBirth, taxCode, organisationTaxCode);
  }

  @Override
  public String toString() {
    return "ClaimMapping[personalId="
        + personalId
        + ", fullName="
        + fullName
        + ", dateOfBirth="
        + dateOfBirth
        + " ("
        + dateOfBirthPattern
        + "), sex="
        + sex
        + ", phone="
        + phone
        + ", email="
        + email
        + ", taxCode="
        + taxCode
        + ", accountKind="
        + accountKind
        + ", organisationTaxCode="
        + organisationTaxCode
        + ", organisationName="
        + organisationName
        + ", assuranceLevel="
        + assuranceLevel
        + ", identityCardNumber="
        + identityCardNumber
        + ", nationalPortalAccountId="
        + nationalPortalAccountId
        + "]";
  }

  /** Builds a {@link ClaimMapping}; every setting starts at its default. Not thread-safe. */
  public static final class Builder {
    private String personalId = "SoDinhDanh";
    private String fullName = "HoVaTen";
    private String dateOfBirth = "NgayThangNamSinh";
    private String sex = "GioiTinh";
    private String phone = "SoDienThoai";
    private String email = "ThuDienTu";
    private String taxCode = "MaSoThue";
    private String accountKind = "LoaiTaiKhoan";
    private String organisationTaxCode = "MaSoDoanhNghiep";
    private String organisationName = "TenDoanhNghiep";
    private String assuranceLevel = "loAs";
    private String identityCardNumber = "SoCMND";
    private String nationalPortalAccountId = "TechID";
    private String dateOfBirthPattern = "yyyyMMdd";
    private Map<String, Sex> sexValues =
        new LinkedHashMap<>(
            Map.of(
                "1",
                Sex.MALE,
                "2",
                Sex.FEMALE,
                "Nam",
                Sex.MALE,
                "Nữ",
                Sex.FEMALE,
                "Nu",
                Sex.FEMALE));
    private Map<String, AccountKind> accountKindValues =
        new LinkedHashMap<>(Map.of("1", AccountKind.CITIZEN, "2", AccountKind.ORGANISATION));

    private Builder() {}

    /**
     * Sets the personal-ID claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder personalId(String claim) {
      this.personalId = claim;
      return this;
    }

    /**
     * Sets the full-name claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder fullName(String claim) {
      this.fullName = claim;
      return this;
    }

    /**
     * Sets the date-of-birth claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder dateOfBirth(String claim) {
      this.dateOfBirth = claim;
      return this;
    }

    /**
     * Sets the sex claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder sex(String claim) {
      this.sex = claim;
      return this;
    }

    /**
     * Sets the phone claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder phone(String claim) {
      this.phone = claim;
      return this;
    }

    /**
     * Sets the e-mail claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder email(String claim) {
      this.email = claim;
      return this;
    }

    /**
     * Sets the tax-code claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder taxCode(String claim) {
      this.taxCode = claim;
      return this;
    }

    /**
     * Sets the account-kind claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder accountKind(String claim) {
      this.accountKind = claim;
      return this;
    }

    /**
     * Sets the organisation tax-code claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder organisationTaxCode(String claim) {
      this.organisationTaxCode = claim;
      return this;
    }

    /**
     * Sets the organisation-name claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder organisationName(String claim) {
      this.organisationName = claim;
      return this;
    }

    /**
     * Sets the assurance-level claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder assuranceLevel(String claim) {
      this.assuranceLevel = claim;
      return this;
    }

    /**
     * Sets the identity-card (CMND) number claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder identityCardNumber(String claim) {
      this.identityCardNumber = claim;
      return this;
    }

    /**
     * Sets the national-portal account id claim name.
     *
     * @param claim the claim name
     * @return this builder
     */
    public Builder nationalPortalAccountId(String claim) {
      this.nationalPortalAccountId = claim;
      return this;
    }

    /**
     * Sets the {@link DateTimeFormatter} pattern of the date of birth.
     *
     * @param pattern the pattern, such as {@code yyyyMMdd} or {@code dd/MM/yyyy}
     * @return this builder
     */
    public Builder dateOfBirthPattern(String pattern) {
      this.dateOfBirthPattern = pattern;
      return this;
    }

    /**
     * Replaces the table of sex values.
     *
     * @param values the wire values and what they mean; not null
     * @return this builder
     */
    public Builder sexValues(Map<String, Sex> values) {
      this.sexValues = new LinkedHashMap<>(Objects.requireNonNull(values, "values"));
      return this;
    }

    /**
     * Replaces the table of account-kind values.
     *
     * @param values the wire values and what they mean; not null
     * @return this builder
     */
    public Builder accountKindValues(Map<String, AccountKind> values) {
      this.accountKindValues = new LinkedHashMap<>(Objects.requireNonNull(values, "values"));
      return this;
    }

    /**
     * Builds the mapping.
     *
     * @return the mapping
     * @throws ConfigurationException when a name is blank or the pattern is invalid
     */
    public ClaimMapping build() {
      return new ClaimMapping(this);
    }
  }
}
