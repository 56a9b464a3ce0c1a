package io.github.motcua.signing;

import java.security.cert.X509Certificate;
import java.util.Objects;

/**
 * What a {@link RemoteSigningService} is asked to sign. Immutable; the digest is copied in and out.
 *
 * @param digest the digest to sign
 * @param algorithm the digest algorithm
 * @param scheme how to sign it
 * @param certificate the certificate whose key must sign, so the service can pick the account
 */
public record RemoteSigningRequest(
    byte[] digest, DigestAlgorithm algorithm, SignatureScheme scheme, X509Certificate certificate) {

  /**
   * Creates a request.
   *
   * @param digest the digest to sign
   * @param algorithm the digest algorithm
   * @param scheme how to sign it
   * @param certificate the certificate whose key must sign
   */
  public RemoteSigningRequest {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(certificate, "certificate");
    digest = digest.clone();
  }

  /**
   * Returns a copy of the digest.
   *
   * @return the digest
   */
  @Override
  public byte[] digest() {
    return digest.clone();
  }

  /**
   * Returns the digest in lower-case hex, as many services take it.
   *
   * @return the hex digest
   */
  public String digestHex() {
    return java.util.HexFormat.of().formatHex(digest);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RemoteSigningRequest other
        && java.util.Arrays.equals(digest, other.digest)
        && algorithm == other.algorithm
        && scheme == other.scheme
        && certificate.equals(other.certificate);
  }

  @Override
  public int hashCode() {
    return Objects.hash(java.util.Arrays.hashCode(digest), algorithm, scheme, certificate);
  }

  @Override
  public String toString() {
    return "RemoteSigningRequest[" + algorithm + ", " + scheme + ", " + digestHex() + "]";
  }
}
