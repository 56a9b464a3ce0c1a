package io.github.motcua.testkit.internal.vneid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHEncrypter;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.motcua.testkit.VneidMisbehaviour;
import io.github.motcua.testkit.VneidPersona;
import io.github.motcua.testkit.internal.pki.DeterministicKeys;
import io.github.motcua.testkit.internal.portal.FakeServer.FakeReply;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The OpenID provider behind {@code VneidFake}: a WireMock response transformer that answers every
 * endpoint from the fake's state. All state changes hold the instance lock; one instance per fake.
 */
public final class FakeOidcProvider implements ResponseDefinitionTransformerV2 {

  /** Paths of the endpoints, under the base URL. */
  public static final String AUTHORIZE = "/oauth2/authorize";

  /** Token endpoint path. */
  public static final String TOKEN = "/oauth2/token";

  /** Userinfo endpoint path. */
  public static final String USERINFO = "/oauth2/userinfo";

  /** Key set path. */
  public static final String JWKS = "/oauth2/jwks";

  /** End-session endpoint path. */
  public static final String LOGOUT = "/oauth2/logout";

  /** Pushed authorization request endpoint path. */
  public static final String PAR = "/oauth2/par";

  /** Discovery document path. */
  public static final String DISCOVERY = "/.well-known/openid-configuration";

  private static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

  private final String name;
  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final URI postLogoutRedirectUri;
  private final JWSAlgorithm algorithm;
  private final Clock clock;
  private final Duration slowDelay;
  private final SecureRandom random;
  private final long seed;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger jwksFetches = new AtomicInteger();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger endedSessions = new AtomicInteger();

  private URI issuer;
  private boolean advertisePar;
  private boolean requirePar;
  private boolean advertiseIss = true;
  private JWK signingKey;
  private JWK previousKey;
  private JWK unpublishedKey;
  private final List<JWK> foreignKeys = new ArrayList<>();
  private int keyCounter;
  private JWK clientKey;
  private JWK encryptionKey;
  private VneidPersona persona = VneidPersona.NGUYEN_VAN_AN;
  private String denial;
  private Function<JWTClaimsSet, String> externalSigner;
  private final Set<VneidMisbehaviour> misbehaviours = EnumSet.noneOf(VneidMisbehaviour.class);
  private final Map<String, Grant> codes = new HashMap<>();
  private final Map<String, Map<String, String>> pushed = new HashMap<>();
  private final Map<String, Grant> accessTokens = new HashMap<>();
  private final Map<String, Grant> refreshTokens = new HashMap<>();
  private final Set<String> usedAssertionIds = new HashSet<>();

  /** What a code, access token or refresh token stands for. */
  private record Grant(
      VneidPersona persona,
      String redirectUri,
      String codeChallenge,
      String nonce,
      String scope,
      Instant authTime,
      Instant expiresAt) {}

