package io.github.motcua.signing;

import io.github.motcua.core.MotcuaException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The seam for whatever holds a private key (khóa bí mật): a key store file, a USB token or HSM
 * through PKCS#11, or a remote signing service that only ever sees a hash.
 *
 * <p>A signing key signs a <em>digest</em>, never the document, so that the document does not leave
 * the integrator's system: for {@link SignatureScheme#RSA_PKCS1_V1_5} the implementation wraps the
 * digest in a DigestInfo (RFC 8017 §9.2) and applies the private key; for {@link
 * SignatureScheme#RSA_PSS} it applies EMSA-PSS to the digest; for {@link SignatureScheme#ECDSA} it
 * signs the digest and returns a DER {@code ECDSA-Sig-Value}.
 *
 * <p>Implementations: {@link KeyStoreSigningKey}, {@link Pkcs11SigningKey}, {@link
 * RemoteSigningKey}. Implementations must be thread-safe.
 */
public interface SigningKey {

  /**
   * Returns the certificate chain: the signer's certificate first, then its issuers (the root may
   * be left out).
   *
   * @return a non-empty immutable list
   */
  List<X509Certificate> certificateChain();

  /**
   * Returns the signer's certificate.
   *
   * @return the first certificate of {@link #certificateChain()}
   */
  default X509Certificate certificate() {
    return certificateChain().get(0);
  }

  /**
   * Returns the scheme this key signs with.
   *
   * @return by default {@link SignatureScheme#RSA_PKCS1_V1_5} for RSA keys and {@link
   *     SignatureScheme#ECDSA} for EC keys
   */
  default SignatureScheme signatureScheme() {
    return SignatureScheme.defaultFor(certificate().getPublicKey().getAlgorithm());
  }

  /**
   * Signs a digest.
   *
   * @param digest the digest, as long as {@code algorithm} produces
   * @param algorithm the algorithm that produced the digest
   * @return the signature value in the form CMS carries it
   * @throws MotcuaException when the key holder cannot or will not sign
   */
  byte[] signDigest(byte[] digest, DigestAlgorithm algorithm);
}
