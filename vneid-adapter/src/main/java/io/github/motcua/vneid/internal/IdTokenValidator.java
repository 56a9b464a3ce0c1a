package io.github.motcua.vneid.internal;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEDecrypter;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.RSADecrypter;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
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
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Validates ID tokens (OpenID Connect Core 3.1.3.7 and 3.1.3.8): decrypts them when encrypted,
 * verifies the signature against the provider's key set with an allow-list of asymmetric
 * algorithms, then checks {@code iss}, {@code aud}, {@code azp}, {@code exp}, {@code iat}, {@code
 * nbf}, {@code sub}, {@code nonce} and {@code at_hash}.
 *
 * <p>Signature and claims go through nimbus's {@link DefaultJWTProcessor}: a {@link
 * JWSVerificationKeySelector} over the provider's key set, {@link DefaultJWTClaimsVerifier}s for
 * the exact issuer, the audience, the required claims and the time window (on the injected clock,
 * with the configured skew; a token is expired from {@code exp} plus the skew on, as RFC 7519 4.1.4
 * has it). Motcua's own checks sit around it: the size limit, the JWE algorithm allow-list and the
 * nested signed JWT, the JWS algorithm allow-list, {@code azp}, a blank {@code sub}, an {@code iat}
 * in the future, {@code nonce} and {@code at_hash}, each failure with its stable code.
 *
 * <p>Thread-safe: holds only immutable settings, a configured processor and a thread-safe key
 * source.
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

  private final Set<JWSAlgorithm> algorithms;
  private final JWEDecrypter decrypter;
  private final int maxLength;
  private final DefaultJWTProcessor<Expectations> processor = new DefaultJWTProcessor<>();

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
    Objects.requireNonNull(keys, "keys");
    this.algorithms = Set.copyOf(algorithms);
    this.decrypter = decrypter(decryptionKey);
    this.maxLength = maxLength;
    // Any typ header, as before: OpenID Connect does not fix one for ID tokens.
    processor.setJWSTypeVerifier((type, context) -> {});
    processor.setJWSKeySelector(
        new KeySelector(new JWSVerificationKeySelector<>(this.algorithms, keys)));
    processor.setJWSVerifierFactory(new LenientVerifierFactory());
    processor.setJWTClaimsSetVerifier(
        new IdTokenClaims(
            Objects.requireNonNull(issuer, "issuer"),
            Objects.requireNonNull(clientId, "clientId"),
            Objects.requireNonNull(clock, "clock"),
            Math.toIntExact(skew.toSeconds())));
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
    JWSAlgorithm alg = signed.getHeader().getAlgorithm();
    if (!algorithms.contains(alg)) {
      throw fail(
          "id-token.algorithm",
          "The ID token is signed with "
              + alg
              + ", which is not in the allow-list "
              + algorithms
              + ".");
    }
    try {
      signed.getJWTClaimsSet();
    } catch (ParseException e) {
      throw fail("id-token.malformed", "The ID token's claims are not a JSON object.");
    }
    try {
      // Key selection, signature and claims: the key selector and the claims verifier throw
      // motcua's own typed errors, which pass through the processor unchanged.
      return processor.process(signed, new Expectations(alg, expectedNonce, accessToken));
    } catch (BadJOSEException | JOSEException e) {
      // Every key that matches failed to verify (BadJWSException), or none could verify this
      // header at all.
      throw fail("id-token.signature", "The ID token's signature does not verify.", e);
    }
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

  /** What a call expects beyond the fixed settings, handed to the claims verifier. */
  private record Expectations(JWSAlgorithm algorithm, String nonce, String accessToken)
      implements SecurityContext {}

  /**
   * Nimbus's key selection over the provider's key set (refreshed once on an unknown kid by the key
   * source), with motcua's codes: an unknown key and an unreachable key set are told apart.
   */
  private record KeySelector(JWSVerificationKeySelector<SecurityContext> keys)
      implements JWSKeySelector<Expectations> {

    @Override
    public List<? extends Key> selectJWSKeys(JWSHeader header, Expectations context) {
      List<? extends Key> found;
      try {
        found = keys.selectJWSKeys(header, null);
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
      if (found.isEmpty()) {
        throw fail(
            "id-token.unknown-key",
            "No key of the provider's key set matches the ID token (kid "
                + header.getKeyID()
                + ").");
      }
      return found;
    }
  }

  /** A key that cannot verify this header is skipped, so that the next one is tried. */
  private static final class LenientVerifierFactory extends DefaultJWSVerifierFactory {
    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) {
      try {
        return super.createJWSVerifier(header, key);
      } catch (JOSEException e) {
        return null;
      }
    }
  }

  /**
   * The claim checks, in a fixed order with one code each: nimbus's {@link
   * DefaultJWTClaimsVerifier} for the exact issuer, the audience, the required claims and the time
   * window (each given only the claims it judges, so that a failure names its rule), then motcua's
   * own on top: a blank subject, an issue time in the future, {@code azp}, {@code nonce} and {@code
   * at_hash}.
   */
  private static final class IdTokenClaims implements JWTClaimsSetVerifier<Expectations> {

    private record Rule(
        String code,
        String message,
        String claim,
        DefaultJWTClaimsVerifier<SecurityContext> check) {}

    private final String clientId;
    private final Clock clock;
    private final int skewSeconds;
    private final List<Rule> rules;

    IdTokenClaims(String issuer, String clientId, Clock clock, int skewSeconds) {
      this.clientId = clientId;
      this.clock = clock;
      this.skewSeconds = skewSeconds;
      this.rules =
          List.of(
              new Rule(
                  "id-token.issuer",
                  "The ID token was issued by another issuer than " + issuer + ".",
                  JWTClaimNames.ISSUER,
                  verifier(null, new JWTClaimsSet.Builder().issuer(issuer).build(), "iss")),
              new Rule(
                  "id-token.audience",
                  "The ID token is not addressed to this client id.",
                  JWTClaimNames.AUDIENCE,
                  verifier(Set.of(clientId), null, "aud")),
              new Rule(
                  "id-token.subject",
                  "The ID token has no subject (sub).",
                  JWTClaimNames.SUBJECT,
                  verifier(null, null, "sub")),
              new Rule(
                  "id-token.expired",
                  "The ID token has expired (or has no exp).",
                  JWTClaimNames.EXPIRATION_TIME,
                  verifier(null, null, "exp")),
              new Rule(
                  "id-token.issued-in-future",
                  "The ID token is issued in the future (or has no iat); check the server clock.",
                  JWTClaimNames.ISSUED_AT,
                  verifier(null, null, "iat")),
              new Rule(
                  "id-token.not-yet-valid",
                  "The ID token is not valid yet (nbf).",
                  JWTClaimNames.NOT_BEFORE,
                  verifier(null, null)));
    }

    private DefaultJWTClaimsVerifier<SecurityContext> verifier(
        Set<String> audience, JWTClaimsSet exact, String... required) {
      DefaultJWTClaimsVerifier<SecurityContext> verifier =
          new DefaultJWTClaimsVerifier<>(audience, exact, Set.of(required), null) {
            @Override
            protected Date currentTime() {
              return Date.from(clock.instant());
            }
          };
      verifier.setMaxClockSkew(skewSeconds);
      return verifier;
    }

    @Override
    public void verify(JWTClaimsSet claims, Expectations expected) {
      for (Rule rule : rules) {
        try {
          rule.check().verify(only(claims, rule.claim()), null);
        } catch (BadJWTException e) {
          throw fail(rule.code(), rule.message(), e);
        }
        ownChecks(rule.claim(), claims, expected);
      }
      if (expected.nonce() != null) {
        Object nonce = claims.getClaim("nonce");
        if (!(nonce instanceof String n) || !constantTimeEquals(n, expected.nonce())) {
          throw fail("id-token.nonce", "The ID token's nonce is not the one of this login.");
        }
      }
      Object atHash = claims.getClaim("at_hash");
      if (atHash != null && expected.accessToken() != null) {
        if (!(atHash instanceof String h)
            || !constantTimeEquals(h, atHash(expected.algorithm(), expected.accessToken()))) {
          throw fail("id-token.at-hash", "The ID token's at_hash does not match the access token.");
        }
      }
    }

    /** Motcua's checks that follow a rule of nimbus's, in the order they always had. */
    private void ownChecks(String after, JWTClaimsSet claims, Expectations expected) {
      switch (after) {
        case JWTClaimNames.AUDIENCE -> {
          Object azp = claims.getClaim("azp");
          if ((azp != null || claims.getAudience().size() > 1) && !clientId.equals(azp)) {
            throw fail("id-token.azp", "The ID token's authorized party (azp) is not this client.");
          }
        }
        case JWTClaimNames.SUBJECT -> {
          Object subject = claims.getClaim(JWTClaimNames.SUBJECT);
          if (!(subject instanceof String s) || s.isBlank()) {
            throw fail("id-token.subject", "The ID token has no subject (sub).");
          }
        }
        case JWTClaimNames.ISSUED_AT -> {
          Date iat = claims.getIssueTime();
          if (iat.toInstant().isAfter(clock.instant().plusSeconds(skewSeconds))) {
            throw fail(
                "id-token.issued-in-future",
                "The ID token is issued in the future (or has no iat); check the server clock.");
          }
        }
        default -> {
          // nothing of motcua's own after this rule
        }
      }
    }

    /** The claims with one of them alone, so that a rule judges nothing else. */
    private static JWTClaimsSet only(JWTClaimsSet claims, String name) {
      Object value = claims.getClaim(name);
      return value == null
          ? new JWTClaimsSet.Builder().build()
          : new JWTClaimsSet.Builder().claim(name, value).build();
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
