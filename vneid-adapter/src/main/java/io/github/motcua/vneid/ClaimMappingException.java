package io.github.motcua.vneid;

/**
 * Thrown when a claim cannot be mapped to {@link CitizenIdentity}. Codes {@code claims.<field>.
 * <rule>}, for example {@code claims.personal-id.invalid}, {@code claims.date-of-birth.format},
 * {@code claims.full-name.missing}. The message names the claim, never its value; the cause (for
 * identifiers, an {@link io.github.motcua.core.id.InvalidIdentifierException}) says which rule
 * broke.
 */
public class ClaimMappingException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the code
   * @param message what failed, naming the claim but not its value
   * @param cause the underlying cause, may be null
   */
  public ClaimMappingException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
