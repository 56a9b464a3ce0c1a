package io.github.motcua.testkit.internal.pki;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A certificate authority of the test PKI and the revocation state of the certificates it issued.
 * Revocations may change while tests run, from any thread.
 */
public final class Authority {

  /**
   * A revocation.
   *
   * @param time when the certificate was revoked
   * @param reason the CRL reason code ({@link org.bouncycastle.asn1.x509.CRLReason})
   */
  public record Revocation(Instant time, int reason) {}

  private final String name;
  private final X509Certificate certificate;
  private final PrivateKey key;
  private final Map<BigInteger, Revocation> revoked = new ConcurrentHashMap<>();
  private final Map<BigInteger, Boolean> issued = new ConcurrentHashMap<>();

  /**
   * Creates an authority.
   *
   * @param name the short name used in URLs, such as {@code intermediate}
   * @param certificate its certificate
   * @param key its private key
   */
  public Authority(String name, X509Certificate certificate, PrivateKey key) {
    this.name = name;
    this.certificate = certificate;
    this.key = key;
  }

  /**
   * Returns the short name used in URLs.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the authority's certificate.
   *
   * @return the certificate
   */
  public X509Certificate certificate() {
    return certificate;
  }

  /**
   * Returns the authority's private key.
   *
   * @return the key
   */
  public PrivateKey key() {
    return key;
  }

  /**
   * Records that this authority issued a certificate, so that OCSP answers "good" rather than
   * "unknown" for it.
   *
   * @param serial the serial number
   */
  public void recordIssued(BigInteger serial) {
    issued.put(serial, Boolean.TRUE);
  }

  /**
   * Tells whether this authority issued a serial number.
   *
   * @param serial the serial number
   * @return true when issued here
   */
  public boolean issued(BigInteger serial) {
    return issued.containsKey(serial);
  }

  /**
   * Revokes a certificate.
   *
   * @param serial its serial number
   * @param revocation when and why
   */
  public void revoke(BigInteger serial, Revocation revocation) {
    revoked.put(serial, revocation);
  }

  /**
   * Takes a certificate off the revocation list.
   *
   * @param serial its serial number
   */
  public void unrevoke(BigInteger serial) {
    revoked.remove(serial);
  }

  /**
   * Returns the revocation of a certificate.
   *
   * @param serial its serial number
   * @return the revocation, or empty when not revoked
   */
  public Optional<Revocation> revocation(BigInteger serial) {
    return Optional.ofNullable(revoked.get(serial));
  }

  /**
   * Returns every current revocation.
   *
   * @return a snapshot of the revocations by serial number
   */
  public Map<BigInteger, Revocation> revocations() {
    return Map.copyOf(revoked);
  }
}
