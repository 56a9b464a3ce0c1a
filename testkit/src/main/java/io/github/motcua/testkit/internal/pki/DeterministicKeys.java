package io.github.motcua.testkit.internal.pki;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * Key pairs derived from a label: the same label gives the same key in every run, so test
 * certificates are reproducible, and each key is generated once per JVM because RSA key generation
 * is what makes a test PKI slow. The cache only memoises a pure function of the label.
 */
public final class DeterministicKeys {

  private static final Map<String, KeyPair> CACHE = new ConcurrentHashMap<>();

  private DeterministicKeys() {}

  /**
   * Returns the RSA key pair for a label.
   *
   * @param label what the key is for, such as {@code root}
   * @param bits the modulus size
   * @return the key pair, the same for the same label and size
   */
  public static KeyPair rsa(String label, int bits) {
    return CACHE.computeIfAbsent("rsa-" + bits + ":" + label, k -> generateRsa(k, bits));
  }

  /**
   * Returns the EC key pair for a label on a named curve.
   *
   * @param label what the key is for
   * @param curve the curve name, {@code P-256} or {@code P-384}
   * @return the key pair, the same for the same label and curve
   */
  public static KeyPair ec(String label, String curve) {
    return CACHE.computeIfAbsent("ec-" + curve + ":" + label, k -> generateEc(k, curve));
  }

  private static KeyPair generateRsa(String seedLabel, int bits) {
    // The JDK's generator is several times faster than BouncyCastle's and, fed a seeded random
    // source, just as reproducible on a given JDK.
    try {
      java.security.KeyPairGenerator generator =
          java.security.KeyPairGenerator.getInstance("RSA", "SunRsaSign");
      generator.initialize(
          new java.security.spec.RSAKeyGenParameterSpec(
              bits, java.security.spec.RSAKeyGenParameterSpec.F4),
          seeded(seedLabel));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA key generation is not available", e);
    }
  }

  private static KeyPair generateEc(String seedLabel, String curve) {
    String name = curve.equals("P-384") ? "secp384r1" : "secp256r1";
    ECNamedDomainParameters domain =
        new ECNamedDomainParameters(
            ECNamedCurveTable.getOID(name), ECNamedCurveTable.getByName(name));
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(domain, seeded(seedLabel)));
    return toJca(generator.generateKeyPair(), "EC");
  }

  private static KeyPair toJca(AsymmetricCipherKeyPair pair, String algorithm) {
    try {
      KeyFactory factory = KeyFactory.getInstance(algorithm);
      return new KeyPair(
          factory.generatePublic(
              new X509EncodedKeySpec(
                  SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic())
                      .getEncoded())),
          factory.generatePrivate(
              new PKCS8EncodedKeySpec(
                  PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded())));
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("Cannot convert a generated test key", e);
    }
  }

  /**
   * Returns a random source that yields the same bytes for the same label. SHA1PRNG seeded before
   * its first use is deterministic in the JDK's SUN provider.
   *
   * @param label the seed label
   * @return a deterministic random source
   */
  public static SecureRandom seeded(String label) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG", "SUN");
      random.setSeed(
          MessageDigest.getInstance("SHA-256")
              .digest(("motcua-testpki:" + label).getBytes(StandardCharsets.UTF_8)));
      return random;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA1PRNG is not available", e);
    }
  }
}
