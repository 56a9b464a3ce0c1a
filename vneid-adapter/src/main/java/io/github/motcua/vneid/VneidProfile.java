package io.github.motcua.vneid;

import io.github.motcua.core.ConfigurationException;
import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a {@link VneidClient} knows about one identity provider: its endpoints, the ID-token
 * signature algorithms it accepts, the wire values of the assurance levels and the claim names.
 *
 * <p>Endpoints and client registrations are issued per integrator and not published [U], so the
 * default ({@link #nationalSingleSignOn(URI)}) only follows the shape seen in public integrations
 * of the national single sign-on (docs/domain.md §5): {@code {issuer}/oauth2/authorize}, {@code
 * /oauth2/token}, {@code /oauth2/userinfo}, {@code /oauth2/jwks}, {@code /oauth2/logout}; {@code
 * acr_values} {@code LoA1} / {@code LoA2}. Override any field with {@link #toBuilder()}, or let the
 * client read the endpoints from the provider's discovery document ({@link
 * VneidClient.Builder#issuer(URI)}).
 *
 * <p>Immutable and thread-safe.
 */
public final class VneidProfile {

  /** The asymmetric signature algorithms an ID token may use; HS* and none are never accepted. */
  private static final Set<String> ASYMMETRIC =
      Set.of(
          "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA",
          "Ed25519");

  private final URI issuer;
  private final URI authorizationEndpoint;
  private final URI tokenEndpoint;
  private final URI userInfoEndpoint;
  private final URI jwksUri;
  private final URI endSessionEndpoint;
  private final URI pushedAuthorizationRequestEndpoint;
  private final Set<String> idTokenSigningAlgorithms;
  private final Map<String, AssuranceLevel> assuranceLevels;
  private final Map<AssuranceLevel, String> acrValues;
  private final ClaimMapping claimMapping;
  private final URI clientAssertionAudience;
  private final boolean issuerParameterRequired;
  private final boolean pushedAuthorizationRequestsRequired;

  private VneidProfile(Builder b) {
    this.issuer = required(b.issuer, "issuer");
    this.authorizationEndpoint = required(b.authorizationEndpoint, "authorization-endpoint");
    this.tokenEndpoint = required(b.tokenEndpoint, "token-endpoint");
    this.jwksUri = required(b.jwksUri, "jwks-uri");
    this.userInfoEndpoint = b.userInfoEndpoint;
    this.endSessionEndpoint = b.endSessionEndpoint;
    this.pushedAuthorizationRequestEndpoint = b.pushedAuthorizationRequestEndpoint;
    this.clientAssertionAudience = b.clientAssertionAudience;
    if (b.idTokenSigningAlgorithms.isEmpty()) {
      throw new ConfigurationException(
          "config.id-token-algorithms",
          "At least one ID-token signature algorithm must be allowed.");
    }
    for (String alg : b.idTokenSigningAlgorithms) {
      if (!ASYMMETRIC.contains(alg)) {
        throw new ConfigurationException(
            "config.id-token-algorithms",
            "ID-token algorithm '"
                + alg
                + "' is not allowed: only asymmetric algorithms (RS*, PS*, ES*, EdDSA) are"
                + " accepted, never HS* or none.");
      }
    }
    this.idTokenSigningAlgorithms = Set.copyOf(b.idTokenSigningAlgorithms);
    this.assuranceLevels = Map.copyOf(b.assuranceLevels);
    for (AssuranceLevel level : AssuranceLevel.values()) {
      if (!b.acrValues.containsKey(level)) {
        throw new ConfigurationException(
            "config.acr-values", "The profile needs an acr value for " + level + ".");
      }
    }
    this.acrValues = Map.copyOf(b.acrValues);
    this.claimMapping = Objects.requireNonNull(b.claimMapping, "claimMapping");
    this.issuerParameterRequired = b.issuerParameterRequired;
    this.pushedAuthorizationRequestsRequired = b.pushedAuthorizationRequestsRequired;
    if (pushedAuthorizationRequestsRequired && pushedAuthorizationRequestEndpoint == null) {
      throw new ConfigurationException(
          "config.pushed-authorization-requests",
          "The provider requires pushed authorization requests but the profile has no"
              + " pushed-authorization-request endpoint.");
    }
  }

  private static URI required(URI value, String setting) {
    if (value == null) {
      throw new ConfigurationException(
          "config." + setting, "The VNeID profile needs the " + setting + ".");
    }
    if (!value.isAbsolute() || value.getHost() == null) {
      throw new ConfigurationException(
          "config." + setting, "The " + setting + " must be an absolute http(s) URI.");
    }
    return value;
  }

  /**
   * Returns the default profile for a provider shaped like the national single sign-on, with every
   * endpoint under {@code {issuer}/oauth2/} and no pushed authorization requests.
   *
   * @param issuer the provider's issuer identifier, exactly as it appears in its ID tokens; not
   *     null
   * @return the profile
   */
  public static VneidProfile nationalSingleSignOn(URI issuer) {
    return builder(issuer).build();
  }

  /**
   * Returns a builder that starts from {@link #nationalSingleSignOn(URI)}.
   *
   * @param issuer the provider's issuer identifier; not null
   * @return a new builder
   */
  public static Builder builder(URI issuer) {
    Objects.requireNonNull(issuer, "issuer");
    String base = issuer.toString().replaceAll("/+$", "");
    Builder b = new Builder();
    b.issuer = issuer;
    b.authorizationEndpoint = URI.create(base + "/oauth2/authorize");
    b.tokenEndpoint = URI.create(base + "/oauth2/token");
    b.userInfoEndpoint = URI.create(base + "/oauth2/userinfo");
    b.jwksUri = URI.create(base + "/oauth2/jwks");
    b.endSessionEndpoint = URI.create(base + "/oauth2/logout");
    return b;
  }

  /**
   * Returns a builder that starts from this profile.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.issuer = issuer;
    b.authorizationEndpoint = authorizationEndpoint;
    b.tokenEndpoint = tokenEndpoint;
    b.userInfoEndpoint = userInfoEndpoint;
    b.jwksUri = jwksUri;
    b.endSessionEndpoint = endSessionEndpoint;
    b.pushedAuthorizationRequestEndpoint = pushedAuthorizationRequestEndpoint;
    b.idTokenSigningAlgorithms = new LinkedHashSet<>(idTokenSigningAlgorithms);
    b.assuranceLevels = new LinkedHashMap<>(assuranceLevels);
    b.acrValues = new EnumMap<>(acrValues);
    b.claimMapping = claimMapping;
    b.clientAssertionAudience = clientAssertionAudience;
    b.issuerParameterRequired = issuerParameterRequired;
    b.pushedAuthorizationRequestsRequired = pushedAuthorizationRequestsRequired;
    return b;
  }

  /**
   * Returns the issuer identifier; ID tokens must carry exactly this {@code iss}.
   *
   * @return the issuer
   */
  public URI issuer() {
    return issuer;
  }

  /**
   * Returns the authorization endpoint, where the citizen's browser is sent.
   *
   * @return the endpoint
   */
  public URI authorizationEndpoint() {
    return authorizationEndpoint;
  }

  /**
   * Returns the token endpoint.
   *
   * @return the endpoint
   */
  public URI tokenEndpoint() {
    return tokenEndpoint;
  }

  /**
   * Returns the userinfo endpoint; without one the identity is read from the ID token alone.
   *
   * @return the endpoint, or empty
   */
  public Optional<URI> userInfoEndpoint() {
    return Optional.ofNullable(userInfoEndpoint);
  }

  /**
   * Returns the URI of the provider's JSON Web Key Set.
   *
   * @return the URI
   */
  public URI jwksUri() {
    return jwksUri;
  }

  /**
   * Returns the end-session (logout) endpoint.
   *
   * @return the endpoint, or empty when the provider has none
   */
  public Optional<URI> endSessionEndpoint() {
    return Optional.ofNullable(endSessionEndpoint);
  }

  /**
   * Returns the pushed authorization request endpoint (RFC 9126); when present every login pushes
   * its parameters there first.
   *
   * @return the endpoint, or empty
   */
  public Optional<URI> pushedAuthorizationRequestEndpoint() {
    return Optional.ofNullable(pushedAuthorizationRequestEndpoint);
  }

  /**
   * Returns the accepted ID-token signature algorithms (JWA names).
   *
   * @return the allow-list; default {@code RS256}, {@code PS256}, {@code ES256}
   */
  public Set<String> idTokenSigningAlgorithms() {
    return idTokenSigningAlgorithms;
  }

  /**
   * Returns what each {@code acr} or {@code loAs} value means.
   *
   * @return the table; default {@code LoA1}, {@code 1} level 1 and {@code LoA2}, {@code 2} level 2
   */
  public Map<String, AssuranceLevel> assuranceLevels() {
    return assuranceLevels;
  }

  /**
   * Returns the {@code acr_values} sent to request each level.
   *
   * @return the table; default {@code LoA1} and {@code LoA2}
   */
  public Map<AssuranceLevel, String> acrValues() {
    return acrValues;
  }

  /**
   * Returns the claim names and formats.
   *
   * @return the mapping; default {@link ClaimMapping#defaults()}
   */
  public ClaimMapping claimMapping() {
    return claimMapping;
  }

  /**
   * Returns the audience of {@code private_key_jwt} client assertions.
   *
   * @return the audience; default the {@link #issuer()} (as FAPI 2.0 asks)
   */
  public URI clientAssertionAudience() {
    return clientAssertionAudience != null ? clientAssertionAudience : issuer;
  }

  /**
   * Returns whether every authorization response must carry the {@code iss} parameter (RFC 9207): a
   * callback without it is then refused, since a stripped {@code iss} disables the mix-up
   * protection. Discovery sets it when the provider advertises {@code
   * authorization_response_iss_parameter_supported}; set it by hand for a provider that sends
   * {@code iss} without advertising it. A callback that does carry {@code iss} must name this
   * profile's issuer either way.
   *
   * @return true when {@code iss} is required; default false
   */
  public boolean issuerParameterRequired() {
    return issuerParameterRequired;
  }

  /**
   * Returns whether the provider accepts only pushed authorization requests (RFC 9126 section 5,
   * {@code require_pushed_authorization_requests}). A client built with pushed requests switched
   * off is then refused as misconfigured, before any login.
   *
   * @return true when pushed requests are required; default false
   */
  public boolean pushedAuthorizationRequestsRequired() {
    return pushedAuthorizationRequestsRequired;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VneidProfile p
        && issuerParameterRequired == p.issuerParameterRequired
        && pushedAuthorizationRequestsRequired == p.pushedAuthorizationRequestsRequired
        && issuer.equals(p.issuer)
        && authorizationEndpoint.equals(p.authorizationEndpoint)
        && tokenEndpoint.equals(p.tokenEndpoint)
        && Objects.equals(userInfoEndpoint, p.userInfoEndpoint)
        && jwksUri.equals(p.jwksUri)
        && Objects.equals(endSessionEndpoint, p.endSessionEndpoint)
        && Objects.equals(pushedAuthorizationRequestEndpoint, p.pushedAuthorizationRequestEndpoint)
        && idTokenSigningAlgorithms.equals(p.idTokenSigningAlgorithms)
        && assuranceLevels.equals(p.assuranceLevels)
        && acrValues.equals(p.acrValues)
        && claimMapping.equals(p.claimMapping)
        && Objects.equals(clientAssertionAudience, p.clientAssertionAudience);
  }

  @Override
  public int hashCode() {
    return Objects.hash(issuer, tokenEndpoint, jwksUri);
  }

  @Override
  public String toString() {
    return "VneidProfile[issuer="
        + issuer
        + ", authorization="
        + authorizationEndpoint
        + ", token="
        + tokenEndpoint
        + ", userinfo="
        + userInfoEndpoint
        + ", jwks="
        + jwksUri
        + ", endSession="
        + endSessionEndpoint
        + ", par="
        + pushedAuthorizationRequestEndpoint
        + (pushedAuthorizationRequestsRequired ? " (required)" : "")
        + ", issRequired="
        + issuerParameterRequired
        + ", algorithms="
        + idTokenSigningAlgorithms
        + "]";
  }

  /** Builds a {@link VneidProfile}. Not thread-safe. */
  public static final class Builder {
    private URI issuer;
    private URI authorizationEndpoint;
    private URI tokenEndpoint;
    private URI userInfoEndpoint;
    private URI jwksUri;
    private URI endSessionEndpoint;
    private URI pushedAuthorizationRequestEndpoint;
    private URI clientAssertionAudience;
    private Set<String> idTokenSigningAlgorithms =
        new LinkedHashSet<>(List.of("RS256", "PS256", "ES256"));
    private Map<String, AssuranceLevel> assuranceLevels =
        new LinkedHashMap<>(
            Map.of(
                "LoA1", AssuranceLevel.LEVEL_1,
                "1", AssuranceLevel.LEVEL_1,
                "LoA2", AssuranceLevel.LEVEL_2,
                "2", AssuranceLevel.LEVEL_2));
    private Map<AssuranceLevel, String> acrValues =
        new EnumMap<>(Map.of(AssuranceLevel.LEVEL_1, "LoA1", AssuranceLevel.LEVEL_2, "LoA2"));
    private ClaimMapping claimMapping = ClaimMapping.defaults();
    private boolean issuerParameterRequired;
    private boolean pushedAuthorizationRequestsRequired;

    private Builder() {}

    /**
     * Sets whether authorization responses must carry the {@code iss} parameter (RFC 9207).
     *
     * @param required true to refuse a callback without {@code iss}; default false (discovery sets
     *     it when the provider advertises {@code authorization_response_iss_parameter_supported})
     * @return this builder
     */
    public Builder issuerParameterRequired(boolean required) {
      this.issuerParameterRequired = required;
      return this;
    }

    /**
     * Sets whether the provider accepts only pushed authorization requests (RFC 9126).
     *
     * @param required true when it does; the profile then needs a {@link
     *     #pushedAuthorizationRequestEndpoint(URI) pushed-authorization-request endpoint}; default
     *     false (discovery reads {@code require_pushed_authorization_requests})
     * @return this builder
     */
    public Builder pushedAuthorizationRequestsRequired(boolean required) {
      this.pushedAuthorizationRequestsRequired = required;
      return this;
    }

    /**
     * Sets the issuer identifier.
     *
     * @param issuer the issuer; not null
     * @return this builder
     */
    public Builder issuer(URI issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * Sets the authorization endpoint.
     *
     * @param uri the endpoint; not null
     * @return this builder
     */
    public Builder authorizationEndpoint(URI uri) {
      this.authorizationEndpoint = uri;
      return this;
    }

    /**
     * Sets the token endpoint.
     *
     * @param uri the endpoint; not null
     * @return this builder
     */
    public Builder tokenEndpoint(URI uri) {
      this.tokenEndpoint = uri;
      return this;
    }

    /**
     * Sets the userinfo endpoint.
     *
     * @param uri the endpoint, or null to read the identity from the ID token alone
     * @return this builder
     */
    public Builder userInfoEndpoint(URI uri) {
      this.userInfoEndpoint = uri;
      return this;
    }

    /**
     * Sets the JSON Web Key Set URI.
     *
     * @param uri the URI; not null
     * @return this builder
     */
    public Builder jwksUri(URI uri) {
      this.jwksUri = uri;
      return this;
    }

    /**
     * Sets the end-session endpoint.
     *
     * @param uri the endpoint, or null when the provider has none
     * @return this builder
     */
    public Builder endSessionEndpoint(URI uri) {
      this.endSessionEndpoint = uri;
      return this;
    }

    /**
     * Sets the pushed authorization request endpoint.
     *
     * @param uri the endpoint, or null not to push authorization requests
     * @return this builder
     */
    public Builder pushedAuthorizationRequestEndpoint(URI uri) {
      this.pushedAuthorizationRequestEndpoint = uri;
      return this;
    }

    /**
     * Sets the audience of {@code private_key_jwt} client assertions.
     *
     * @param uri the audience, or null for the issuer
     * @return this builder
     */
    public Builder clientAssertionAudience(URI uri) {
      this.clientAssertionAudience = uri;
      return this;
    }

    /**
     * Replaces the ID-token signature algorithm allow-list.
     *
     * @param algorithms JWA names of asymmetric algorithms, such as {@code RS256}; not null
     * @return this builder
     */
    public Builder idTokenSigningAlgorithms(Set<String> algorithms) {
      this.idTokenSigningAlgorithms =
          new LinkedHashSet<>(Objects.requireNonNull(algorithms, "algorithms"));
      return this;
    }

    /**
     * Replaces the table of {@code acr} / {@code loAs} values.
     *
     * @param levels what each wire value means; not null
     * @return this builder
     */
    public Builder assuranceLevels(Map<String, AssuranceLevel> levels) {
      this.assuranceLevels = new LinkedHashMap<>(Objects.requireNonNull(levels, "levels"));
      return this;
    }

    /**
     * Sets the {@code acr_values} sent to request a level.
     *
     * @param level the level; not null
     * @param acrValue the wire value; not null
     * @return this builder
     */
    public Builder acrValue(AssuranceLevel level, String acrValue) {
      this.acrValues.put(
          Objects.requireNonNull(level, "level"), Objects.requireNonNull(acrValue, "acrValue"));
      return this;
    }

    /**
     * Sets the claim mapping.
     *
     * @param mapping the mapping; not null
     * @return this builder
     */
    public Builder claimMapping(ClaimMapping mapping) {
      this.claimMapping = Objects.requireNonNull(mapping, "mapping");
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     * @throws ConfigurationException when an endpoint is missing or not absolute, the algorithm
     *     list is empty or names a symmetric algorithm, or pushed requests are required without an
     *     endpoint
     */
    public VneidProfile build() {
      return new VneidProfile(this);
    }
  }
}
