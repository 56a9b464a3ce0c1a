package io.github.motcua.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.motcua.testkit.internal.vneid.FakeOidcProvider;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fake of the national single sign-on (VNeID-style OpenID provider) on WireMock: discovery, key
 * set, authorize (consents at once as the chosen {@link VneidPersona}, or answers an error), pushed
 * authorization requests, token (authorization code with PKCE, single use; refresh), userinfo and
 * end-session. It validates what it receives as the real provider would (registered redirect URI,
 * client authentication by secret or {@code private_key_jwt}, PKCE S256) and can be told to
 * misbehave ({@link VneidMisbehaviour}).
 *
 * <pre>{@code
 * @RegisterExtension static VneidFake vneid = VneidFake.create();
 *
 * VneidClient client = VneidClient.builder().issuer(vneid.issuer()).clientId(vneid.clientId())
 *     .clientAuthentication(ClientAuthentication.clientSecretBasic(vneid.clientSecret()))
 *     .redirectUri(vneid.redirectUri()).build();
 * LoginRequest login = client.startLogin();
 * CitizenLogin citizen = client.completeLogin(vneid.followAuthorization(login.authorizationUri()),
 *     login);
 * }</pre>
 *
 * <p>As a JUnit 5 extension ({@code @RegisterExtension} on a static field) it starts before the
 * first test, stops after the last (of the outermost class), and before each test restores good
 * behaviour and the default persona (keys, registrations and counters are kept). On an instance
 * field each test gets a fake of its own, stopped after the test. It can also be started and
 * stopped by hand. Each instance listens on its own free loopback port and holds its own state:
 * fakes run side by side. Thread-safe.
 */
