package io.github.motcua.vneid;

import java.util.Optional;

/**
 * Thrown when the provider redirects back with an {@code error} instead of a code: the citizen
 * cancelled, refused consent, or the provider refused the request. Code {@code login.denied}; the
 * provider's own error code ({@code access_denied}, {@code login_required}, ...) is in {@link
 * #providerError()}.
 */
public class LoginDeniedException extends IdentityException {

  private static final long serialVersionUID = 1L;

  private final String providerError;
  private final String providerErrorDescription;

  /**
   * Creates an exception.
   *
   * @param providerError the provider's error code, as received (sanitised to printable ASCII)
   * @param providerErrorDescription the provider's description, may be null
   */
  public LoginDeniedException(String providerError, String providerErrorDescription) {
    super(
        "login.denied",
        "The provider ended the login with error '"
            + providerError
            + "'. The citizen may have cancelled; offer to start the login again.");
    this.providerError = providerError;
    this.providerErrorDescription = providerErrorDescription;
  }

  /**
   * Returns the provider's error code, such as {@code access_denied}.
   *
   * @return the error code, never null
   */
  public String providerError() {
    return providerError;
  }

  /**
   * Returns the provider's human-readable description of the error, if it sent one. It comes from
   * the provider unchecked: show it, do not trust it.
   *
   * @return the description, or empty
   */
  public Optional<String> providerErrorDescription() {
    return Optional.ofNullable(providerErrorDescription);
  }
}
