package io.github.motcua.testkit.internal.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Issues X.509 certificates for the test PKI with BouncyCastle. */
public final class CertificateMaker {

  private CertificateMaker() {}

  /**
   * Parses a subject in RFC 4514 form, reading {@code UID} as the LDAP userid attribute that
   * Vietnamese certificates use for {@code MST:} and {@code CCCD:} identifiers.
   *
   * @param subject the subject text
   * @return the name
   */
  public static X500Name name(String subject) {
    return new X500Name(BCStyle.INSTANCE, subject);
  }

  /**
   * Issues a certificate.
   *
   * @param spec what to put in it
   * @param serial the serial number
   * @return the certificate
   */
  public static X509Certificate issue(CertificateSpec spec, BigInteger serial) {
    return issue(spec, serial, null, false);
  }

  /**
   * Issues a certificate naming where its issuer's certificate is published, with key identifiers
   * made the RFC 5280 way (SHA-1 of the key) or the RFC 7093 way (the leftmost 160 bits of its
   * SHA-256).
   *
   * @param spec what to put in it
   * @param serial the serial number
   * @param caIssuersUrl the issuer certificate's URL for the AIA caIssuers method, or null
   * @param rfc7093 whether the subject key identifier follows RFC 7093 method 1
   * @return the certificate
   */
  public static X509Certificate issue(
      CertificateSpec spec, BigInteger serial, String caIssuersUrl, boolean rfc7093) {
    try {
      X500Name subject = name(spec.subject());
      X500Name issuer =
          spec.issuerCertificate() == null
              ? subject
              : X500Name.getInstance(
                  spec.issuerCertificate().getSubjectX500Principal().getEncoded());
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              serial,
              Date.from(spec.notBefore()),
              Date.from(spec.notAfter()),
              subject,
              spec.publicKey());
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.subjectKeyIdentifier,
          false,
          rfc7093
              ? new org.bouncycastle.asn1.x509.SubjectKeyIdentifier(rfc7093(spec.publicKey()))
              : utils.createSubjectKeyIdentifier(spec.publicKey()));
      if (spec.issuerCertificate() != null) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            utils.createAuthorityKeyIdentifier(spec.issuerCertificate()));
      }
      builder.addExtension(
          Extension.basicConstraints,
          true,
          spec.ca() ? new BasicConstraints(true) : new BasicConstraints(false));
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(spec.keyUsage()));
      if (!spec.extendedKeyUsage().isEmpty()) {
        KeyPurposeId[] purposes =
            spec.extendedKeyUsage().stream()
                .map(oid -> KeyPurposeId.getInstance(new ASN1ObjectIdentifier(oid)))
                .toArray(KeyPurposeId[]::new);
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purposes));
      }
      if (spec.crlUrl() != null) {
        GeneralNames names =
            new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, spec.crlUrl()));
        builder.addExtension(
            Extension.cRLDistributionPoints,
            false,
            new CRLDistPoint(
                new DistributionPoint[] {
                  new DistributionPoint(new DistributionPointName(names), null, null)
                }));
      }
      java.util.List<AccessDescription> access = new java.util.ArrayList<>();
      if (spec.ocspUrl() != null) {
        access.add(
            new AccessDescription(
                AccessDescription.id_ad_ocsp,
                new GeneralName(GeneralName.uniformResourceIdentifier, spec.ocspUrl())));
      }
      if (caIssuersUrl != null) {
        access.add(
            new AccessDescription(
                AccessDescription.id_ad_caIssuers,
                new GeneralName(GeneralName.uniformResourceIdentifier, caIssuersUrl)));
      }
      if (!access.isEmpty()) {
        builder.addExtension(
            Extension.authorityInfoAccess,
            false,
            new AuthorityInformationAccess(access.toArray(new AccessDescription[0])));
      }
      return new JcaX509CertificateConverter()
          .getCertificate(builder.build(signer(spec.issuerKey())));
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("Cannot issue a test certificate", e);
    }
  }

  private static byte[] rfc7093(java.security.PublicKey key) throws GeneralSecurityException {
    byte[] bits =
        org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(key.getEncoded())
            .getPublicKeyData()
            .getBytes();
    return java.util.Arrays.copyOf(
        java.security.MessageDigest.getInstance("SHA-256").digest(bits), 20);
  }

  /**
   * Returns a SHA-256 content signer for a CA key (RSA or EC).
   *
   * @param key the CA's private key
   * @return the signer
   */
  public static ContentSigner signer(PrivateKey key) {
    try {
      String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
      return new JcaContentSignerBuilder(algorithm).build(key);
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("Cannot create a signer for a test key", e);
    }
  }

  /**
   * Writes objects as PEM.
   *
   * @param objects certificates, keys or CRLs
   * @return the PEM text
   */
  public static String pem(Object... objects) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      for (Object object : objects) {
        writer.writeObject(object);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot write PEM", e);
    }
    return out.toString();
  }
}
