package io.github.motcua.vneid;

/**
 * Thrown by {@link LoginRequest#parse(String)} when the text is not a serialised login request
 * (code {@code login-request.malformed}) or comes from an unknown format version (code {@code
 * login-request.version}).
 */
public class InvalidLoginRequestException extends IdentityException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param code the code
   * @param message what failed
   */
  public InvalidLoginRequestException(String code, String message) {
    super(code, message);
  }
}
