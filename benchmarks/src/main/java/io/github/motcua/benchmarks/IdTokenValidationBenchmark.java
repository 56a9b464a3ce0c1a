package io.github.motcua.benchmarks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.github.motcua.vneid.internal.IdTokenValidator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * ID-token validation (RS256, 2048-bit key) by motcua's validator against nimbus's {@link
 * DefaultJWTProcessor} configured with the same checks: the same algorithm allow-list, the same
 * in-memory (warm) key set, {@code iss}, {@code aud}, {@code nonce} exact match and {@code sub},
 * {@code iat}, {@code exp} required.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IdTokenValidationBenchmark {

  private static final String ISSUER = "https://sso.example.gov.vn";
  private static final String CLIENT = "motcua-benchmark";
  private static final String NONCE = "n-0S6_WzA2Mj";

  private String token;
  private IdTokenValidator motcua;
  private DefaultJWTProcessor<SecurityContext> nimbus;

  /**
   * Creates the key, the token and both validators.
   *
   * @throws JOSEException never with the built-in providers
   */
  @Setup
  public void setUp() throws JOSEException {
    RSAKey key = new RSAKeyGenerator(2048).keyID("bench-1").generate();
    Instant now = Instant.now();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench-1").build(),
            new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("4f6a1c1e-0d55-4c43-9a51-6f3c1c0a0001")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(2))))
                .claim("nonce", NONCE)
                .claim("acr", "LoA2")
                .build());
    jwt.sign(new RSASSASigner(key));
    token = jwt.serialize();
    JWKSource<SecurityContext> keys = new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    Set<JWSAlgorithm> algorithms =
        Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256, JWSAlgorithm.ES256);

    motcua =
        new IdTokenValidator(
            ISSUER,
            CLIENT,
            algorithms,
            keys,
            null,
            Clock.systemUTC(),
            Duration.ofSeconds(60),
            32768);

    nimbus = new DefaultJWTProcessor<>();
    nimbus.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
    nimbus.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            CLIENT,
            new JWTClaimsSet.Builder().issuer(ISSUER).claim("nonce", NONCE).build(),
            Set.of("sub", "iat", "exp")));
  }

  /**
   * Validates with motcua.
   *
   * @return the claims
   */
  @Benchmark
  public JWTClaimsSet validateMotcua() {
    return motcua.validate(token, NONCE, null);
  }

  /**
   * Validates with raw nimbus.
   *
   * @return the claims
   * @throws Exception never for this token
   */
  @Benchmark
  public JWTClaimsSet validateRaw() throws Exception {
    return nimbus.process(token, null);
  }
}
