package io.github.motcua.vneid;

import io.github.motcua.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-login options of {@link VneidClient#startLogin(LoginOptions)}: the {@code prompt}, the UI
 * locales and a login hint (OpenID Connect Core 3.1.2.1), and the assurance level to request when
 * it differs from the client's.
 *
 * <pre>{@code
 * LoginOptions options = LoginOptions.builder().prompt("login").uiLocale(Locale.forLanguageTag("vi"))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LoginOptions {

  private static final LoginOptions NONE = new Builder().build();

  private final String prompt;
  private final List<Locale> uiLocales;
  private final String loginHint;
  private final AssuranceLevel assuranceLevel;

  private LoginOptions(Builder b) {
    this.prompt = b.prompt;
    this.uiLocales = List.copyOf(b.uiLocales);
    this.loginHint = b.loginHint;
    this.assuranceLevel = b.assuranceLevel;
  }

  /**
   * Returns the empty options: the client's settings apply.
   *
   * @return the options
   */
  public static LoginOptions none() {
    return NONE;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the {@code prompt} value.
   *
   * @return for example {@code login} or {@code consent}, or empty
   */
  public Optional<String> prompt() {
    return Optional.ofNullable(prompt);
  }

  /**
   * Returns the preferred UI languages, most preferred first.
   *
   * @return the locales, possibly empty
   */
  public List<Locale> uiLocales() {
    return uiLocales;
  }

  /**
   * Returns the login hint. It may be personal data: it is sent to the provider and never logged.
   *
   * @return the hint, or empty
   */
  public Optional<String> loginHint() {
    return Optional.ofNullable(loginHint);
  }

  /**
   * Returns the assurance level to request for this login.
   *
   * @return the level, or empty for the client's requested level
   */
  public Optional<AssuranceLevel> assuranceLevel() {
    return Optional.ofNullable(assuranceLevel);
  }

  @Override
  public String toString() {
    return "LoginOptions[prompt="
        + prompt
        + ", uiLocales="
        + uiLocales
        + ", loginHint="
        + (loginHint == null ? "none" : "***")
        + ", assuranceLevel="
        + assuranceLevel
        + "]";
  }

  /** Builds {@link LoginOptions}. Not thread-safe. */
  public static final class Builder {
    private String prompt;
    private final List<Locale> uiLocales = new ArrayList<>();
    private String loginHint;
    private AssuranceLevel assuranceLevel;

    private Builder() {}

    /**
     * Sets the {@code prompt}: space-separated values among {@code none}, {@code login}, {@code
     * consent}, {@code select_account}.
     *
     * @param prompt the prompt, or null for none
     * @return this builder
     * @throws ConfigurationException when a value is not one of the four
     */
    public Builder prompt(String prompt) {
      if (prompt != null) {
        for (String p : prompt.trim().split(" +")) {
          if (!List.of("none", "login", "consent", "select_account").contains(p)) {
            throw new ConfigurationException(
                "config.prompt", "prompt values are none, login, consent and select_account.");
          }
        }
      }
      this.prompt = prompt == null ? null : prompt.trim();
      return this;
    }

    /**
     * Adds a preferred UI language.
     *
     * @param locale the locale; not null
     * @return this builder
     */
    public Builder uiLocale(Locale locale) {
      this.uiLocales.add(Objects.requireNonNull(locale, "locale"));
      return this;
    }

    /**
     * Sets the login hint, such as the personal ID the citizen typed on the integrator's page.
     *
     * @param loginHint the hint, or null for none
     * @return this builder
     */
    public Builder loginHint(String loginHint) {
      this.loginHint = loginHint;
      return this;
    }

    /**
     * Sets the assurance level to request for this login.
     *
     * @param level the level, or null for the client's
     * @return this builder
     */
    public Builder assuranceLevel(AssuranceLevel level) {
      this.assuranceLevel = level;
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public LoginOptions build() {
      return new LoginOptions(this);
    }
  }
}
