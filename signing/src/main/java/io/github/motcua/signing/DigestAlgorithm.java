package io.github.motcua.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A hash function (hàm băm) of the SHA-2 family (FIPS 180-4) used to sign and time-stamp.
 * Thread-safe.
 */
public enum DigestAlgorithm {
  /** SHA-256, 32-byte digests; OID 2.16.840.1.101.3.4.2.1. The default. */
  SHA256("SHA-256", "2.16.840.1.101.3.4.2.1", 32),
  /** SHA-384, 48-byte digests; OID 2.16.840.1.101.3.4.2.2. */
  SHA384("SHA-384", "2.16.840.1.101.3.4.2.2", 48),
  /** SHA-512, 64-byte digests; OID 2.16.840.1.101.3.4.2.3. */
  SHA512("SHA-512", "2.16.840.1.101.3.4.2.3", 64);

  private final String jcaName;
  private final String oid;
  private final int length;

  DigestAlgorithm(String jcaName, String oid, int length) {
    this.jcaName = jcaName;
    this.oid = oid;
    this.length = length;
  }

  /**
   * Returns the Java Cryptography Architecture name.
   *
   * @return such as {@code SHA-256}
   */
  public String jcaName() {
    return jcaName;
  }

  /**
   * Returns the ASN.1 object identifier.
   *
   * @return the dotted OID
   */
  public String oid() {
    return oid;
  }

  /**
   * Returns the digest length.
   *
   * @return the length in bytes
   */
  public int length() {
    return length;
  }

  /**
   * Creates a new message digest engine; the engine itself is not thread-safe.
   *
   * @return a fresh engine
   */
  public MessageDigest newMessageDigest() {
    try {
      return MessageDigest.getInstance(jcaName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(jcaName + " is required by the Java platform", e);
    }
  }

  /**
   * Hashes bytes.
   *
   * @param data the data
   * @return the digest
   */
  public byte[] digest(byte[] data) {
    return newMessageDigest().digest(data);
  }

  /**
   * Finds the algorithm with an OID.
   *
   * @param oid the dotted OID
   * @return the algorithm, or empty when it is not one of these
   */
  public static Optional<DigestAlgorithm> fromOid(String oid) {
    for (DigestAlgorithm algorithm : values()) {
      if (algorithm.oid.equals(oid)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }
}
