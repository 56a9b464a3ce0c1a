package io.github.motcua.vneid.internal;

import io.github.motcua.core.id.InvalidIdentifierException;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.vneid.AccountKind;
import io.github.motcua.vneid.AssuranceLevel;
import io.github.motcua.vneid.CitizenIdentity;
import io.github.motcua.vneid.ClaimMapping;
import io.github.motcua.vneid.ClaimMappingException;
import io.github.motcua.vneid.InsufficientAssuranceException;
import io.github.motcua.vneid.VneidProfile;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Turns verified claims into a {@link CitizenIdentity} with the profile's {@link ClaimMapping}, and
 * reads the assurance level. Stateless and thread-safe.
 */
public final class ClaimMapper {

  private ClaimMapper() {}

  /**
   * Reads the assurance level: the ID token's {@code acr} when the profile knows it, else the
   * highest known value of the mapping's assurance-level claim (a string or an array).
   *
   * @param acr the ID token's {@code acr}, may be null
   * @param claims all claims
   * @param profile the profile
   * @return the level, or null when none is known
   */
  public static AssuranceLevel assuranceLevel(
      Object acr, Map<String, Object> claims, VneidProfile profile) {
    Map<String, AssuranceLevel> table = profile.assuranceLevels();
    if (acr instanceof String a && table.containsKey(a)) {
      return table.get(a);
    }
    Object loAs = claims.get(profile.claimMapping().assuranceLevel());
    AssuranceLevel best = null;
    if (loAs instanceof Collection<?> values) {
      for (Object v : values) {
        AssuranceLevel level = v == null ? null : table.get(v.toString());
        if (level != null && (best == null || level.isAtLeast(best))) {
          best = level;
        }
      }
    } else if (loAs != null) {
      best = table.get(loAs.toString());
    }
    return best;
  }

  /**
   * Checks the level against the minimum.
   *
   * @param level the level, null when unknown
   * @param minimum the minimum
   * @throws InsufficientAssuranceException when unknown or too low
   */
  public static void requireLevel(AssuranceLevel level, AssuranceLevel minimum) {
    if (level == null) {
      throw new InsufficientAssuranceException(
          "assurance.unknown",
          "The provider stated no assurance level the profile knows (acr or loAs); check"
              + " VneidProfile.assuranceLevels().",
          null,
          minimum);
    }
    if (!level.isAtLeast(minimum)) {
      throw new InsufficientAssuranceException(
          "assurance.insufficient",
          "The login reached "
              + level
              + " but this service requires "
              + minimum
              + "; the citizen must log in with a higher-level VNeID account.",
          level,
          minimum);
    }
  }

  /**
   * Maps claims to an identity.
   *
   * @param subject the verified subject
   * @param claims the claims (ID token overlaid by userinfo)
   * @param level the assurance level
   * @param mapping the claim mapping
   * @param clock the clock, for the personal ID's birth-year rule
   * @return the identity
   * @throws ClaimMappingException when a claim is missing or invalid
   */
  public static CitizenIdentity map(
      String subject,
      Map<String, Object> claims,
      AssuranceLevel level,
      ClaimMapping mapping,
      Clock clock) {
    String personalIdText = text(claims, mapping.personalId(), "personal-id");
    PersonalId personalId = null;
    if (personalIdText != null) {
      try {
        personalId = PersonalId.parse(personalIdText, clock);
      } catch (InvalidIdentifierException e) {
        throw invalid("personal-id", mapping.personalId(), e);
      }
    }
    String orgTaxText = text(claims, mapping.organisationTaxCode(), "organisation-tax-code");
    TaxCode orgTax = null;
    if (orgTaxText != null) {
      try {
        orgTax = TaxCode.parse(orgTaxText);
      } catch (InvalidIdentifierException e) {
        throw invalid("organisation-tax-code", mapping.organisationTaxCode(), e);
      }
    }
    String kindText = text(claims, mapping.accountKind(), "account-kind");
    AccountKind kind = kindText == null ? null : mapping.accountKindValues().get(kindText);
    if (kind == null) {
      kind = orgTax != null ? AccountKind.ORGANISATION : AccountKind.CITIZEN;
    }
    if (kind == AccountKind.CITIZEN && personalId == null) {
      throw new ClaimMappingException(
          "claims.personal-id.missing",
          "A citizen login carries no personal ID in claim '"
              + mapping.personalId()
              + "'; check ClaimMapping.personalId() and the requested scopes.",
          null);
    }
    if (kind == AccountKind.ORGANISATION && orgTax == null) {
      throw new ClaimMappingException(
          "claims.organisation-tax-code.missing",
          "An organisation login carries no tax code in claim '"
              + mapping.organisationTaxCode()
              + "'.",
          null);
    }
    LocalDate dateOfBirth = null;
    String dob = text(claims, mapping.dateOfBirth(), "date-of-birth");
    if (dob != null) {
      try {
        dateOfBirth = LocalDate.parse(dob, mapping.dateOfBirthFormatter());
      } catch (DateTimeParseException e) {
        throw new ClaimMappingException(
            "claims.date-of-birth.format",
            "Claim '"
                + mapping.dateOfBirth()
                + "' does not follow the pattern "
                + mapping.dateOfBirthPattern()
                + ".",
            null);
      }
    }
    TaxCode taxCode = null;
    String tax = text(claims, mapping.taxCode(), "tax-code");
    if (tax != null) {
      try {
        taxCode = TaxCode.parse(tax);
      } catch (InvalidIdentifierException e) {
        throw invalid("tax-code", mapping.taxCode(), e);
      }
    }
    String sexText = text(claims, mapping.sex(), "sex");
    return CitizenIdentity.builder()
        .subject(subject)
        .personalId(personalId)
        .fullName(text(claims, mapping.fullName(), "full-name"))
        .dateOfBirth(dateOfBirth)
        .sex(sexText == null ? null : mapping.sexValues().get(sexText))
        .phone(text(claims, mapping.phone(), "phone"))
        .email(text(claims, mapping.email(), "email"))
        .taxCode(taxCode)
        .accountKind(kind)
        .organisationName(text(claims, mapping.organisationName(), "organisation-name"))
        .organisationTaxCode(orgTax)
        .assuranceLevel(level)
        .rawClaims(claims)
        .build();
  }

  private static ClaimMappingException invalid(
      String field, String claim, InvalidIdentifierException cause) {
    return new ClaimMappingException(
        "claims." + field + ".invalid",
        "Claim '" + claim + "' is not valid (" + cause.code() + ").",
        cause);
  }

  private static String text(Map<String, Object> claims, String claim, String field) {
    Object value = claims.get(claim);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String) && !(value instanceof Number)) {
      throw new ClaimMappingException(
          "claims." + field + ".type", "Claim '" + claim + "' is not a string.", null);
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }
}
