package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The certificates a verifier trusts without further proof (điểm tin cậy): for Vietnamese public
 * signatures the national root CA, for civil-service signatures the Government CA root, for tests a
 * {@code TestPki} root.
 *
 * <pre>{@code
 * TrustAnchors anchors = TrustAnchors.fromPem(Path.of("roots.pem"));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustAnchors {

  private final List<X509Certificate> certificates;

  private TrustAnchors(List<X509Certificate> certificates) {
    if (certificates.isEmpty()) {
      throw new ConfigurationException(
          "trust-anchors.empty", "At least one trust anchor is needed.", null);
    }
    this.certificates = List.copyOf(certificates);
  }

  /**
   * Trusts the given certificates.
   *
   * @param certificates the anchors
   * @return the trust anchors
   */
  public static TrustAnchors of(X509Certificate... certificates) {
    return of(List.of(certificates));
  }

  /**
   * Trusts the given certificates.
   *
   * @param certificates the anchors
   * @return the trust anchors
   */
  public static TrustAnchors of(Collection<X509Certificate> certificates) {
    Objects.requireNonNull(certificates, "certificates");
    return new TrustAnchors(new ArrayList<>(certificates));
  }

  /**
   * Trusts every certificate entry (and the certificate of every key entry) of a key store, such as
   * a PKCS#12 or JKS trust store.
   *
   * @param store a loaded key store
   * @return the trust anchors
   * @throws ConfigurationException {@code trust-anchors.key-store} when it cannot be read, {@code
   *     trust-anchors.empty} when it holds no certificate
   */
  public static TrustAnchors fromKeyStore(KeyStore store) {
    Objects.requireNonNull(store, "store");
    try {
      List<X509Certificate> out = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        Certificate certificate = store.getCertificate(alias);
        if (certificate instanceof X509Certificate) {
          out.add((X509Certificate) certificate);
        }
      }
      return new TrustAnchors(out);
    } catch (KeyStoreException e) {
      throw new ConfigurationException(
          "trust-anchors.key-store", "The trust store cannot be read.", e);
    }
  }

  /**
   * Trusts the certificates in PEM text ({@code -----BEGIN CERTIFICATE-----} blocks).
   *
   * @param pem the PEM text
   * @return the trust anchors
   * @throws ConfigurationException {@code trust-anchors.pem} when it does not parse
   */
  public static TrustAnchors fromPem(String pem) {
    Objects.requireNonNull(pem, "pem");
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate certificate :
          factory.generateCertificates(
              new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
        out.add((X509Certificate) certificate);
      }
      return new TrustAnchors(out);
    } catch (CertificateException e) {
      throw new ConfigurationException(
          "trust-anchors.pem", "The PEM text holds no readable certificate.", e);
    }
  }

  /**
   * Trusts the certificates in a PEM file.
   *
   * @param file the file
   * @return the trust anchors
   * @throws ConfigurationException {@code trust-anchors.pem} when it cannot be read
   */
  public static TrustAnchors fromPem(Path file) {
    try {
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new ConfigurationException("trust-anchors.pem", "The PEM file cannot be read.", e);
    }
  }

  /**
   * Returns the anchors.
   *
   * @return an immutable list
   */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /**
   * Tells whether a certificate is one of the anchors.
   *
   * @param certificate the certificate
   * @return true when trusted as is
   */
  public boolean contains(X509Certificate certificate) {
    return certificates.contains(certificate);
  }

  @Override
  public String toString() {
    return "TrustAnchors[" + certificates.size() + "]";
  }
}