  /**
   * Creates the provider.
   *
   * @param name the extension name, unique per fake
   * @param clientId the registered client id
   * @param clientSecret the registered client secret
   * @param redirectUri the registered redirect URI
   * @param postLogoutRedirectUri the registered post-logout redirect URI
   * @param algorithm the ID-token signature algorithm (RS256, PS256 or ES256)
   * @param clock the clock for token times
   * @param slowDelay the delay of the slow token endpoint
   * @param seed the seed of keys, codes and tokens
   */
  public FakeOidcProvider(
      String name,
      String clientId,
      String clientSecret,
      URI redirectUri,
      URI postLogoutRedirectUri,
      JWSAlgorithm algorithm,
      Clock clock,
      Duration slowDelay,
      long seed) {
    this.name = name;
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.redirectUri = redirectUri;
    this.postLogoutRedirectUri = postLogoutRedirectUri;
    this.algorithm = algorithm;
    this.clock = clock;
    this.slowDelay = slowDelay;
    try {
      // SHA1PRNG seeded before first use is deterministic: the same seed gives the same keys.
      this.random = SecureRandom.getInstance("SHA1PRNG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is in every Java runtime", e);
    }
    random.setSeed(seed);
    this.seed = seed;
    this.signingKey = newKey("vneid-fake-key-" + (++keyCounter));
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  /**
   * Sets the issuer once the server's port is known.
   *
   * @param issuer the issuer
   */
  public synchronized void issuer(URI issuer) {
    this.issuer = issuer;
  }

  /**
   * Returns the issuer.
   *
   * @return the issuer
   */
  public synchronized URI issuer() {
    return issuer;
  }

  private JWK newKey(String kid) {
    // Derived from the seed and the key id, and generated once per JVM: a fake started again with
    // the same seed (each test class starts its own) signs with the same key without generating
    // an RSA key again.
    String label = "vneid-fake:" + seed + ":" + kid;
    if (JWSAlgorithm.Family.EC.contains(algorithm)) {
      KeyPair pair = DeterministicKeys.ec(label, "P-256");
      return new ECKey.Builder(Curve.P_256, (ECPublicKey) pair.getPublic())
          .privateKey(pair.getPrivate())
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(algorithm)
          .build();
    }
    KeyPair pair = DeterministicKeys.rsa(label, 2048);
    return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
        .privateKey(pair.getPrivate())
        .keyID(kid)
        .keyUse(KeyUse.SIGNATURE)
        .algorithm(algorithm)
        .build();
  }

  private String random(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  // ---- settings, called by VneidFake ------------------------------------------------------------

  /**
   * Advertises and accepts pushed authorization requests.
   *
   * @param advertise whether discovery lists the endpoint
   * @param require whether the authorize endpoint refuses requests that were not pushed
   */
  public synchronized void pushedAuthorizationRequests(boolean advertise, boolean require) {
    this.advertisePar = advertise;
    this.requirePar = require;
  }

  /**
   * Sets whether discovery advertises {@code authorization_response_iss_parameter_supported} (RFC
   * 9207); callbacks carry {@code iss} either way unless stripped.
   *
   * @param advertise whether to advertise it
   */
  public synchronized void advertiseIssParameter(boolean advertise) {
    this.advertiseIss = advertise;
  }

  /**
   * Sets the persona of the next logins.
   *
   * @param persona the persona
   */
  public synchronized void persona(VneidPersona persona) {
    this.persona = persona;
  }

  /**
   * Makes the authorize endpoint answer an error, or null to consent again.
   *
   * @param error the OAuth error code
   */
  public synchronized void deny(String error) {
    this.denial = error;
  }

  /**
   * Adds misbehaviours.
   *
   * @param m the misbehaviours
   */
  public synchronized void misbehave(VneidMisbehaviour... m) {
    misbehaviours.addAll(Arrays.asList(m));
    if (misbehaviours.contains(VneidMisbehaviour.UNKNOWN_KEY_ID) && unpublishedKey == null) {
      // Generated here, not while answering, so that the token endpoint stays fast.
      unpublishedKey = newKey("unpublished-key-" + random(6));
    }
  }

  /** Clears misbehaviours, denial, the external signer and restores the default persona. */
  public synchronized void behave() {
    misbehaviours.clear();
    denial = null;
    externalSigner = null;
    persona = VneidPersona.NGUYEN_VAN_AN;
  }

  /** Replaces the signing key; the previous one stays published until the next rotation. */
  public synchronized void rotate() {
    previousKey = signingKey;
    signingKey = newKey("vneid-fake-key-" + (++keyCounter));
  }

  /**
   * Returns the current signing key id.
   *
   * @return the kid
   */
  public synchronized String currentKeyId() {
    return signingKey.getKeyID();
  }

  /**
   * Registers the client's public key for {@code private_key_jwt}.
   *
   * @param key the public key
   */
  public synchronized void clientKey(JWK key) {
    this.clientKey = key == null ? null : key.toPublicJWK();
  }

  /**
   * Sets the client's public key to encrypt ID tokens to, or null for signed-only tokens.
   *
   * @param key the public key
   */
  public synchronized void encryptTo(JWK key) {
    this.encryptionKey = key == null ? null : key.toPublicJWK();
  }

  /**
   * Publishes an extra public key in the key set.
   *
   * @param key the key
   */
  public synchronized void publish(JWK key) {
    foreignKeys.add(key.toPublicJWK());
  }

  /**
   * Lets another implementation sign ID tokens from the claims the fake would have signed.
   *
   * @param signer the signer, or null for the fake's own signing
   */
  public synchronized void externalSigner(Function<JWTClaimsSet, String> signer) {
    this.externalSigner = signer;
  }

  /**
   * Returns the public key set as JSON.
   *
   * @return the JWKS document
   */
  public synchronized String publicJwks() {
    List<JWK> keys = new ArrayList<>();
    keys.add(signingKey.toPublicJWK());
    if (previousKey != null) {
      keys.add(previousKey.toPublicJWK());
    }
    keys.addAll(foreignKeys);
    return new JWKSet(keys).toString(true);
  }

  /**
   * Returns how many times the key set was requested.
   *
   * @return the count
   */
  public int jwksFetches() {
    return jwksFetches.get();
  }

  /**
   * Returns how many token requests arrived.
   *
   * @return the count
   */
  public int tokenRequests() {
    return tokenRequests.get();
  }

  /**
   * Returns how many sessions the end-session endpoint ended.
   *
   * @return the count
   */
  public int endedSessions() {
    return endedSessions.get();
  }

  // ---- HTTP
  // --------------------------------------------------------------------------------------

  @Override
  public ResponseDefinition transform(ServeEvent event) {
    Request request = event.getRequest();
    String path = URI.create(request.getUrl()).getPath();
    try {
      return switch (path) {
        case DISCOVERY -> discovery();
        case JWKS -> jwks();
        case AUTHORIZE -> authorize(request);
        case PAR -> par(request);
        case TOKEN -> token(request);
        case USERINFO -> userinfo(request);
        case LOGOUT -> logout(request);
        default -> notFound(request);
      };
    } catch (RuntimeException e) {
      return json(500, Map.of("error", "server_error"));
    }
  }

  private synchronized ResponseDefinition discovery() {
    Map<String, Object> doc = new LinkedHashMap<>();
    String base = issuer.toString();
    doc.put("issuer", base);
    doc.put("authorization_endpoint", base + AUTHORIZE);
    doc.put("token_endpoint", base + TOKEN);
    doc.put("userinfo_endpoint", base + USERINFO);
    doc.put("jwks_uri", base + JWKS);
    doc.put("end_session_endpoint", base + LOGOUT);
    if (advertisePar) {
      doc.put("pushed_authorization_request_endpoint", base + PAR);
      doc.put("require_pushed_authorization_requests", requirePar);
    }
    doc.put("response_types_supported", List.of("code"));
    doc.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
    doc.put("subject_types_supported", List.of("public"));
    doc.put("id_token_signing_alg_values_supported", List.of(algorithm.getName()));
    doc.put("id_token_encryption_alg_values_supported", List.of("RSA-OAEP-256", "ECDH-ES"));
    doc.put("id_token_encryption_enc_values_supported", List.of("A256GCM"));
    doc.put(
        "token_endpoint_auth_methods_supported",
        List.of("client_secret_basic", "client_secret_post", "private_key_jwt"));
    doc.put("code_challenge_methods_supported", List.of("S256"));
    doc.put("scopes_supported", List.of("openid", "profile"));
    doc.put("acr_values_supported", List.of("LoA1", "LoA2"));
    if (advertiseIss) {
      doc.put("authorization_response_iss_parameter_supported", true);
    }
    doc.put(
        "claims_supported",
        List.of(
            "sub",
            "SoDinhDanh",
            "HoVaTen",
            "NgayThangNamSinh",
            "GioiTinh",
            "SoDienThoai",
            "ThuDienTu",
            "MaSoThue",
            "LoaiTaiKhoan",
            "MaSoDoanhNghiep",
            "TenDoanhNghiep",
            "SoCMND",
            "TechID",
            "loAs"));
    return json(200, doc);
  }

  private ResponseDefinition jwks() {
    jwksFetches.incrementAndGet();
    synchronized (this) {
      if (misbehaviours.contains(VneidMisbehaviour.JWKS_DOWN)) {
        return new ResponseDefinitionBuilder()
            .withStatus(503)
            .withBody("Service Unavailable")
            .build();
      }
    }
    return new ResponseDefinitionBuilder()
        .withStatus(200)
        .withHeader("Content-Type", "application/jwk-set+json")
        .withBody(publicJwks())
        .build();
  }

  private synchronized ResponseDefinition authorize(Request request) {
    Map<String, String> params = Forms.parse(URI.create(request.getUrl()).getRawQuery());
    if (params == null) {
      return json(400, Map.of("error", "invalid_request"));
    }
    if (params.containsKey("request_uri")) {
      Map<String, String> pushedParams = pushed.remove(params.get("request_uri"));
      if (pushedParams == null || !clientId.equals(params.get("client_id"))) {
        return json(400, Map.of("error", "invalid_request_uri"));
      }
      params = pushedParams;
    } else if (requirePar) {
      return redirectError(params, "invalid_request");
    }
    if (!clientId.equals(params.get("client_id"))) {
      return json(400, Map.of("error", "unauthorized_client"));
    }
    if (!redirectUri.toString().equals(params.get("redirect_uri"))) {
      // RFC 6749 4.1.2.1: never redirect to an unregistered URI.
      return json(400, Map.of("error", "invalid_request", "error_description", "redirect_uri"));
    }
    if (!"code".equals(params.get("response_type"))) {
      return redirectError(params, "unsupported_response_type");
    }
    String scope = params.getOrDefault("scope", "");
    if (!Arrays.asList(scope.split(" ")).contains("openid")) {
      return redirectError(params, "invalid_scope");
    }
    if (!"S256".equals(params.get("code_challenge_method"))
        || params.getOrDefault("code_challenge", "").length() != 43
        || params.get("nonce") == null
        || params.get("state") == null) {
      return redirectError(params, "invalid_request");
    }
    if (denial != null) {
      return redirectError(params, denial);
    }
    String code = random(32);
    Instant now = clock.instant();
    codes.put(
        code,
        new Grant(
            persona,
            params.get("redirect_uri"),
            params.get("code_challenge"),
            params.get("nonce"),
            scope,
            now,
            now.plus(CODE_LIFETIME)));
    Map<String, String> answer = new LinkedHashMap<>();
    answer.put("code", code);
    answer.put("state", params.get("state"));
    if (!misbehaviours.contains(VneidMisbehaviour.ISS_STRIPPED)) {
      answer.put("iss", issuer.toString());
    }
    return redirect(params.get("redirect_uri"), answer);
  }

  private ResponseDefinition redirectError(Map<String, String> params, String error) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("error", error);
    if (params.get("state") != null) {
      out.put("state", params.get("state"));
    }
    if (!misbehaviours.contains(VneidMisbehaviour.ISS_STRIPPED)) {
      out.put("iss", issuer.toString());
    }
    return redirect(params.get("redirect_uri"), out);
  }

  private synchronized ResponseDefinition par(Request request) {
    if (!advertisePar) {
      return notFound(request);
    }
    Map<String, String> form = Forms.parse(request.getBodyAsString());
    if (form == null
        || request.getMethod() == null
        || !"POST".equals(request.getMethod().value())) {
      return json(400, Map.of("error", "invalid_request"));
    }
    String authError = authenticate(request, form);
    if (authError != null) {
      return json(401, Map.of("error", authError));
    }
    if (form.containsKey("request_uri")) {
      return json(400, Map.of("error", "invalid_request"));
    }
    form.remove("client_assertion");
    form.remove("client_assertion_type");
    form.remove("client_secret");
    form.put("client_id", clientId);
    String requestUri = "urn:ietf:params:oauth:request_uri:" + random(24);
    pushed.put(requestUri, form);
    return json(201, Map.of("request_uri", requestUri, "expires_in", 60));
  }

  private ResponseDefinition token(Request request) {
    tokenRequests.incrementAndGet();
    ResponseDefinition answer = tokenAnswer(request);
    synchronized (this) {
      if (misbehaviours.contains(VneidMisbehaviour.SLOW_TOKEN_ENDPOINT)) {
        return ResponseDefinitionBuilder.like(answer)
            .withFixedDelay((int) slowDelay.toMillis())
            .build();
      }
    }
    return answer;
  }

  private synchronized ResponseDefinition tokenAnswer(Request request) {
    Map<String, String> form = Forms.parse(request.getBodyAsString());
    if (form == null || !"POST".equals(request.getMethod().value())) {
      return json(400, Map.of("error", "invalid_request"));
    }
    String authError = authenticate(request, form);
    if (authError != null) {
      return json(401, Map.of("error", authError));
    }
    String grantType = form.getOrDefault("grant_type", "");
    Instant now = clock.instant();
    if (grantType.equals("authorization_code")) {
      // Single use: removed before any other check, so a replay always fails.
      Grant grant = codes.remove(form.getOrDefault("code", ""));
      if (grant == null || now.isAfter(grant.expiresAt())) {
        return json(400, Map.of("error", "invalid_grant"));
      }
      if (!grant.redirectUri().equals(form.get("redirect_uri"))) {
        return json(400, Map.of("error", "invalid_grant"));
      }
      String verifier = form.getOrDefault("code_verifier", "");
      if (verifier.length() < 43
          || verifier.length() > 128
          || !s256(verifier).equals(grant.codeChallenge())) {
        return json(400, Map.of("error", "invalid_grant", "error_description", "PKCE"));
      }
      return issueTokens(grant, grant.nonce(), now);
    }
    if (grantType.equals("refresh_token")) {
      Grant grant = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
      if (grant == null) {
        return json(400, Map.of("error", "invalid_grant"));
      }
      return issueTokens(grant, null, now);
    }
    return json(400, Map.of("error", "unsupported_grant_type"));
  }

  private ResponseDefinition issueTokens(Grant grant, String nonce, Instant now) {
    String accessToken = random(32);
    String refreshToken = random(32);
    Grant live =
        new Grant(
            grant.persona(),
            grant.redirectUri(),
            null,
            null,
            grant.scope(),
            grant.authTime(),
            now.plus(TOKEN_LIFETIME));
    accessTokens.put(accessToken, live);
    refreshTokens.put(refreshToken, live);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", accessToken);
    body.put("token_type", "Bearer");
    body.put("expires_in", TOKEN_LIFETIME.toSeconds());
    body.put("refresh_token", refreshToken);
    body.put("scope", grant.scope());
    body.put("id_token", idToken(grant, nonce, accessToken, now));
    return json(200, body);
  }

  private String idToken(Grant grant, String nonce, String accessToken, Instant now) {
    Set<VneidMisbehaviour> m = misbehaviours;
    Instant iat = now;
    Instant exp = now.plus(TOKEN_LIFETIME);
    if (m.contains(VneidMisbehaviour.EXPIRED)) {
      iat = now.minus(Duration.ofMinutes(20));
      exp = now.minus(Duration.ofMinutes(10));
    }
    if (m.contains(VneidMisbehaviour.ISSUED_IN_FUTURE)) {
      iat = now.plus(Duration.ofMinutes(10));
      exp = now.plus(Duration.ofMinutes(20));
    }
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(
                m.contains(VneidMisbehaviour.WRONG_ISSUER)
                    ? "https://sso.other-provider.example"
                    : issuer.toString())
            .subject(grant.persona().subject())
            .audience(m.contains(VneidMisbehaviour.WRONG_AUDIENCE) ? "another-client" : clientId)
            .issueTime(Date.from(iat))
            .expirationTime(Date.from(exp))
            .claim("auth_time", grant.authTime().getEpochSecond())
            .claim("acr", "LoA" + grant.persona().level())
            .claim("at_hash", atHash(accessToken));
    if (nonce != null) {
      claims.claim("nonce", m.contains(VneidMisbehaviour.WRONG_NONCE) ? random(32) : nonce);
    }
    JWTClaimsSet set = claims.build();
    String token;
    if (externalSigner != null) {
      token = externalSigner.apply(set);
    } else {
      token = sign(set, m);
    }
    return encryptionKey == null ? token : encrypt(token);
  }

  private String sign(JWTClaimsSet claims, Set<VneidMisbehaviour> m) {
    try {
      if (m.contains(VneidMisbehaviour.ALG_NONE)) {
        return new PlainJWT(claims).serialize();
      }
      if (m.contains(VneidMisbehaviour.HS256_WITH_PUBLIC_KEY)) {
        byte[] secret =
            signingKey instanceof RSAKey rsa
                ? rsa.toPublicKey().getEncoded()
                : ((ECKey) signingKey).toPublicKey().getEncoded();
        SignedJWT jwt =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(signingKey.getKeyID()).build(),
                claims);
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
      }
      JWK key = signingKey;
      if (m.contains(VneidMisbehaviour.UNKNOWN_KEY_ID)) {
        key = unpublishedKey;
      }
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(algorithm)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new DefaultJWSSignerFactory().createJWSSigner(key, algorithm));
      String token = jwt.serialize();
      if (m.contains(VneidMisbehaviour.TAMPERED_PAYLOAD)) {
        String[] parts = token.split("\\.");
        JWTClaimsSet changed =
            new JWTClaimsSet.Builder(claims).subject(claims.getSubject() + "-tampered").build();
        parts[1] = Base64URL.encode(changed.toString()).toString();
        token = String.join(".", parts);
      }
      return token;
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot sign", e);
    }
  }

  private String encrypt(String signed) {
    try {
      JWEAlgorithm alg =
          encryptionKey instanceof RSAKey ? JWEAlgorithm.RSA_OAEP_256 : JWEAlgorithm.ECDH_ES;
      JWEObject jwe =
          new JWEObject(
              new JWEHeader.Builder(alg, EncryptionMethod.A256GCM)
                  .contentType("JWT")
                  .keyID(encryptionKey.getKeyID())
                  .build(),
              new Payload(signed));
      jwe.encrypt(
          encryptionKey instanceof RSAKey rsa
              ? new RSAEncrypter(rsa)
              : new ECDHEncrypter((ECKey) encryptionKey));
      return jwe.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("Cannot encrypt", e);
    }
  }

  private synchronized ResponseDefinition userinfo(Request request) {
    String authorization = request.getHeader("Authorization");
    Grant grant =
        authorization != null && authorization.startsWith("Bearer ")
            ? accessTokens.get(authorization.substring(7))
            : null;
    if (grant == null || clock.instant().isAfter(grant.expiresAt())) {
      return new ResponseDefinitionBuilder()
          .withStatus(401)
          .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
          .withHeader("Content-Type", "application/json")
          .withBody("{\"error\":\"invalid_token\"}")
          .build();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "sub",
        misbehaviours.contains(VneidMisbehaviour.USERINFO_SUBJECT_MISMATCH)
            ? VneidPersona.LE_HOANG_CUONG.subject().equals(grant.persona().subject())
                ? VneidPersona.NGUYEN_VAN_AN.subject()
                : VneidPersona.LE_HOANG_CUONG.subject()
            : grant.persona().subject());
    body.putAll(grant.persona().claims());
    body.put("loAs", "LoA" + grant.persona().level());
    return json(200, body);
  }

  private synchronized ResponseDefinition logout(Request request) {
    Map<String, String> params = Forms.parse(URI.create(request.getUrl()).getRawQuery());
    if (params == null) {
      return json(400, Map.of("error", "invalid_request"));
    }
    String hint = params.get("id_token_hint");
    if (hint != null) {
      String subject = verifiedSubject(hint);
      if (subject == null) {
        return json(400, Map.of("error", "invalid_request", "error_description", "id_token_hint"));
      }
      accessTokens.values().removeIf(g -> g.persona().subject().equals(subject));
      refreshTokens.values().removeIf(g -> g.persona().subject().equals(subject));
    }
    endedSessions.incrementAndGet();
    String target = params.get("post_logout_redirect_uri");
    if (target == null) {
      return new ResponseDefinitionBuilder()
          .withStatus(200)
          .withHeader("Content-Type", "text/plain; charset=utf-8")
          .withBody("Logged out")
          .build();
    }
    if (!target.equals(postLogoutRedirectUri.toString())) {
      return json(400, Map.of("error", "invalid_request", "error_description", "redirect"));
    }
    Map<String, String> back = new LinkedHashMap<>();
    if (params.get("state") != null) {
      back.put("state", params.get("state"));
    }
    return redirect(target, back);
  }

  /** Returns the subject of an ID token this fake signed (maybe expired), or null. */
  private String verifiedSubject(String idToken) {
    try {
      String compact = idToken;
      if (compact.split("\\.").length == 5) {
        return null; // An encrypted token is not a valid hint: the spec asks for the signed one.
      }
      SignedJWT jwt = SignedJWT.parse(compact);
      for (JWK key : Arrays.asList(signingKey, previousKey)) {
        if (key != null
            && key.getKeyID().equals(jwt.getHeader().getKeyID())
            && jwt.verify(
                new DefaultJWSVerifierFactory()
                    .createJWSVerifier(
                        jwt.getHeader(),
                        key instanceof RSAKey rsa
                            ? rsa.toPublicKey()
                            : ((ECKey) key).toPublicKey()))) {
          return jwt.getJWTClaimsSet().getSubject();
        }
      }
      return null;
    } catch (ParseException | JOSEException e) {
      return null;
    }
  }

  /** Returns null when the client authenticated, else the OAuth error code. */
  private String authenticate(Request request, Map<String, String> form) {
    String basic = request.getHeader("Authorization");
    boolean hasBasic = basic != null && basic.startsWith("Basic ");
    boolean hasPost = form.containsKey("client_secret");
    boolean hasJwt = form.containsKey("client_assertion");
    if ((hasBasic ? 1 : 0) + (hasPost ? 1 : 0) + (hasJwt ? 1 : 0) != 1) {
      return "invalid_client";
    }
    if (hasBasic) {
      String pair;
      try {
        pair = new String(Base64.getDecoder().decode(basic.substring(6)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "invalid_client";
      }
      int colon = pair.indexOf(':');
      if (colon < 0) {
        return "invalid_client";
      }
      String id = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
      String secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
      return id.equals(clientId) && equal(secret, clientSecret) ? null : "invalid_client";
    }
    if (hasPost) {
      return clientId.equals(form.get("client_id"))
              && equal(form.get("client_secret"), clientSecret)
          ? null
          : "invalid_client";
    }
    return verifyAssertion(form);
  }

  private String verifyAssertion(Map<String, String> form) {
    if (clientKey == null
        || !"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            .equals(form.get("client_assertion_type"))) {
      return "invalid_client";
    }
    try {
      SignedJWT jwt = SignedJWT.parse(form.get("client_assertion"));
      JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
      if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
        return "invalid_client";
      }
      java.security.Key key =
          clientKey instanceof RSAKey rsa ? rsa.toPublicKey() : ((ECKey) clientKey).toPublicKey();
      if (!jwt.verify(new DefaultJWSVerifierFactory().createJWSVerifier(jwt.getHeader(), key))) {
        return "invalid_client";
      }
      JWTClaimsSet c = jwt.getJWTClaimsSet();
      String base = issuer.toString();
      boolean audienceOk =
          c.getAudience() != null
              && (c.getAudience().contains(base)
                  || c.getAudience().contains(base + TOKEN)
                  || c.getAudience().contains(base + PAR));
      boolean fresh =
          c.getExpirationTime() != null
              && c.getExpirationTime().toInstant().isAfter(clock.instant());
      if (!clientId.equals(c.getIssuer())
          || !clientId.equals(c.getSubject())
          || !audienceOk
          || !fresh
          || c.getJWTID() == null
          || !usedAssertionIds.add(c.getJWTID())
          || (form.get("client_id") != null && !clientId.equals(form.get("client_id")))) {
        return "invalid_client";
      }
      return null;
    } catch (ParseException | JOSEException e) {
      return "invalid_client";
    }
  }

  /**
   * Computes the S256 challenge of a verifier (RFC 7636).
   *
   * @param verifier the verifier
   * @return the challenge
   */
  static String s256(String verifier) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  private String atHash(String accessToken) {
    byte[] hash = sha256(accessToken);
    return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean equal(String a, String b) {
    return a != null
        && MessageDigest.isEqual(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private ResponseDefinition redirect(String target, Map<String, String> params) {
    StringBuilder location = new StringBuilder(target);
    char sep = target.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> e : params.entrySet()) {
      location.append(sep).append(Forms.encode(e.getKey())).append('=');
      location.append(Forms.encode(e.getValue()));
      sep = '&';
    }
    return new ResponseDefinitionBuilder()
        .withStatus(302)
        .withHeader("Location", location.toString())
        .withHeader("Cache-Control", "no-store")
        .build();
  }

  /** A 404 that names the request and the endpoints this provider serves. */
  private synchronized ResponseDefinition notFound(Request request) {
    String serves =
        String.join(", ", DISCOVERY, JWKS, AUTHORIZE, TOKEN, USERINFO, LOGOUT)
            + (advertisePar ? ", " + PAR : "");
    return json(
        404,
        Map.of(
            "error",
            "not_found",
            "error_description",
            FakeReply.noSuchResource(request.getMethod().getName(), request.getUrl(), serves)));
  }

  private ResponseDefinition json(int status, Map<String, ?> body) {
    try {
      return new ResponseDefinitionBuilder()
          .withStatus(status)
          .withHeader("Content-Type", "application/json")
          .withHeader("Cache-Control", "no-store")
          .withBody(json.writeValueAsString(body))
          .build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
