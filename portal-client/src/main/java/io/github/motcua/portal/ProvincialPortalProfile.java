package io.github.motcua.portal;

import io.github.motcua.core.ConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything that differs between provincial public-service portals (cổng dịch vụ công cấp tỉnh)
 * behind a local data-sharing gateway (LGSP): the REST base URL, the OAuth2 token URL and client
 * credentials, the paths, and the field names. One {@link ProvincialPortalClient} type serves every
 * province through its profile.
 *
 * <p>Defaults (docs/domain.md §4 marks provincial paths and field names as differing by province):
 * the records use the national field names; paths {@code /api/v1/dossiers/{code}} (PUT, the whole
 * record, created or replaced), {@code /api/v1/dossiers/{code}/steps/{stepId}} (PUT, one processing
 * step whose id is the event id), {@code /api/v1/dossiers/{code}/rating} (PUT); the token is
 * renewed 60 seconds before it expires. {@code {code}} and {@code {stepId}} are replaced
 * (URL-encoded).
 *
 * <p>Immutable and thread-safe. {@link #toString()} hides the client secret.
 */
public final class ProvincialPortalProfile {

  private final String name;
  private final String baseUrl;
  private final String tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final String scope;
  private final String dossierPath;
  private final String stepPath;
  private final String ratingPath;
  private final Map<String, String> fieldNames;
  private final Duration tokenRefreshMargin;
  private final NationalPortalProfile codes;

  private ProvincialPortalProfile(Builder b) {
    this.name = b.name;
    this.baseUrl = b.baseUrl;
    this.tokenUrl = b.tokenUrl;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.scope = b.scope;
    this.dossierPath = b.dossierPath;
    this.stepPath = b.stepPath;
    this.ratingPath = b.ratingPath;
    this.fieldNames = Map.copyOf(b.fieldNames);
    this.tokenRefreshMargin = b.tokenRefreshMargin;
    this.codes = b.codes;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the portal's name, for messages and logs (default {@code provincial}).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the REST base URL.
   *
   * @return the URL
   */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Returns the OAuth2 token endpoint.
   *
   * @return the URL
   */
  public String tokenUrl() {
    return tokenUrl;
  }

  /**
   * Returns the OAuth2 client id.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the OAuth2 client secret. Never log it.
   *
   * @return the secret
   */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * Returns the OAuth2 scope requested, or null for none.
   *
   * @return the scope
   */
  public String scope() {
    return scope;
  }

  /**
   * Returns the dossier path template.
   *
   * @return the template, with {@code {code}}
   */
  public String dossierPath() {
    return dossierPath;
  }

  /**
   * Returns the processing-step path template.
   *
   * @return the template, with {@code {code}} and {@code {stepId}}
   */
  public String stepPath() {
    return stepPath;
  }

  /**
   * Returns the rating path template.
   *
   * @return the template, with {@code {code}}
   */
  public String ratingPath() {
    return ratingPath;
  }

  /**
   * Returns the field renames, canonical national name to this portal's name.
   *
   * @return an unmodifiable map, empty by default
   */
  public Map<String, String> fieldNames() {
    return fieldNames;
  }

  /**
   * Returns how long before its expiry a token is renewed.
   *
   * @return the margin
   */
  public Duration tokenRefreshMargin() {
    return tokenRefreshMargin;
  }

  /**
   * Returns the profile whose code tables (status, channel, satisfaction) are used.
   *
   * @return by default {@link NationalPortalProfile#defaults()}
   */
  public NationalPortalProfile codes() {
    return codes;
  }

  @Override
  public String toString() {
    return "ProvincialPortalProfile[" + name + ", " + baseUrl + ", client " + clientId + "]";
  }

  /** Builds a {@link ProvincialPortalProfile}. Not thread-safe. */
  public static final class Builder {
    private String name = "provincial";
    private String baseUrl;
    private String tokenUrl;
    private String clientId;
    private String clientSecret;
    private String scope;
    private String dossierPath = "/api/v1/dossiers/{code}";
    private String stepPath = "/api/v1/dossiers/{code}/steps/{stepId}";
    private String ratingPath = "/api/v1/dossiers/{code}/rating";
    private final Map<String, String> fieldNames = new LinkedHashMap<>();
    private Duration tokenRefreshMargin = Duration.ofSeconds(60);
    private NationalPortalProfile codes = NationalPortalProfile.defaults();

    private Builder() {}

    /**
     * Sets the portal's name for messages and logs.
     *
     * @param name for example {@code thanh-hoa}
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the REST base URL (required).
     *
     * @param baseUrl an http(s) URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /**
     * Sets the OAuth2 token endpoint (required).
     *
     * @param tokenUrl an http(s) URL
     * @return this builder
     */
    public Builder tokenUrl(String tokenUrl) {
      this.tokenUrl = tokenUrl;
      return this;
    }

    /**
     * Sets the OAuth2 client credentials (required).
     *
     * @param clientId the client id
     * @param clientSecret the client secret
     * @return this builder
     */
    public Builder clientCredentials(String clientId, String clientSecret) {
      this.clientId = clientId;
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * Sets the OAuth2 scope to request.
     *
     * @param scope the scope, or null for none
     * @return this builder
     */
    public Builder scope(String scope) {
      this.scope = scope;
      return this;
    }

    /**
     * Sets the path templates.
     *
     * @param dossierPath the dossier path, with {@code {code}}
     * @param stepPath the step path, with {@code {code}} and {@code {stepId}}
     * @param ratingPath the rating path, with {@code {code}}
     * @return this builder
     */
    public Builder paths(String dossierPath, String stepPath, String ratingPath) {
      this.dossierPath = Objects.requireNonNull(dossierPath, "dossierPath");
      this.stepPath = Objects.requireNonNull(stepPath, "stepPath");
      this.ratingPath = Objects.requireNonNull(ratingPath, "ratingPath");
      return this;
    }

    /**
     * Renames a field wherever it appears.
     *
     * @param canonical the national name, such as {@code MaHoSo}
     * @param wireName this portal's name, such as {@code maHoSo}
     * @return this builder
     */
    public Builder fieldName(String canonical, String wireName) {
      fieldNames.put(
          Objects.requireNonNull(canonical, "canonical"),
          Objects.requireNonNull(wireName, "wireName"));
      return this;
    }

    /**
     * Sets how long before its expiry a token is renewed (default 60 s).
     *
     * @param margin zero or positive
     * @return this builder
     */
    public Builder tokenRefreshMargin(Duration margin) {
      this.tokenRefreshMargin = Objects.requireNonNull(margin, "margin");
      return this;
    }

    /**
     * Sets the profile whose code tables are used.
     *
     * @param codes the profile
     * @return this builder
     */
    public Builder codes(NationalPortalProfile codes) {
      this.codes = Objects.requireNonNull(codes, "codes");
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws ConfigurationException naming the first missing setting
     */
    public ProvincialPortalProfile build() {
      if (baseUrl == null) {
        throw new ConfigurationException(
            "portal.config.provincial.base-url", "The base URL is required.");
      }
      if (tokenUrl == null) {
        throw new ConfigurationException(
            "portal.config.provincial.token-url", "The OAuth2 token URL is required.");
      }
      if (clientId == null
          || clientId.isEmpty()
          || clientSecret == null
          || clientSecret.isEmpty()) {
        throw new ConfigurationException(
            "portal.config.provincial.client-credentials",
            "The OAuth2 client id and secret are required.");
      }
      return new ProvincialPortalProfile(this);
    }
  }
}
