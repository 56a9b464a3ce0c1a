package io.github.motcua.vneid;

import java.util.Objects;

/**
 * An optional claim that could not be used: the login succeeded without it. {@link
 * CitizenIdentity#warnings()} lists them, so that an integrator can ask the citizen to fill in the
 * value by hand (a tax code, a date of birth) instead of refusing the login.
 *
 * @param claim the claim's name, such as {@code MaSoThue}
 * @param code the rule, {@code claims.<field>.<rule>}, such as {@code claims.tax-code.invalid},
 *     {@code claims.sex.unknown-value} or {@code claims.date-of-birth.format}
 * @param message what is wrong; never contains the claim's value
 */
public record ClaimWarning(String claim, String code, String message) {

  /** Checks that every part is present. */
  public ClaimWarning {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
