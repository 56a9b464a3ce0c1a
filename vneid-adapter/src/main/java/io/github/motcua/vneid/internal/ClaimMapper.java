package io.github.motcua.vneid.internal;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.Sex;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.vneid.AccountKind;
import io.github.motcua.vneid.AssuranceLevel;
import io.github.motcua.vneid.CitizenIdentity;
import io.github.motcua.vneid.ClaimMapping;
import io.github.motcua.vneid.ClaimWarning;
import io.github.motcua.vneid.IdentityCardNumber;
import io.github.motcua.vneid.VneidProfile;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
   * @throws SecurityRefusalException when unknown or too low
   */
  public static void requireLevel(AssuranceLevel level, AssuranceLevel minimum) {
    if (level == null) {
      throw new SecurityRefusalException(
          "assurance.unknown",
          "The provider stated no assurance level the profile knows (acr or loAs); check"
              + " VneidProfile.assuranceLevels().");
    }
    if (!level.isAtLeast(minimum)) {
      throw new SecurityRefusalException(
          "assurance.insufficient",
          "The login reached "
              + level
              + " but this service requires "
              + minimum
              + "; the citizen must log in with a higher-level VNeID account.");
    }
  }

  /**
   * Maps claims to an identity. The claims that identify the account (the personal ID or identity
   * card number of a citizen, the tax code of an organisation) must be valid; any other claim that
   * is present but unusable is left out with a {@link ClaimWarning}, and the login goes on.
   *
   * @param subject the verified subject
   * @param claims the claims (ID token overlaid by userinfo)
   * @param level the assurance level
   * @param mapping the claim mapping
   * @param clock the clock, for the personal ID's birth-year rule
   * @return the identity
   * @throws InvalidInputException when an identifying claim is missing or invalid
   */
  public static CitizenIdentity map(
      String subject,
      Map<String, Object> claims,
      AssuranceLevel level,
      ClaimMapping mapping,
      Clock clock) {
    List<ClaimWarning> warnings = new ArrayList<>();
    String personalIdText = text(claims, mapping.personalId(), "personal-id", null);
    PersonalId personalId = null;
    if (personalIdText != null) {
      try {
        personalId = PersonalId.parse(personalIdText, clock);
      } catch (InvalidInputException e) {
        throw invalid("personal-id", mapping.personalId(), e);
      }
    }
    IdentityCardNumber card = null;
    String cardText = text(claims, mapping.identityCardNumber(), "identity-card-number", null);
    if (cardText != null) {
      try {
        card = IdentityCardNumber.parse(cardText);
      } catch (InvalidInputException e) {
        if (personalId == null) {
          throw invalid("identity-card-number", mapping.identityCardNumber(), e);
        }
        warnings.add(warning("identity-card-number", mapping.identityCardNumber(), e));
      }
    }
    String kindText = text(claims, mapping.accountKind(), "account-kind", warnings);
    AccountKind kind = kindText == null ? null : mapping.accountKindValues().get(kindText);
    if (kindText != null && kind == null) {
      warnings.add(
          new ClaimWarning(
              mapping.accountKind(),
              "claims.account-kind.unknown-value",
              "Claim '"
                  + mapping.accountKind()
                  + "' has a value ClaimMapping.accountKindValues() does not list; the kind was"
                  + " inferred."));
    }
    String orgTaxText =
        text(
            claims,
            mapping.organisationTaxCode(),
            "organisation-tax-code",
            kind == AccountKind.ORGANISATION ? null : warnings);
    if (kind == null) {
      kind = orgTaxText != null ? AccountKind.ORGANISATION : AccountKind.CITIZEN;
    }
    TaxCode orgTax = null;
    if (orgTaxText != null) {
      try {
        orgTax = TaxCode.parse(orgTaxText);
      } catch (InvalidInputException e) {
        if (kind == AccountKind.ORGANISATION) {
          throw invalid("organisation-tax-code", mapping.organisationTaxCode(), e);
        }
        warnings.add(warning("organisation-tax-code", mapping.organisationTaxCode(), e));
      }
    }
    if (kind == AccountKind.CITIZEN && personalId == null && card == null) {
      throw new InvalidInputException(
          "claims.personal-id.missing",
          "A citizen login carries neither a personal ID in claim '"
              + mapping.personalId()
              + "' nor an identity card number in claim '"
              + mapping.identityCardNumber()
              + "'; check ClaimMapping and the requested scopes.",
          null);
    }
    if (kind == AccountKind.ORGANISATION && orgTax == null) {
      throw new InvalidInputException(
          "claims.organisation-tax-code.missing",
          "An organisation login carries no tax code in claim '"
              + mapping.organisationTaxCode()
              + "'.",
          null);
    }
    LocalDate dateOfBirth = null;
    String dob = text(claims, mapping.dateOfBirth(), "date-of-birth", warnings);
    if (dob != null) {
      try {
        dateOfBirth = LocalDate.parse(dob, mapping.dateOfBirthFormatter());
      } catch (DateTimeParseException e) {
        warnings.add(
            new ClaimWarning(
                mapping.dateOfBirth(),
                "claims.date-of-birth.format",
                "Claim '"
                    + mapping.dateOfBirth()
                    + "' does not follow the pattern "
                    + mapping.dateOfBirthPattern()
                    + "; left out."));
      }
    }
    TaxCode taxCode = null;
    String tax = text(claims, mapping.taxCode(), "tax-code", warnings);
    if (tax != null) {
      try {
        taxCode = TaxCode.parse(tax);
      } catch (InvalidInputException e) {
        warnings.add(warning("tax-code", mapping.taxCode(), e));
      }
    }
    String sexText = text(claims, mapping.sex(), "sex", warnings);
    Sex sex = sexText == null ? null : mapping.sexValues().get(sexText);
    if (sexText != null && sex == null) {
      warnings.add(
          new ClaimWarning(
              mapping.sex(),
              "claims.sex.unknown-value",
              "Claim '"
                  + mapping.sex()
                  + "' has a value ClaimMapping.sexValues() does not list; left out."));
    }
    NationalPortalAccountId account = null;
    String techId =
        text(claims, mapping.nationalPortalAccountId(), "national-portal-account-id", warnings);
    if (techId != null) {
      try {
        account = NationalPortalAccountId.parse(techId);
      } catch (InvalidInputException e) {
        warnings.add(warning("national-portal-account-id", mapping.nationalPortalAccountId(), e));
      }
    }
    return CitizenIdentity.builder()
        .subject(subject)
        .personalId(personalId)
        .identityCardNumber(card)
        .fullName(text(claims, mapping.fullName(), "full-name", warnings))
        .dateOfBirth(dateOfBirth)
        .sex(sex)
        .phone(text(claims, mapping.phone(), "phone", warnings))
        .email(text(claims, mapping.email(), "email", warnings))
        .taxCode(taxCode)
        .accountKind(kind)
        .organisationName(text(claims, mapping.organisationName(), "organisation-name", warnings))
        .organisationTaxCode(orgTax)
        .nationalPortalAccountId(account)
        .assuranceLevel(level)
        .rawClaims(claims)
        .warnings(warnings)
        .build();
  }

  private static InvalidInputException invalid(
      String field, String claim, InvalidInputException cause) {
    return new InvalidInputException(
        "claims." + field + ".invalid",
        "Claim '" + claim + "' is not valid (" + cause.code() + ").",
        cause);
  }

  private static ClaimWarning warning(String field, String claim, InvalidInputException cause) {
    return new ClaimWarning(
        claim,
        "claims." + field + ".invalid",
        "Claim '" + claim + "' is not valid (" + cause.code() + "); left out.");
  }

  /**
   * Reads a claim as text (a string or a number). A claim of another type is an error when {@code
   * warnings} is null (an identifying claim), else a warning and absent.
   */
  private static String text(
      Map<String, Object> claims, String claim, String field, List<ClaimWarning> warnings) {
    Object value = claims.get(claim);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String) && !(value instanceof Number)) {
      if (warnings == null) {
        throw new InvalidInputException(
            "claims." + field + ".type", "Claim '" + claim + "' is not a string.", null);
      }
      warnings.add(
          new ClaimWarning(
              claim,
              "claims." + field + ".type",
              "Claim '" + claim + "' is not a string or a number; left out."));
      return null;
    }
    String text = numberText(value).trim();
    return text.isEmpty() ? null : text;
  }

  /** A whole number as its plain decimal digits (1, not 1.0); anything else as it prints. */
  private static String numberText(Object value) {
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
    }
    if (value instanceof BigDecimal decimal) {
      try {
        return decimal.toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        return decimal.toPlainString();
      }
    }
    return value.toString();
  }
}
