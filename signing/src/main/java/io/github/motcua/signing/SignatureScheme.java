package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.MotcuaException;

/**
 * How a private key turns a digest into a signature value. Thread-safe.
 *
 * <p>The digest algorithm is chosen separately ({@link DigestAlgorithm}); RSA-PSS uses MGF1 with
 * the same digest, a salt as long as the digest and trailer field 1 (RFC 4056).
 */
public enum SignatureScheme {
  /** RSA with PKCS#1 v1.5 padding (RFC 8017 §8.2), the most widely accepted. */
  RSA_PKCS1_V1_5,
  /** RSA with PSS padding (RFC 8017 §8.1, RFC 4056 in CMS). */
  RSA_PSS,
  /** ECDSA (FIPS 186-4) on P-256 or P-384, DER-encoded signature values. */
  ECDSA;

  /**
   * Returns the default scheme for a key algorithm.
   *
   * @param keyAlgorithm the JCA key algorithm, such as {@code RSA} or {@code EC}
   * @return {@link #RSA_PKCS1_V1_5} for RSA, {@link #ECDSA} for EC
   * @throws MotcuaException {@code signing-key.unsupported} for any other algorithm
   */
  public static SignatureScheme defaultFor(String keyAlgorithm) {
    switch (keyAlgorithm) {
      case "RSA":
        return RSA_PKCS1_V1_5;
      case "RSASSA-PSS":
        return RSA_PSS;
      case "EC":
      case "ECDSA":
        return ECDSA;
      default:
        throw new ConfigurationException(
            "signing-key.unsupported", "Keys of type " + keyAlgorithm + " cannot sign here.", null);
    }
  }

  /**
   * Tells whether a key of the given algorithm can sign with this scheme.
   *
   * @param keyAlgorithm the JCA key algorithm
   * @return true when compatible
   */
  public boolean fits(String keyAlgorithm) {
    return this == ECDSA
        ? keyAlgorithm.equals("EC") || keyAlgorithm.equals("ECDSA")
        : keyAlgorithm.equals("RSA") || keyAlgorithm.equals("RSASSA-PSS");
  }
}
