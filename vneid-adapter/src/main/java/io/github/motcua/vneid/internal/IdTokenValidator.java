package io.github.motcua.vneid.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Validates ID tokens (OpenID Connect Core 3.1.3.7 and 3.1.3.8): decrypts them when encrypted,
 * verifies the signature against the provider's key set with an allow-list of asymmetric
 * algorithms, then checks {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat}, {@code
 * nbf}, {@code sub}, {@code nonce} and {@code at_hash}.
 *
 * <p>Thread-safe: holds only immutable settings and a thread-safe key source.
 */
public final class IdTokenValidator {

  private static final Set<JWEAlgorithm> JWE_ALGORITHMS =
      Set.of(
          JWEAlgorithm.RSA_OAEP_256,
          JWEAlgorithm.ECDH_ES,
          JWEAlgorithm.ECDH_ES_A128KW,
          JWEAlgorithm.ECDH_ES_A192KW,
          JWEAlgorithm.ECDH_ES_A256KW);
  private static final Set<EncryptionMethod> JWE_METHODS =
      Set.of(
          EncryptionMethod.A128GCM,
          EncryptionMethod.A192GCM,
          EncryptionMethod.A256GCM,
          EncryptionMethod.A128CBC_HS256,
          EncryptionMethod.A192CBC_HS384,
          EncryptionMethod.A256CBC_HS512);

  private final String issuer;
  private final String clientId;
  private final Map<JWSAlgorithm, JWSVerificationKeySelector<SecurityContext>> selectors;
  private final JWEDecrypter decrypter;
  private final Clock clock;
  private final long skewSeconds;
  private final int maxLength;
  private final DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();

