package io.github.motcua.vneid;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.github.motcua.core.ConfigurationException;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link VneidClient} proves its identity to the provider's token and pushed authorization
 * request endpoints (OpenID Connect Core 9): {@code client_secret_basic}, {@code
 * client_secret_post}, or {@code private_key_jwt} with the integrator's private key (the method
 * FAPI 2.0 and Singpass require).
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the secret or the key.
 */
public final class ClientAuthentication {

  /** The client authentication method. */
  public enum Method {
    /** The client secret in an HTTP Basic {@code Authorization} header. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** The client secret as a {@code client_secret} form parameter. */
    CLIENT_SECRET_POST("client_secret_post"),
    /** A short-lived JWT signed with the client's private key (RFC 7523). */
    PRIVATE_KEY_JWT("private_key_jwt");

    private final String wireName;

    Method(String wireName) {
      this.wireName = wireName;
    }

    /**
     * Returns the method's registered name.
     *
     * @return for example {@code client_secret_basic}
     */
    public String wireName() {
      return wireName;
    }
  }

  private final Method method;
  private final String secret;
  private final JWK key;
  private final JWSAlgorithm algorithm;

  private ClientAuthentication(Method method, String secret, JWK key, JWSAlgorithm algorithm) {
    this.method = method;
    this.secret = secret;
    this.key = key;
    this.algorithm = algorithm;
  }

  /**
   * Authenticates with the client secret in an HTTP Basic header.
   *
   * @param clientSecret the secret issued at registration; not blank
   * @return the authentication
   * @throws ConfigurationException when the secret is blank
   */
  public static ClientAuthentication clientSecretBasic(String clientSecret) {
    return new ClientAuthentication(Method.CLIENT_SECRET_BASIC, secret(clientSecret), null, null);
  }

  /**
   * Authenticates with the client secret as a form parameter.
   *
   * @param clientSecret the secret issued at registration; not blank
   * @return the authentication
   * @throws ConfigurationException when the secret is blank
   */
  public static ClientAuthentication clientSecretPost(String clientSecret) {
    return new ClientAuthentication(Method.CLIENT_SECRET_POST, secret(clientSecret), null, null);
  }

  /**
   * Authenticates with a JWT signed by the client's private key: {@code RS256} for an RSA key,
   * {@code ES256} for a P-256 key.
   *
   * @param privateKey the client's private RSA or EC key, with a key id ({@code kid}) the provider
   *     knows; not null
   * @return the authentication
   * @throws ConfigurationException when the key is not a private RSA or EC key
   */
  public static ClientAuthentication privateKeyJwt(JWK privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    JWSAlgorithm alg = privateKey instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
    return privateKeyJwt(privateKey, alg);
  }

  /**
   * Authenticates with a JWT signed by the client's private key with the given algorithm.
   *
   * @param privateKey the client's private RSA or EC key; not null
   * @param algorithm the signature algorithm, such as {@code PS256}; asymmetric, matching the key
   * @return the authentication
   * @throws ConfigurationException when the key is not private or does not fit the algorithm
   */
  public static ClientAuthentication privateKeyJwt(JWK privateKey, JWSAlgorithm algorithm) {
    Objects.requireNonNull(privateKey, "privateKey");
    Objects.requireNonNull(algorithm, "algorithm");
    boolean fits =
        (privateKey instanceof RSAKey && JWSAlgorithm.Family.RSA.contains(algorithm))
            || (privateKey instanceof ECKey && JWSAlgorithm.Family.EC.contains(algorithm));
    if (!fits || !privateKey.isPrivate()) {
      throw new ConfigurationException(
          "config.client-authentication",
          "private_key_jwt needs a private RSA key (RS*/PS*) or EC key (ES*) that fits algorithm "
              + algorithm
              + ".");
    }
    return new ClientAuthentication(Method.PRIVATE_KEY_JWT, null, privateKey, algorithm);
  }

  private static String secret(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new ConfigurationException(
          "config.client-authentication", "The client secret must not be blank.");
    }
    return secret;
  }

  /**
   * Returns the method.
   *
   * @return the method
   */
  public Method method() {
    return method;
  }

  /**
   * Returns the client secret for the secret-based methods. A secret: never log it.
   *
   * @return the secret, or empty for {@code private_key_jwt}
   */
  public Optional<String> secret() {
    return Optional.ofNullable(secret);
  }

  /**
   * Returns the private key for {@code private_key_jwt}.
   *
   * @return the key, or empty for the secret-based methods
   */
  public Optional<JWK> key() {
    return Optional.ofNullable(key);
  }

  /**
   * Returns the signature algorithm for {@code private_key_jwt}.
   *
   * @return the algorithm, or empty for the secret-based methods
   */
  public Optional<JWSAlgorithm> algorithm() {
    return Optional.ofNullable(algorithm);
  }

  @Override
  public String toString() {
    return key == null
        ? "ClientAuthentication[" + method.wireName() + ", secret=***]"
        : "ClientAuthentication["
            + method.wireName()
            + ", kid="
            + key.getKeyID()
            + ", alg="
            + algorithm
            + "]";
  }
}
