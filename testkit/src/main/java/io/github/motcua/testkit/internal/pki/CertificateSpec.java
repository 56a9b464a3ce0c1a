package io.github.motcua.testkit.internal.pki;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * What to put in a test certificate.
 *
 * @param subject the subject name, RFC 4514 style with BouncyCastle attribute names
 * @param publicKey the certified key
 * @param issuerCertificate the issuer's certificate, or null for a self-signed certificate
 * @param issuerKey the key that signs the certificate
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param ca whether the certificate is a CA certificate
 * @param keyUsage the key usage bits ({@link org.bouncycastle.asn1.x509.KeyUsage} constants)
 * @param extendedKeyUsage extended key usage OIDs, empty for none; critical when present
 * @param crlUrl the CRL distribution point, or null
 * @param ocspUrl the OCSP responder (AIA), or null
 */
public record CertificateSpec(
    String subject,
    PublicKey publicKey,
    X509Certificate issuerCertificate,
    PrivateKey issuerKey,
    Instant notBefore,
    Instant notAfter,
    boolean ca,
    int keyUsage,
    List<String> extendedKeyUsage,
    String crlUrl,
    String ocspUrl) {

  /**
   * A self-signed CA certificate.
   *
   * @param subject the subject
   * @param keys the CA's keys
   * @param notBefore start of validity
   * @param notAfter end of validity
   * @param keyUsage the key usage bits
   * @return the specification
   */
  public static CertificateSpec selfSigned(
      String subject, KeyPair keys, Instant notBefore, Instant notAfter, int keyUsage) {
    return new CertificateSpec(
        subject,
        keys.getPublic(),
        null,
        keys.getPrivate(),
        notBefore,
        notAfter,
        true,
        keyUsage,
        List.of(),
        null,
        null);
  }
}
