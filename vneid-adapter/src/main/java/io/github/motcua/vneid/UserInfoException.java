package io.github.motcua.vneid;

/**
 * Thrown when the userinfo answer cannot be trusted together with the ID token. Code {@code
 * userinfo.subject-mismatch}: its {@code sub} differs from the ID token's (OpenID Connect Core
 * 5.3.2), so the claims may describe another person.
 */
public class UserInfoException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code {@code userinfo.subject-mismatch}
   * @param message what failed
   */
  public UserInfoException(String code, String message) {
    super(code, message);
  }
}