public final class VneidFake
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        AutoCloseable,
        FaultInjectable {

  private final FakeOidcProvider provider;
  // One browser for every login: a new HttpClient per call starts a selector thread each time.
  private final HttpClient browser =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final io.github.motcua.testkit.internal.portal.FaultSchedule networkFaults =
      new io.github.motcua.testkit.internal.portal.FaultSchedule();
  private final String clientId;
  private final String clientSecret;
  private final URI redirectUri;
  private final URI postLogoutRedirectUri;
  private final Object lifecycle = new Object();
  private final ExtensionScope scope = new ExtensionScope();
  private WireMockServer server;

  private VneidFake(Builder b) {
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.redirectUri = b.redirectUri;
    this.postLogoutRedirectUri = b.postLogoutRedirectUri;
    this.provider =
        new FakeOidcProvider(
            "motcua-vneid-fake",
            b.clientId,
            b.clientSecret,
            b.redirectUri,
            b.postLogoutRedirectUri,
            b.algorithm,
            b.clock,
            b.slowTokenDelay,
            b.seed);
    provider.pushedAuthorizationRequests(b.advertisePar, b.requirePar);
    provider.advertiseIssParameter(b.advertiseIss);
  }

  /**
   * Returns a fake with the default settings (not started).
   *
   * @return the fake
   */
  public static VneidFake create() {
    return builder().build();
  }

  /**
   * Returns a builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts the fake on a free loopback port; does nothing when it runs already.
   *
   * @return this fake
   */
  public VneidFake start() {
    synchronized (lifecycle) {
      if (server == null) {
        WireMockServer s =
            new WireMockServer(
                io.github.motcua.testkit.internal.sandbox.LoopbackServers.options(24)
                    .extensions(
                        new io.github.motcua.testkit.internal.sandbox.FaultingTransformer(
                            provider, networkFaults)));
        s.start();
        s.stubFor(any(anyUrl()).willReturn(ok()));
        provider.issuer(URI.create("http://127.0.0.1:" + s.port()));
        server = s;
        warmUp();
      }
      return this;
    }
  }

  /**
   * Applies a network fault preset to this fake's HTTP endpoints (see {@link Fault}); {@link
   * PortalFault#EXPIRED_CREDENTIALS} does not apply here.
   *
   * @param fault the preset; not null
   */
  @Override
  public void inject(Fault fault) {
    networkFaults.apply(java.util.Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every network fault preset. */
  @Override
  public void clearFaults() {
    networkFaults.clear();
  }

  /**
   * Returns how often a network fault was injected.
   *
   * @param fault the fault
   * @return the count
   */
  @Override
  public long injectedFaults(PortalFault fault) {
    return networkFaults.injected(fault);
  }

  /**
   * Serves one discovery request before returning from {@link #start()}: WireMock's first answer
   * can take seconds on a loaded machine, and a client's read timeout should not pay for it.
   */
  private void warmUp() {
    try {
      HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      // The fake still works; the first real request will just be slower.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the fake; does nothing when it is not running. */
  public void stop() {
    synchronized (lifecycle) {
      if (server != null) {
        server.stop();
        server = null;
      }
    }
  }

  /** Stops the fake. */
  @Override
  public void close() {
    stop();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    scope.beforeAll(this::start);
  }

  /** Stops the fake after the last test of the outermost class. */
  @Override
  public void afterAll(ExtensionContext context) {
    scope.afterAll(this::stop);
  }

  /** Stops a fake registered on an instance field: it belonged to this test alone. */
  @Override
  public void afterEach(ExtensionContext context) {
    scope.afterEach(this::stop);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    start();
    behave();
  }

  /**
   * Returns the issuer identifier, {@code http://127.0.0.1:<port>}; discovery is at {@code
   * /.well-known/openid-configuration} below it.
   *
   * @return the issuer
   * @throws IllegalStateException when the fake is not started
   */
  public URI issuer() {
    URI issuer = provider.issuer();
    if (issuer == null) {
      throw new IllegalStateException("Start the VneidFake first");
    }
    return issuer;
  }

  /**
   * Returns the key-set URI.
   *
   * @return the URI
   */
  public URI jwksUri() {
    return URI.create(issuer() + FakeOidcProvider.JWKS);
  }

  /**
   * Returns the pushed authorization request endpoint (answers 404 unless enabled in the builder).
   *
   * @return the URI
   */
  public URI pushedAuthorizationRequestEndpoint() {
    return URI.create(issuer() + FakeOidcProvider.PAR);
  }

  /**
   * Returns the registered client id.
   *
   * @return the client id
   */
  public String clientId() {
    return clientId;
  }

  /**
   * Returns the registered client secret.
   *
   * @return the secret
   */
  public String clientSecret() {
    return clientSecret;
  }

  /**
   * Returns the registered redirect URI.
   *
   * @return the URI
   */
  public URI redirectUri() {
    return redirectUri;
  }

  /**
   * Returns the registered post-logout redirect URI.
   *
   * @return the URI
   */
  public URI postLogoutRedirectUri() {
    return postLogoutRedirectUri;
  }

  /**
   * Plays the citizen's browser: requests an authorization URI without following redirects and
   * returns where the fake redirects to (the callback with a code or an error).
   *
   * @param authorizationUri the URI the relying party redirects to
   * @return the callback URI
   * @throws IllegalStateException when the fake answers anything but a redirect (an unknown client
   *     or unregistered redirect URI, which a real provider shows as an error page)
   */
  public URI followAuthorization(URI authorizationUri) {
    try {
      HttpResponse<String> response =
          browser.send(
              HttpRequest.newBuilder(authorizationUri).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      String location = response.headers().firstValue("Location").orElse(null);
      if (response.statusCode() != 302 || location == null) {
        throw new IllegalStateException(
            "The authorize endpoint answered HTTP " + response.statusCode() + ", not a redirect");
      }
      return URI.create(location);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach the VneidFake", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /**
   * Sets the persona the next logins consent as.
   *
   * @param persona the persona; not null
   * @return this fake
   */
  public VneidFake loginAs(VneidPersona persona) {
    provider.persona(Objects.requireNonNull(persona, "persona"));
    return this;
  }

  /**
   * Makes the next logins end with an error redirect, as when the citizen cancels.
   *
   * @param error the OAuth error code, such as {@code access_denied}
   * @return this fake
   */
  public VneidFake denyLogins(String error) {
    provider.deny(Objects.requireNonNull(error, "error"));
    return this;
  }

  /**
   * Adds misbehaviours; they stay until {@link #behave()}.
   *
   * @param misbehaviours the misbehaviours
   * @return this fake
   */
  public VneidFake misbehave(VneidMisbehaviour... misbehaviours) {
    provider.misbehave(misbehaviours);
    return this;
  }

  /**
   * Restores good behaviour: no misbehaviour, no denial, no external signer, the default persona
   * ({@link VneidPersona#NGUYEN_VAN_AN}).
   *
   * @return this fake
   */
  public VneidFake behave() {
    provider.behave();
    return this;
  }

  /**
   * Rotates the signing key: new ID tokens are signed with a new key under a new key id; the
   * previous key stays in the key set until the next rotation.
   *
   * @return the new key id
   */
  public String rotateSigningKey() {
    provider.rotate();
    return provider.currentKeyId();
  }

  /**
   * Returns the key id new ID tokens are signed with.
   *
   * @return the key id
   */
  public String currentKeyId() {
    return provider.currentKeyId();
  }

  /**
   * Registers the client's public key for {@code private_key_jwt} client authentication.
   *
   * @param key the client's key (only its public part is kept), or null to remove it
   * @return this fake
   */
  public VneidFake registerClientKey(JWK key) {
    provider.clientKey(key);
    return this;
  }

  /**
   * Encrypts every ID token to the client's key: {@code RSA-OAEP-256} for an RSA key, {@code
   * ECDH-ES} for an EC key, both with {@code A256GCM}, around the signed token.
   *
   * @param key the client's key (only its public part is kept), or null for signed-only tokens
   * @return this fake
   */
  public VneidFake encryptIdTokensTo(JWK key) {
    provider.encryptTo(key);
    return this;
  }

  /**
   * Publishes an extra public key in the key set, for tokens signed by another implementation.
   *
   * @param key the key (only its public part is published)
   * @return this fake
   */
  public VneidFake publishKey(JWK key) {
    provider.publish(Objects.requireNonNull(key, "key"));
    return this;
  }

  /**
   * Hands the ID-token claims the fake would sign to another implementation, which returns the
   * compact signed token (for interoperability tests). Cleared by {@link #behave()}.
   *
   * @param signer the signer, or null for the fake's own signing
   * @return this fake
   */
  public VneidFake signIdTokensWith(Function<JWTClaimsSet, String> signer) {
    provider.externalSigner(signer);
    return this;
  }

  /**
   * Returns the public key set, as served at {@link #jwksUri()}.
   *
   * @return the JWKS JSON
   */
  public String publicJwks() {
    return provider.publicJwks();
  }

  /**
   * Returns how many requests reached the key-set endpoint (including failed ones).
   *
   * @return the count since the fake was created
   */
  public int jwksFetchCount() {
    return provider.jwksFetches();
  }

  /**
   * Returns how many requests reached the token endpoint.
   *
   * @return the count since the fake was created
   */
  public int tokenRequestCount() {
    return provider.tokenRequests();
  }

  /**
   * Returns how many sessions the end-session endpoint ended.
   *
   * @return the count since the fake was created
   */
  public int endedSessionCount() {
    return provider.endedSessions();
  }

  /** Builds a {@link VneidFake}. Not thread-safe. */
  public static final class Builder {
    private String clientId = "motcua-test-client";
    private String clientSecret = "motcua-test-secret-8f3b2c1d";
    private URI redirectUri = URI.create("https://mot-cua.example.vn/login/callback");
    private URI postLogoutRedirectUri = URI.create("https://mot-cua.example.vn/logged-out");
    private JWSAlgorithm algorithm = JWSAlgorithm.RS256;
    private Clock clock = Clock.systemUTC();
    private Duration slowTokenDelay = Duration.ofSeconds(2);
    private long seed = 20260101L;
    private boolean advertisePar;
    private boolean requirePar;
    private boolean advertiseIss = true;

    private Builder() {}

    /**
     * Sets the registered client id.
     *
     * @param clientId the id; default {@code motcua-test-client}
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = Objects.requireNonNull(clientId, "clientId");
      return this;
    }

    /**
     * Sets the registered client secret.
     *
     * @param clientSecret the secret
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
      return this;
    }

    /**
     * Sets the registered redirect URI.
     *
     * @param redirectUri the URI; default {@code https://mot-cua.example.vn/login/callback}
     * @return this builder
     */
    public Builder redirectUri(URI redirectUri) {
      this.redirectUri = Objects.requireNonNull(redirectUri, "redirectUri");
      return this;
    }

    /**
     * Sets the registered post-logout redirect URI.
     *
     * @param uri the URI; default {@code https://mot-cua.example.vn/logged-out}
     * @return this builder
     */
    public Builder postLogoutRedirectUri(URI uri) {
      this.postLogoutRedirectUri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * Sets the ID-token signature algorithm.
     *
     * @param algorithm {@code RS256} (default), {@code PS256} or {@code ES256}
     * @return this builder
     */
    public Builder signingAlgorithm(JWSAlgorithm algorithm) {
      if (!JWSAlgorithm.RS256.equals(algorithm)
          && !JWSAlgorithm.PS256.equals(algorithm)
          && !JWSAlgorithm.ES256.equals(algorithm)) {
        throw new IllegalArgumentException("The fake signs with RS256, PS256 or ES256");
      }
      this.algorithm = algorithm;
      return this;
    }

    /**
     * Sets the clock for token times, code lifetimes and client-assertion checks.
     *
     * @param clock the clock; default {@link Clock#systemUTC()}
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long the token endpoint waits under {@link VneidMisbehaviour#SLOW_TOKEN_ENDPOINT}.
     *
     * @param delay the delay; default 2 seconds
     * @return this builder
     */
    public Builder slowTokenDelay(Duration delay) {
      this.slowTokenDelay = Objects.requireNonNull(delay, "delay");
      return this;
    }

    /**
     * Sets the seed of keys, codes and tokens, so that runs are reproducible.
     *
     * @param seed the seed; default fixed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Offers pushed authorization requests (RFC 9126) in discovery.
     *
     * @param advertise whether to offer them; default false
     * @param require whether the authorize endpoint refuses requests that were not pushed
     * @return this builder
     */
    public Builder pushedAuthorizationRequests(boolean advertise, boolean require) {
      this.advertisePar = advertise;
      this.requirePar = require;
      return this;
    }

    /**
     * Sets whether discovery advertises {@code authorization_response_iss_parameter_supported} (RFC
     * 9207). The callbacks carry {@code iss} either way (unless {@link
     * VneidMisbehaviour#ISS_STRIPPED}), as some providers send it without advertising it.
     *
     * @param advertise whether to advertise it; default true
     * @return this builder
     */
    public Builder advertiseIssParameter(boolean advertise) {
      this.advertiseIss = advertise;
      return this;
    }

    /**
     * Builds the fake (not started).
     *
     * @return the fake
     */
    public VneidFake build() {
      return new VneidFake(this);
    }
  }
}