  /**
   * Creates a validator.
   *
   * @param issuer the expected {@code iss}; not null
   * @param clientId the client id, expected in {@code aud}; not null
   * @param algorithms the accepted signature algorithms, all asymmetric; not empty
   * @param keys the provider's key set; not null
   * @param decryptionKey the client's private key for encrypted ID tokens; when not null,
   *     unencrypted ID tokens are refused
   * @param clock the clock for time checks; not null
   * @param skew the tolerated clock difference
   * @param maxLength the largest accepted token, in characters
   */
  public IdTokenValidator(
      String issuer,
      String clientId,
      Set<JWSAlgorithm> algorithms,
      JWKSource<SecurityContext> keys,
      JWK decryptionKey,
      Clock clock,
      Duration skew,
      int maxLength) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(keys, "keys");
    this.selectors =
        algorithms.stream()
            .collect(
                java.util.stream.Collectors.toUnmodifiableMap(
                    a -> a, a -> new JWSVerificationKeySelector<>(a, keys)));
    this.decrypter = decrypter(decryptionKey);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skewSeconds = skew.toSeconds();
    this.maxLength = maxLength;
  }

  private static JWEDecrypter decrypter(JWK key) {
    if (key == null) {
      return null;
    }
    try {
      if (key instanceof RSAKey rsa && rsa.isPrivate()) {
        return new RSADecrypter(rsa);
      }
      if (key instanceof ECKey ec && ec.isPrivate()) {
        return new ECDHDecrypter(ec);
      }
    } catch (JOSEException e) {
      throw new ConfigurationException(
          "config.id-token-decryption-key", "The ID-token decryption key cannot be used: " + e);
    }
    throw new ConfigurationException(
        "config.id-token-decryption-key",
        "The ID-token decryption key must be a private RSA or EC key.");
  }

  /**
   * Validates an ID token.
   *
   * @param idToken the compact token as received; may be null (refused)
   * @param expectedNonce the nonce sent with the authorization request, or null after a refresh
   *     (then the token's nonce is not checked)
   * @param accessToken the access token issued with it, to check {@code at_hash}; may be null
   * @return the verified claims
   * @throws SecurityRefusalException when a check fails
   * @throws MotcuaException {@code provider.jwks-unavailable} when the key set cannot be fetched
   */
  public JWTClaimsSet validate(String idToken, String expectedNonce, String accessToken) {
    if (idToken == null || idToken.isBlank()) {
      throw fail("id-token.missing", "The token response carries no ID token.");
    }
    if (idToken.length() > maxLength) {
      throw fail(
          "id-token.too-large",
          "The ID token is longer than " + maxLength + " characters and was not parsed.");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken);
    } catch (ParseException e) {
      throw fail("id-token.malformed", "The ID token is not a compact JWT.");
    }
    SignedJWT signed = unwrap(jwt);
    JWSHeader header = signed.getHeader();
    JWSVerificationKeySelector<SecurityContext> selector = selectors.get(header.getAlgorithm());
    if (selector == null) {
      throw fail(
          "id-token.algorithm",
          "The ID token is signed with "
              + header.getAlgorithm()
              + ", which is not in the allow-list "
              + selectors.keySet()
              + ".");
    }
    verifySignature(signed, header, selector);
    JWTClaimsSet claims;
    try {
      claims = signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw fail("id-token.malformed", "The ID token's claims are not a JSON object.");
    }
    checkClaims(claims, header.getAlgorithm(), expectedNonce, accessToken);
    return claims;
  }

  private SignedJWT unwrap(JWT jwt) {
    if (jwt instanceof PlainJWT) {
      throw fail("id-token.unsigned", "The ID token is not signed (alg: none).");
    }
    if (jwt instanceof EncryptedJWT encrypted) {
      if (decrypter == null) {
        throw fail(
            "id-token.decryption",
            "The ID token is encrypted but the client has no ID-token decryption key.");
      }
      if (!JWE_ALGORITHMS.contains(encrypted.getHeader().getAlgorithm())
          || !JWE_METHODS.contains(encrypted.getHeader().getEncryptionMethod())) {
        throw fail(
            "id-token.encryption-algorithm",
            "The ID token is encrypted with "
                + encrypted.getHeader().getAlgorithm()
                + " / "
                + encrypted.getHeader().getEncryptionMethod()
                + "; accepted are RSA-OAEP-256 and ECDH-ES with AES-GCM or AES-CBC-HMAC.");
      }
      try {
        encrypted.decrypt(decrypter);
      } catch (JOSEException | IllegalStateException e) {
        throw fail(
            "id-token.decryption",
            "The ID token cannot be decrypted with the client's key; check that the provider has"
                + " the current public key.",
            e);
      }
      SignedJWT nested = encrypted.getPayload().toSignedJWT();
      if (nested == null) {
        throw fail("id-token.unsigned", "The encrypted ID token does not contain a signed JWT.");
      }
      return nested;
    }
    if (decrypter != null) {
      throw fail(
          "id-token.not-encrypted",
          "The client expects encrypted ID tokens but received a signed-only one.");
    }
    return (SignedJWT) jwt;
  }

  private void verifySignature(
      SignedJWT signed, JWSHeader header, JWSVerificationKeySelector<SecurityContext> selector) {
    List<? extends Key> keys;
    try {
      keys = selector.selectJWSKeys(header, null);
    } catch (RateLimitReachedException e) {
      // The key set was just refreshed and still lacks this kid: an unknown key, not an outage.
      throw fail(
          "id-token.unknown-key",
          "No key of the provider's key set matches the ID token (kid "
              + header.getKeyID()
              + "); the key set was refreshed moments ago and is not fetched again yet.");
    } catch (KeySourceException e) {
      throw new RetryLaterException(
          "provider.jwks-unavailable",
          "The provider's key set cannot be fetched and no cached copy is usable.",
          e);
    }
    if (keys.isEmpty()) {
      throw fail(
          "id-token.unknown-key",
          "No key of the provider's key set matches the ID token (kid " + header.getKeyID() + ").");
    }
    for (Key key : keys) {
      try {
        if (signed.verify(verifiers.createJWSVerifier(header, key))) {
          return;
        }
      } catch (JOSEException e) {
        // A key that cannot verify this header: try the next one.
      }
    }
    throw fail("id-token.signature", "The ID token's signature does not verify.");
  }

  private void checkClaims(
      JWTClaimsSet claims, JWSAlgorithm alg, String expectedNonce, String accessToken) {
    if (!issuer.equals(claims.getIssuer())) {
      throw fail(
          "id-token.issuer", "The ID token was issued by another issuer than " + issuer + ".");
    }
    List<String> audience = claims.getAudience();
    if (audience == null || !audience.contains(clientId)) {
      throw fail("id-token.audience", "The ID token is not addressed to this client id.");
    }
    Object azp = claims.getClaim("azp");
    if ((azp != null || audience.size() > 1) && !clientId.equals(azp)) {
      throw fail("id-token.azp", "The ID token's authorized party (azp) is not this client.");
    }
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw fail("id-token.subject", "The ID token has no subject (sub).");
    }
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null || now.isAfter(exp.toInstant().plusSeconds(skewSeconds))) {
      throw fail("id-token.expired", "The ID token has expired (or has no exp).");
    }
    Date iat = claims.getIssueTime();
    if (iat == null || iat.toInstant().isAfter(now.plusSeconds(skewSeconds))) {
      throw fail(
          "id-token.issued-in-future",
          "The ID token is issued in the future (or has no iat); check the server clock.");
    }
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && nbf.toInstant().isAfter(now.plusSeconds(skewSeconds))) {
      throw fail("id-token.not-yet-valid", "The ID token is not valid yet (nbf).");
    }
    if (expectedNonce != null) {
      Object nonce = claims.getClaim("nonce");
      if (!(nonce instanceof String n) || !constantTimeEquals(n, expectedNonce)) {
        throw fail("id-token.nonce", "The ID token's nonce is not the one of this login.");
      }
    }
    Object atHash = claims.getClaim("at_hash");
    if (atHash != null && accessToken != null) {
      if (!(atHash instanceof String h) || !constantTimeEquals(h, atHash(alg, accessToken))) {
        throw fail("id-token.at-hash", "The ID token's at_hash does not match the access token.");
      }
    }
  }

  /**
   * Computes {@code at_hash}: the left half of the hash of the access token's ASCII bytes, with the
   * hash of the signature algorithm, base64url-encoded (OpenID Connect Core 3.1.3.6).
   *
   * @param alg the ID token's signature algorithm
   * @param accessToken the access token
   * @return the expected {@code at_hash}
   */
  public static String atHash(JWSAlgorithm alg, String accessToken) {
    String name = alg.getName();
    String digest = name.endsWith("384") ? "SHA-384" : name.endsWith("512") ? "SHA-512" : "SHA-256";
    try {
      byte[] hash =
          MessageDigest.getInstance(digest).digest(accessToken.getBytes(StandardCharsets.US_ASCII));
      return Base64URL.encode(Arrays.copyOf(hash, hash.length / 2)).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has " + digest, e);
    }
  }

  /**
   * Compares two strings in time that does not depend on where they differ.
   *
   * @param a one string
   * @param b the other
   * @return true when equal
   */
  public static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static SecurityRefusalException fail(String code, String message) {
    return new SecurityRefusalException(code, message);
  }

  private static SecurityRefusalException fail(String code, String message, Throwable cause) {
    return new SecurityRefusalException(code, message, cause);
  }
}
