package io.github.motcua.vneid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.vneid.internal.ClaimMapper;
import io.github.motcua.vneid.internal.ClientAuthenticator;
import io.github.motcua.vneid.internal.IdTokenValidator;
import io.github.motcua.vneid.internal.OkHttpResourceRetriever;
import io.github.motcua.vneid.internal.ProviderHttp;
import io.github.motcua.vneid.internal.Randoms;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs citizens in with a VNeID-style national identity provider: an OpenID Connect relying party
 * for the authorization-code flow with PKCE (RFC 7636), pushed authorization requests (RFC 9126)
 * when the provider offers them, and encrypted ID tokens when the client has a decryption key
 * (docs/domain.md §5; Decree 69/2024/NĐ-CP levels of electronic identity).
 *
 * <pre>{@code
 * VneidClient vneid = VneidClient.builder()
 *     .issuer(URI.create("https://sso.example.gov.vn"))
 *     .clientId("my-commune")
 *     .clientAuthentication(ClientAuthentication.clientSecretBasic(secret))
 *     .redirectUri(URI.create("https://mot-cua.example.vn/login/callback"))
 *     .build();
 * LoginRequest login = vneid.startLogin();          // keep login.serialize() in the session
 * // redirect the browser to login.authorizationUri(); the provider calls back:
 * CitizenLogin citizen = vneid.completeLogin(callbackUri, login);
 * }</pre>
 *
 * <p>Key sets are fetched with nimbus's {@link JWKSourceBuilder}: cached (5 minutes by default),
 * refreshed at most once per rate-limit window when a token names an unknown key id (after a key
 * rotation), and served from the last good copy during a key-set outage. The cache runs on the
 * system clock (nimbus's); the injected {@link Clock} drives every token time check.
 *
 * <p>Thread-safe; holds no static state. Build one client per provider and client registration and
 * share it. When built from an issuer URI, the provider's discovery document is read on first use
 * (and again on the next use if that failed).
 */
public final class VneidClient {

  private static final Logger LOG = LoggerFactory.getLogger(VneidClient.class);
  private static final int MAX_ANSWER_BYTES = 256 * 1024;

  private final URI discoveryIssuer;
  private final VneidProfile baseProfile;
  private final String clientId;
  private final ClientAuthentication clientAuthentication;
  private final URI redirectUri;
  private final List<String> scopes;
  private final AssuranceLevel requestedLevel;
  private final AssuranceLevel minimumLevel;
  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration clockSkew;
  private final Duration loginLifetime;
  private final JWK decryptionKey;
  private final int maxIdTokenLength;
  private final boolean pushAuthorizationRequests;
  private final Duration jwksCacheTimeToLive;
  private final Duration jwksRateLimit;
  private final Duration jwksOutageTolerance;
  private final ProviderHttp providerHttp;
  private final Randoms randoms = new Randoms();
  private final Object resolveLock = new Object();
  private volatile Provider provider;

  /** What is known about the provider once its endpoints are settled. */
  private record Provider(VneidProfile profile, IdTokenValidator validator) {}

  private VneidClient(Builder b) {
    if (b.issuer == null && b.profile == null) {
      throw new ConfigurationException(
          "config.provider",
          "Set the provider: issuer(URI) to read its discovery document, or profile(VneidProfile).");
    }
    if (b.clientId == null || b.clientId.isBlank()) {
      throw new ConfigurationException("config.client-id", "Set clientId(...).");
    }
    if (b.clientAuthentication == null) {
      throw new ConfigurationException(
          "config.client-authentication",
          "Set clientAuthentication(...): clientSecretBasic, clientSecretPost or privateKeyJwt.");
    }
    if (b.redirectUri == null || !b.redirectUri.isAbsolute()) {
      throw new ConfigurationException(
          "config.redirect-uri", "Set redirectUri(...) to the registered absolute callback URI.");
    }
    if (b.redirectUri.getFragment() != null) {
      throw new ConfigurationException(
          "config.redirect-uri", "A redirect URI must not have a fragment (RFC 6749 3.1.2).");
    }
    if (!b.scopes.contains("openid")) {
      throw new ConfigurationException("config.scopes", "The scopes must include 'openid'.");
    }
    if (b.clockSkew.isNegative() || b.clockSkew.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new ConfigurationException(
          "config.clock-skew", "The clock skew must be between 0 and 10 minutes.");
    }
    if (b.jwksRateLimit.compareTo(b.jwksCacheTimeToLive) >= 0) {
      throw new ConfigurationException(
          "config.jwks-rate-limit",
          "The key-set rate-limit window must be shorter than the cache TTL.");
    }
    this.discoveryIssuer = b.issuer;
    this.baseProfile = b.profile != null ? b.profile : VneidProfile.nationalSingleSignOn(b.issuer);
    this.clientId = b.clientId;
    this.clientAuthentication = b.clientAuthentication;
    this.redirectUri = b.redirectUri;
    this.scopes = List.copyOf(b.scopes);
    this.requestedLevel = b.requestedLevel;
    this.minimumLevel = b.minimumLevel;
    this.http = b.http != null ? b.http : new OkHttpClient();
    this.json = b.json != null ? b.json : new ObjectMapper();
    this.clock = b.clock;
    this.clockSkew = b.clockSkew;
    this.loginLifetime = b.loginLifetime;
    this.decryptionKey = b.decryptionKey;
    this.maxIdTokenLength = b.maxIdTokenLength;
    this.pushAuthorizationRequests = b.pushAuthorizationRequests;
    this.jwksCacheTimeToLive = b.jwksCacheTimeToLive;
    this.jwksRateLimit = b.jwksRateLimit;
    this.jwksOutageTolerance = b.jwksOutageTolerance;
    this.providerHttp = new ProviderHttp(http, json, MAX_ANSWER_BYTES);
    if (discoveryIssuer == null) {
      this.provider = settle(baseProfile);
    }
  }

  /** Refuses a client that cannot log in at a provider that accepts only pushed requests. */
  private void checkPushedRequests(VneidProfile profile) {
    if (profile.pushedAuthorizationRequestsRequired() && !pushAuthorizationRequests) {
      throw new ConfigurationException(
          "config.pushed-authorization-requests",
          "The provider accepts only pushed authorization requests"
              + " (require_pushed_authorization_requests), but pushAuthorizationRequests(false)"
              + " is set: every login would fail. Remove that setting.");
    }
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
   * Returns the profile in use: the configured one, or after discovery the discovered endpoints
   * over the configured mappings.
   *
   * @return the profile
   * @throws MotcuaException when discovery is needed and fails
   */
  public VneidProfile profile() {
    return provider().profile();
  }

  /**
   * Starts a login with the client's settings: see {@link #startLogin(LoginOptions)}.
   *
   * @return the login request
   * @throws MotcuaException when discovery or the pushed authorization request fails
   */
  public LoginRequest startLogin() {
    return startLogin(LoginOptions.none());
  }

  /**
   * Starts a login: generates {@code state}, {@code nonce} and a PKCE S256 verifier, pushes the
   * authorization request when the provider has a pushed-authorization endpoint, and returns the
   * URI to redirect the citizen's browser to.
   *
   * @param options the per-login options; not null
   * @return the login request; keep it (or its {@link LoginRequest#serialize()} form) server-side
   *     until the callback
   * @throws MotcuaException when discovery or the pushed authorization request fails
   */
  public LoginRequest startLogin(LoginOptions options) {
    Objects.requireNonNull(options, "options");
    Provider p = provider();
    String state = randoms.token(32);
    String nonce = randoms.token(32);
    String verifier = randoms.token(32);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("response_type", "code");
    params.put("client_id", clientId);
    params.put("redirect_uri", redirectUri.toString());
    params.put("scope", String.join(" ", scopes));
    params.put("state", state);
    params.put("nonce", nonce);
    params.put("code_challenge", Randoms.s256(verifier));
    params.put("code_challenge_method", "S256");
    AssuranceLevel level = options.assuranceLevel().orElse(requestedLevel);
    if (level != null) {
      params.put("acr_values", p.profile().acrValues().get(level));
    }
    options.prompt().ifPresent(v -> params.put("prompt", v));
    if (!options.uiLocales().isEmpty()) {
      params.put(
          "ui_locales",
          options.uiLocales().stream().map(Locale::toLanguageTag).collect(Collectors.joining(" ")));
    }
    options.loginHint().ifPresent(v -> params.put("login_hint", v));

    URI authorizationUri;
    URI par = p.profile().pushedAuthorizationRequestEndpoint().orElse(null);
    if (par != null && pushAuthorizationRequests) {
      Map<String, String> form = new LinkedHashMap<>(params);
      Map<String, String> headers = new HashMap<>();
      ClientAuthenticator.apply(
          clientAuthentication,
          clientId,
          p.profile().clientAssertionAudience(),
          clock,
          randoms,
          form,
          headers);
      JsonNode answer = providerHttp.post(par, form, headers, "par");
      String requestUri = answer.path("request_uri").asText(null);
      if (requestUri == null || requestUri.isBlank()) {
        throw new SecurityRefusalException(
            "par.response-invalid",
            "The pushed authorization request answer carries no request_uri.",
            null);
      }
      authorizationUri =
          withQuery(
              p.profile().authorizationEndpoint(),
              Map.of("client_id", clientId, "request_uri", requestUri));
    } else {
      authorizationUri = withQuery(p.profile().authorizationEndpoint(), params);
    }
    LOG.debug(
        "VNeID login started (pushed request: {}, level requested: {})",
        par != null && pushAuthorizationRequests,
        level);
    return new LoginRequest(
        state,
        nonce,
        verifier,
        redirectUri,
        authorizationUri,
        clock.instant().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Completes a login from the provider's redirect back to the redirect URI.
   *
   * <p>Checks, in order: the callback's {@code state} against the request's (constant time); the
   * {@code iss} parameter when present (RFC 9207); an {@code error} (then {@link
   * SecurityRefusalException}); the request's age; then exchanges the code with the PKCE verifier,
   * validates the ID token (decrypting it first when encrypted), fetches userinfo and checks its
   * {@code sub}, enforces the minimum assurance level and maps the claims.
   *
   * @param callback the full callback URI the browser arrived at, with its query; not null
   * @param request the login request this browser session started; not null
   * @return the completed login
   * @throws MotcuaException when the callback does not belong to the request
   * @throws SecurityRefusalException when the provider answered with an error
   * @throws MotcuaException when a call to the provider fails (including a code used twice: {@code
   *     token.rejected} with {@code invalid_grant})
   * @throws SecurityRefusalException when the ID token fails a check
   * @throws SecurityRefusalException when userinfo's subject differs from the ID token's
   * @throws SecurityRefusalException when the level is below the minimum
   * @throws InvalidInputException when a claim cannot be mapped
   */
  public CitizenLogin completeLogin(URI callback, LoginRequest request) {
    Objects.requireNonNull(callback, "callback");
    Objects.requireNonNull(request, "request");
    Provider p = provider();
    Map<String, String> query = query(callback);
    String state = query.get("state");
    if (state == null) {
      throw new InvalidInputException(
          "callback.state-missing", "The callback carries no state; restart the login.");
    }
    if (!IdTokenValidator.constantTimeEquals(state, request.state())) {
      throw new SecurityRefusalException(
          "callback.state-mismatch",
          "The callback's state is not the one of this login request: it belongs to another"
              + " login or was forged. Restart the login.");
    }
    String iss = query.get("iss");
    if (iss == null && p.profile().issuerParameterRequired()) {
      throw new InvalidInputException(
          "callback.issuer-missing",
          "The callback carries no iss parameter although the provider sends one (RFC 9207):"
              + " it was stripped on the way, which would disable the mix-up protection.");
    }
    if (iss != null && !iss.equals(p.profile().issuer().toString())) {
      throw new SecurityRefusalException(
          "callback.issuer-mismatch", "The callback comes from another issuer (iss parameter).");
    }
    String error = query.get("error");
    if (error != null) {
      String code = ProviderHttp.sanitise(error);
      LOG.info("VNeID login denied by the provider: {}", code);
      throw new SecurityRefusalException(
          "login.denied",
          "The provider ended the login with error '"
              + code
              + "'. The citizen may have cancelled; offer to start the login again.");
    }
    String code = query.get("code");
    if (code == null || code.isBlank()) {
      throw new InvalidInputException(
          "callback.code-missing", "The callback carries neither a code nor an error.");
    }
    if (clock.instant().isAfter(request.createdAt().plus(loginLifetime))) {
      throw new InvalidInputException(
          "callback.request-expired",
          "The login was started more than " + loginLifetime + " ago; restart the login.");
    }
    if (!request.redirectUri().equals(redirectUri)) {
      throw new InvalidInputException(
          "callback.redirect-uri",
          "The login request was started with another redirect URI than this client's.");
    }

    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri.toString());
    form.put("code_verifier", request.codeVerifier());
    JsonNode tokens = tokenRequest(p, form, "token");
    String accessToken = accessToken(tokens, "token");
    String idToken = tokens.path("id_token").asText(null);
    JWTClaimsSet idClaims = p.validator().validate(idToken, request.nonce(), accessToken);

    Map<String, Object> claims = new LinkedHashMap<>(idClaims.toJSONObject());
    URI userInfo = p.profile().userInfoEndpoint().orElse(null);
    if (userInfo != null) {
      JsonNode info = providerHttp.get(userInfo, accessToken, "userinfo");
      String sub = info.path("sub").asText(null);
      if (sub == null || !IdTokenValidator.constantTimeEquals(sub, idClaims.getSubject())) {
        throw new SecurityRefusalException(
            "userinfo.subject-mismatch",
            "The userinfo answer describes another subject than the ID token; the claims are"
                + " not used.");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> infoClaims = json.convertValue(info, Map.class);
      claims.putAll(infoClaims);
    }
    AssuranceLevel level =
        ClaimMapper.assuranceLevel(idClaims.getClaim("acr"), claims, p.profile());
    ClaimMapper.requireLevel(level, minimumLevel);
    CitizenIdentity identity =
        ClaimMapper.map(idClaims.getSubject(), claims, level, p.profile().claimMapping(), clock);
    LOG.debug(
        "VNeID login completed: {} account at {}",
        identity.accountKind(),
        identity.assuranceLevel());
    return new CitizenLogin(
        identity,
        accessToken,
        tokens.path("refresh_token").asText(null),
        idToken,
        expiresAt(tokens));
  }

  /**
   * Refreshes a login's tokens with its refresh token. When the provider returns a new ID token it
   * is validated and must name the same subject (OpenID Connect Core 12.2); the identity is kept.
   *
   * @param login the login to refresh; not null
   * @return the login with new tokens
   * @throws MotcuaException {@code refresh.unavailable} when the login has no refresh token
   * @throws MotcuaException when the provider refuses ({@code refresh.rejected})
   * @throws SecurityRefusalException when a new ID token fails a check
   */
  public CitizenLogin refresh(CitizenLogin login) {
    Objects.requireNonNull(login, "login");
    Provider p = provider();
    String refreshToken =
        login
            .refreshToken()
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "refresh.unavailable",
                        "The provider issued no refresh token for this login; log in again."));
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", refreshToken);
    JsonNode tokens = tokenRequest(p, form, "refresh");
    String accessToken = accessToken(tokens, "refresh");
    String idToken = tokens.path("id_token").asText(null);
    if (idToken != null) {
      JWTClaimsSet claims = p.validator().validate(idToken, null, accessToken);
      if (!claims.getSubject().equals(login.identity().subject())) {
        throw new SecurityRefusalException(
            "id-token.subject-changed", "The refreshed ID token names another subject.");
      }
    }
    LOG.debug("VNeID tokens refreshed");
    return new CitizenLogin(
        login.identity(),
        accessToken,
        tokens.path("refresh_token").asText(refreshToken),
        idToken != null ? idToken : login.idToken(),
        expiresAt(tokens));
  }

  /**
   * Returns the provider's end-session URI for a login (OpenID Connect RP-Initiated Logout 1.0), to
   * redirect the browser to after ending the local session.
   *
   * @param login the login to end; not null
   * @param postLogoutRedirect where the provider sends the browser afterwards (registered with the
   *     provider), or null for the provider's default
   * @return the URI
   * @throws ConfigurationException {@code config.end-session-endpoint} when the provider has no
   *     end-session endpoint
   */
  public URI logoutUri(CitizenLogin login, URI postLogoutRedirect) {
    Objects.requireNonNull(login, "login");
    URI endSession =
        provider()
            .profile()
            .endSessionEndpoint()
            .orElseThrow(
                () ->
                    new ConfigurationException(
                        "config.end-session-endpoint",
                        "The provider has no end-session endpoint."));
    Map<String, String> params = new LinkedHashMap<>();
    params.put("id_token_hint", login.idToken());
    params.put("client_id", clientId);
    if (postLogoutRedirect != null) {
      params.put("post_logout_redirect_uri", postLogoutRedirect.toString());
    }
    return withQuery(endSession, params);
  }

  private JsonNode tokenRequest(Provider p, Map<String, String> form, String what) {
    Map<String, String> headers = new HashMap<>();
    ClientAuthenticator.apply(
        clientAuthentication,
        clientId,
        p.profile().clientAssertionAudience(),
        clock,
        randoms,
        form,
        headers);
    return providerHttp.post(p.profile().tokenEndpoint(), form, headers, what);
  }

  private static String accessToken(JsonNode tokens, String what) {
    String accessToken = tokens.path("access_token").asText(null);
    String type = tokens.path("token_type").asText("");
    if (accessToken == null || accessToken.isBlank() || !type.equalsIgnoreCase("Bearer")) {
      throw new SecurityRefusalException(
          what + ".response-invalid",
          "The token answer lacks an access_token of token_type Bearer.",
          null);
    }
    return accessToken;
  }

  private Instant expiresAt(JsonNode tokens) {
    JsonNode expiresIn = tokens.path("expires_in");
    return expiresIn.canConvertToLong() && expiresIn.asLong() > 0
        ? clock.instant().plusSeconds(expiresIn.asLong())
        : null;
  }

  private Provider provider() {
    Provider p = provider;
    if (p != null) {
      return p;
    }
    synchronized (resolveLock) {
      if (provider == null) {
        provider = settle(discover());
      }
      return provider;
    }
  }

  private VneidProfile discover() {
    String base = discoveryIssuer.toString().replaceAll("/+$", "");
    URI uri = URI.create(base + "/.well-known/openid-configuration");
    JsonNode doc;
    try {
      doc = providerHttp.get(uri, null, "discovery");
    } catch (MotcuaException e) {
      String code = e.code().startsWith("provider.") ? e.code() : "provider.discovery";
      String message = "The provider's discovery document cannot be read: " + e.getMessage();
      if (e instanceof RetryLaterException) {
        throw new RetryLaterException(code, message, e);
      }
      throw new ConfigurationException(code, message, e);
    }
    String issuer = doc.path("issuer").asText(null);
    if (!discoveryIssuer.toString().equals(issuer)) {
      throw new ConfigurationException(
          "provider.discovery",
          "The discovery document names issuer '"
              + issuer
              + "', not the configured "
              + discoveryIssuer
              + " (OpenID Connect Discovery 4.3).",
          null);
    }
    VneidProfile.Builder b = baseProfile.toBuilder().issuer(discoveryIssuer);
    // Every endpoint is read the same way: the discovered value, or none when the document has
    // none (never the default profile's guess); a value that is not an absolute URI is refused.
    b.authorizationEndpoint(endpoint(doc, "authorization_endpoint", true));
    b.tokenEndpoint(endpoint(doc, "token_endpoint", true));
    b.jwksUri(endpoint(doc, "jwks_uri", true));
    b.userInfoEndpoint(endpoint(doc, "userinfo_endpoint", false));
    b.endSessionEndpoint(endpoint(doc, "end_session_endpoint", false));
    URI par = endpoint(doc, "pushed_authorization_request_endpoint", false);
    b.pushedAuthorizationRequestEndpoint(par);
    boolean parRequired = flag(doc, "require_pushed_authorization_requests");
    if (parRequired && par == null) {
      throw new ConfigurationException(
          "provider.discovery",
          "The discovery document requires pushed authorization requests but names no"
              + " pushed_authorization_request_endpoint.",
          null);
    }
    b.pushedAuthorizationRequestsRequired(
        parRequired || baseProfile.pushedAuthorizationRequestsRequired());
    // RFC 9207 section 3: a provider that advertises the parameter must send it; a profile may
    // also require it of a provider that sends it without advertising it.
    b.issuerParameterRequired(
        flag(doc, "authorization_response_iss_parameter_supported")
            || baseProfile.issuerParameterRequired());
    LOG.debug(
        "VNeID provider discovered (pushed requests offered: {}, required: {})",
        par != null,
        parRequired);
    try {
      return b.build();
    } catch (ConfigurationException e) {
      throw new ConfigurationException(
          "provider.discovery",
          "The discovery document does not make a usable profile: " + e.getMessage(),
          e);
    }
  }

  /** Reads a boolean metadata value: absent or null is false, anything but a boolean is refused. */
  private static boolean flag(JsonNode doc, String name) {
    JsonNode value = doc.get(name);
    if (value == null || value.isNull()) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new ConfigurationException(
          "provider.discovery",
          "The discovery document's " + name + " is not true or false.",
          null);
    }
    return value.booleanValue();
  }

  private static URI endpoint(JsonNode doc, String name, boolean required) {
    JsonNode value = doc.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        throw new ConfigurationException(
            "provider.discovery", "The discovery document lacks " + name + ".", null);
      }
      return null;
    }
    String text = value.isTextual() ? value.textValue() : null;
    try {
      if (text == null) {
        throw new URISyntaxException(String.valueOf(value.getNodeType()), "not a string");
      }
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (!uri.isAbsolute()
          || uri.getHost() == null
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
          || uri.getFragment() != null) {
        throw new URISyntaxException(text, "not an absolute http(s) URI without fragment");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigurationException(
          "provider.discovery",
          "The discovery document's "
              + name
              + " is not an absolute http(s) URI without a fragment.",
          null);
    }
  }

  private Provider settle(VneidProfile profile) {
    checkPushedRequests(profile);
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  profile.jwksUri().toURL(), new OkHttpResourceRetriever(http, MAX_ANSWER_BYTES))
              .cache(jwksCacheTimeToLive.toMillis(), Duration.ofSeconds(15).toMillis())
              .refreshAheadCache(false)
              .rateLimited(jwksRateLimit.toMillis())
              .outageTolerant(jwksOutageTolerance.toMillis())
              .build();
    } catch (MalformedURLException e) {
      throw new ConfigurationException("config.jwks-uri", "The JWKS URI is not a URL.");
    }
    Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    profile.idTokenSigningAlgorithms().forEach(a -> algorithms.add(JWSAlgorithm.parse(a)));
    IdTokenValidator validator =
        new IdTokenValidator(
            profile.issuer().toString(),
            clientId,
            algorithms,
            keys,
            decryptionKey,
            clock,
            clockSkew,
            maxIdTokenLength);
    return new Provider(profile, validator);
  }

  private static URI withQuery(URI endpoint, Map<String, String> params) {
    HttpUrl url = HttpUrl.get(endpoint.toString());
    HttpUrl.Builder b = url.newBuilder();
    params.forEach(b::addQueryParameter);
    return b.build().uri();
  }

  /**
   * Reads the callback's query with OkHttp's {@link HttpUrl} (percent-decoding, {@code +} as a
   * space, names decoded before they are compared). Refused as {@code callback.malformed}: a {@code
   * %} not followed by two hex digits, and any parameter that appears twice, however its name is
   * encoded (RFC 6749 3.1: parameters must not repeat; a second {@code state} or {@code code} is an
   * injection attempt), with the parameter named in the message. Empty pairs ({@code a=1&&b=2}) are
   * ignored.
   */
  static Map<String, String> query(URI callback) {
    String raw = callback.getRawQuery();
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    HttpUrl parsed =
        new HttpUrl.Builder().scheme("https").host("callback.invalid").encodedQuery(raw).build();
    for (String name : parsed.queryParameterNames()) {
      if (name.isEmpty()) {
        continue;
      }
      List<String> values = parsed.queryParameterValues(name);
      if (values.size() > 1) {
        throw new InvalidInputException(
            "callback.malformed",
            "The callback repeats parameter '" + ProviderHttp.sanitise(name) + "'.");
      }
      String value = values.get(0);
      out.put(name, value == null ? "" : value);
    }
    return out;
  }

  /**
   * Builds a {@link VneidClient}. Required: the provider ({@link #issuer(URI)} or {@link
   * #profile(VneidProfile)}), {@link #clientId(String)}, {@link
   * #clientAuthentication(ClientAuthentication)} and {@link #redirectUri(URI)}. Not thread-safe.
   */
  public static final class Builder {
    private URI issuer;
    private VneidProfile profile;
    private String clientId;
    private ClientAuthentication clientAuthentication;
    private URI redirectUri;
    private List<String> scopes = new ArrayList<>(List.of("openid"));
    private AssuranceLevel requestedLevel = AssuranceLevel.LEVEL_1;
    private AssuranceLevel minimumLevel = AssuranceLevel.LEVEL_1;
    private OkHttpClient http;
    private ObjectMapper json;
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofSeconds(60);
    private Duration loginLifetime = Duration.ofMinutes(10);
    private JWK decryptionKey;
    private int maxIdTokenLength = 32 * 1024;
    private boolean pushAuthorizationRequests = true;
    private Duration jwksCacheTimeToLive = Duration.ofMinutes(5);
    private Duration jwksRateLimit = Duration.ofSeconds(30);
    private Duration jwksOutageTolerance = Duration.ofHours(1);

    private Builder() {}

    /**
     * Reads the provider's endpoints from its discovery document ({@code
     * {issuer}/.well-known/openid-configuration}) on first use. The mappings come from {@link
     * #profile(VneidProfile)} when also set, else from the default profile.
     *
     * @param issuer the issuer identifier, exactly as in the provider's ID tokens
     * @return this builder
     */
    public Builder issuer(URI issuer) {
      this.issuer = issuer;
      return this;
    }

    /**
     * Sets the provider's profile: endpoints, algorithms, level values and claim names.
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(VneidProfile profile) {
      this.profile = profile;
      return this;
    }

    /**
     * Sets the client id issued at registration.
     *
     * @param clientId the client id
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * Sets how the client authenticates at the token endpoint.
     *
     * @param authentication the authentication
     * @return this builder
     */
    public Builder clientAuthentication(ClientAuthentication authentication) {
      this.clientAuthentication = authentication;
      return this;
    }

    /**
     * Sets the registered redirect URI the provider sends the browser back to.
     *
     * @param redirectUri the absolute URI
     * @return this builder
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * Sets the scopes to request; must include {@code openid}.
     *
     * @param scopes the scopes; default {@code openid}
     * @return this builder
     */
    public Builder scopes(List<String> scopes) {
      this.scopes = new ArrayList<>(Objects.requireNonNull(scopes, "scopes"));
      return this;
    }

    /**
     * Sets the assurance level requested through {@code acr_values}.
     *
     * @param level the level, or null to send no {@code acr_values}; default level 1
     * @return this builder
     */
    public Builder requestedAssuranceLevel(AssuranceLevel level) {
      this.requestedLevel = level;
      return this;
    }

    /**
     * Sets the lowest assurance level a completed login may have.
     *
     * @param level the level; default level 1 (a login must state a known level)
     * @return this builder
     */
    public Builder minimumAssuranceLevel(AssuranceLevel level) {
      this.minimumLevel = Objects.requireNonNull(level, "level");
      return this;
    }

    /**
     * Sets the HTTP client (timeouts, proxy, TLS, connection pool).
     *
     * @param http the client; default a new {@link OkHttpClient}
     * @return this builder
     */
    public Builder httpClient(OkHttpClient http) {
      this.http = http;
      return this;
    }

    /**
     * Sets the JSON mapper used to read the provider's answers.
     *
     * @param json the mapper; default a new {@link ObjectMapper}
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper json) {
      this.json = json;
      return this;
    }

    /**
     * Sets the clock for token time checks, login lifetimes and client assertions.
     *
     * @param clock the clock; default {@link Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the tolerated difference between the provider's clock and this one.
     *
     * @param skew the skew; default 60 seconds, at most 10 minutes
     * @return this builder
     */
    public Builder clockSkew(Duration skew) {
      this.clockSkew = Objects.requireNonNull(skew, "skew");
      return this;
    }

    /**
     * Sets how long a started login may take before its callback is refused.
     *
     * @param lifetime the lifetime; default 10 minutes
     * @return this builder
     */
    public Builder loginLifetime(Duration lifetime) {
      this.loginLifetime = Objects.requireNonNull(lifetime, "lifetime");
      return this;
    }

    /**
     * Sets the client's private key for encrypted ID tokens (RSA for {@code RSA-OAEP-256}, EC for
     * {@code ECDH-ES}). With a key set, unencrypted ID tokens are refused.
     *
     * @param key the private RSA or EC key, or null for signed-only ID tokens
     * @return this builder
     */
    public Builder idTokenDecryptionKey(JWK key) {
      this.decryptionKey = key;
      return this;
    }

    /**
     * Sets the largest ID token accepted, to bound the work a hostile provider can cause.
     *
     * @param characters the limit; default 32768
     * @return this builder
     */
    public Builder maxIdTokenLength(int characters) {
      this.maxIdTokenLength = characters;
      return this;
    }

    /**
     * Sets whether to push authorization requests when the provider offers it. Switching it off for
     * a provider that requires pushed requests ({@link
     * VneidProfile#pushedAuthorizationRequestsRequired()}) is a configuration error: {@link
     * #build()} throws it for a configured profile, the first use (discovery) for an issuer.
     *
     * @param push true to push when offered; default true
     * @return this builder
     */
    public Builder pushAuthorizationRequests(boolean push) {
      this.pushAuthorizationRequests = push;
      return this;
    }

    /**
     * Sets how long a fetched key set is used before it is fetched again.
     *
     * @param ttl the time to live; default 5 minutes
     * @return this builder
     */
    public Builder jwksCacheTimeToLive(Duration ttl) {
      this.jwksCacheTimeToLive = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Sets the rate-limit window of key-set fetches: at most one refresh for unknown key ids per
     * window, after the fetch that opened it.
     *
     * @param window the window; default 30 seconds, shorter than the cache TTL
     * @return this builder
     */
    public Builder jwksRateLimit(Duration window) {
      this.jwksRateLimit = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * Sets how long the last good key set keeps being used while the key-set endpoint is down.
     *
     * @param tolerance the duration; default 1 hour
     * @return this builder
     */
    public Builder jwksOutageTolerance(Duration tolerance) {
      this.jwksOutageTolerance = Objects.requireNonNull(tolerance, "tolerance");
      return this;
    }

    /**
     * Builds the client. Does no network call: discovery happens on first use.
     *
     * @return the client
     * @throws ConfigurationException when a required setting is missing or invalid, or (code {@code
     *     config.pushed-authorization-requests}) pushed requests are switched off for a profile
     *     that requires them
     */
    public VneidClient build() {
      return new VneidClient(this);
    }
  }
}
