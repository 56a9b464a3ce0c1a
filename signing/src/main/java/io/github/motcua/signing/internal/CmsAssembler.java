package io.github.motcua.signing.internal;

import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.SignatureScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.BEROctetStringGenerator;
import org.bouncycastle.asn1.BERSequenceGenerator;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Builds CAdES-BES / CAdES-T structures (ETSI EN 319 122-1, RFC 5652) from their parts: the signed
 * attributes before signing, then the SignerInfo and SignedData around a signature value. Used by
 * the one-step and the three-step signing flows alike, so both produce the same bytes.
 */
public final class CmsAssembler {

  /** id-aa-signatureTimeStampToken (RFC 3161 appendix A). */
  public static final ASN1ObjectIdentifier SIGNATURE_TIMESTAMP =
      PKCSObjectIdentifiers.id_aa_signatureTimeStampToken;

  private CmsAssembler() {}

  /**
   * Builds the CAdES-BES signed attributes: content-type (id-data), signing-time, message-digest,
   * signing-certificate-v2.
   *
   * @param algorithm the digest algorithm
   * @param messageDigest the content's digest
   * @param signingTime the claimed signing time, or null to leave the signing-time attribute out
   *     (PAdES baseline, ETSI EN 319 142-1, claims the time in the PDF signature dictionary)
   * @param signer the signer's certificate
   * @return the DER-encoded SET OF Attribute, exactly the bytes that are signed
   */
  public static byte[] signedAttributes(
      DigestAlgorithm algorithm,
      byte[] messageDigest,
      Instant signingTime,
      X509Certificate signer) {
    try {
      ASN1EncodableVector attributes = new ASN1EncodableVector();
      attributes.add(
          new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
      if (signingTime != null) {
        attributes.add(
            new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
      }
      attributes.add(
          new Attribute(
              CMSAttributes.messageDigest, new DERSet(new DEROctetString(messageDigest))));
      MessageDigest certDigest = algorithm.newMessageDigest();
      byte[] certHash = certDigest.digest(signer.getEncoded());
      IssuerSerial issuerSerial =
          new IssuerSerial(
              new GeneralNames(
                  new GeneralName(
                      X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
              signer.getSerialNumber());
      ESSCertIDv2 certId =
          new ESSCertIDv2(
              new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid())),
              certHash,
              issuerSerial);
      attributes.add(
          new Attribute(
              PKCSObjectIdentifiers.id_aa_signingCertificateV2,
              new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
      return new DERSet(attributes).getEncoded(ASN1Encoding.DER);
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException("Cannot encode the signed attributes", e);
    }
  }

  /**
   * Returns the signature algorithm identifier for a scheme and digest.
   *
   * @param scheme the scheme
   * @param algorithm the digest algorithm
   * @return the identifier put into SignerInfo.signatureAlgorithm
   */
  public static AlgorithmIdentifier signatureAlgorithm(
      SignatureScheme scheme, DigestAlgorithm algorithm) {
    switch (scheme) {
      case RSA_PKCS1_V1_5:
        ASN1ObjectIdentifier rsa =
            algorithm == DigestAlgorithm.SHA512
                ? PKCSObjectIdentifiers.sha512WithRSAEncryption
                : algorithm == DigestAlgorithm.SHA384
                    ? PKCSObjectIdentifiers.sha384WithRSAEncryption
                    : PKCSObjectIdentifiers.sha256WithRSAEncryption;
        return new AlgorithmIdentifier(rsa, DERNull.INSTANCE);
      case ECDSA:
        return new AlgorithmIdentifier(
            algorithm == DigestAlgorithm.SHA512
                ? X9ObjectIdentifiers.ecdsa_with_SHA512
                : algorithm == DigestAlgorithm.SHA384
                    ? X9ObjectIdentifiers.ecdsa_with_SHA384
                    : X9ObjectIdentifiers.ecdsa_with_SHA256);
      case RSA_PSS:
        AlgorithmIdentifier hash =
            new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid()), DERNull.INSTANCE);
        return new AlgorithmIdentifier(
            PKCSObjectIdentifiers.id_RSASSA_PSS,
            new RSASSAPSSparams(
                hash,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hash),
                new ASN1Integer(algorithm.length()),
                new ASN1Integer(1)));
      default:
        throw new IllegalStateException("unknown scheme " + scheme);
    }
  }

  /**
   * Builds the SignerInfo.
   *
   * @param signer the signer's certificate
   * @param algorithm the digest algorithm
   * @param scheme the signature scheme
   * @param signedAttributes the DER SET OF Attribute that was signed
   * @param signature the signature value
   * @param timestampToken a DER time-stamp token over the signature value, or null
   * @return the SignerInfo
   */
  public static SignerInfo signerInfo(
      X509Certificate signer,
      DigestAlgorithm algorithm,
      SignatureScheme scheme,
      byte[] signedAttributes,
      byte[] signature,
      byte[] timestampToken) {
    try {
      Certificate certificate = Certificate.getInstance(signer.getEncoded());
      SignerIdentifier id =
          new SignerIdentifier(
              new IssuerAndSerialNumber(certificate.getIssuer(), signer.getSerialNumber()));
      ASN1Set unsigned = null;
      if (timestampToken != null) {
        unsigned =
            new DERSet(
                new Attribute(
                    SIGNATURE_TIMESTAMP,
                    new DERSet(
                        ContentInfo.getInstance(ASN1Primitive.fromByteArray(timestampToken)))));
      }
      return new SignerInfo(
          id,
          digestAlgorithm(algorithm),
          ASN1Set.getInstance(ASN1Primitive.fromByteArray(signedAttributes)),
          signatureAlgorithm(scheme, algorithm),
          new DEROctetString(signature),
          unsigned);
    } catch (IOException | CertificateEncodingException e) {
      throw new IllegalStateException("Cannot build the SignerInfo", e);
    }
  }

  /**
   * Returns the digest algorithm identifier (parameters absent, RFC 5754).
   *
   * @param algorithm the algorithm
   * @return the identifier
   */
  public static AlgorithmIdentifier digestAlgorithm(DigestAlgorithm algorithm) {
    return new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.oid()));
  }

  /**
   * Builds a DER ContentInfo holding SignedData.
   *
   * @param algorithm the digest algorithm
   * @param certificates the certificates to embed
   * @param signerInfo the signer
   * @param content the encapsulated content, or null for a detached signature
   * @return the encoded ContentInfo
   */
  public static byte[] contentInfo(
      DigestAlgorithm algorithm,
      List<X509Certificate> certificates,
      SignerInfo signerInfo,
      byte[] content) {
    try {
      SignedData signedData =
          new SignedData(
              new DERSet(digestAlgorithm(algorithm)),
              new ContentInfo(
                  CMSObjectIdentifiers.data, content == null ? null : new DEROctetString(content)),
              certificateSet(certificates),
              null,
              new DERSet(signerInfo));
      return new ContentInfo(CMSObjectIdentifiers.signedData, signedData)
          .getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot encode the signature", e);
    }
  }

  private static ASN1Set certificateSet(List<X509Certificate> certificates) {
    ASN1EncodableVector vector = new ASN1EncodableVector();
    for (X509Certificate certificate : certificates) {
      try {
        vector.add(Certificate.getInstance(certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException("Cannot encode a certificate", e);
      }
    }
    return new DERSet(vector);
  }

  /**
   * Streams an encapsulating signature: writes the start of a BER ContentInfo and the content as it
   * is read, computing its digest on the way; the caller then signs and calls {@link
   * EncapsulatingWriter#finish}. The content is never held in memory.
   */
  public static final class EncapsulatingWriter {
    private final BERSequenceGenerator contentInfo;
    private final BERSequenceGenerator signedData;
    private final DigestAlgorithm algorithm;

    /**
     * Starts writing and copies the content.
     *
     * @param out where the signature goes
     * @param algorithm the digest algorithm
     * @param content the content
     * @param digest receives the content's digest
     * @throws IOException when reading or writing fails
     */
    public EncapsulatingWriter(
        OutputStream out, DigestAlgorithm algorithm, InputStream content, MessageDigest digest)
        throws IOException {
      this.algorithm = algorithm;
      contentInfo = new BERSequenceGenerator(out);
      contentInfo.addObject(CMSObjectIdentifiers.signedData);
      signedData = new BERSequenceGenerator(contentInfo.getRawOutputStream(), 0, true);
      signedData.addObject(new ASN1Integer(1));
      signedData.addObject(new DERSet(digestAlgorithm(algorithm)));
      BERSequenceGenerator encapsulated = new BERSequenceGenerator(signedData.getRawOutputStream());
      encapsulated.addObject(CMSObjectIdentifiers.data);
      BEROctetStringGenerator octets =
          new BEROctetStringGenerator(encapsulated.getRawOutputStream(), 0, true);
      try (OutputStream contentOut = octets.getOctetOutputStream(new byte[8192])) {
        byte[] buffer = new byte[8192];
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
          digest.update(buffer, 0, n);
          contentOut.write(buffer, 0, n);
        }
      }
      encapsulated.close();
    }

    /**
     * Writes the certificates and the signer and closes the structure (not the stream).
     *
     * @param certificates the certificates to embed
     * @param signerInfo the signer
     * @throws IOException when writing fails
     */
    public void finish(List<X509Certificate> certificates, SignerInfo signerInfo)
        throws IOException {
      ASN1Encodable certs = new DERTaggedObject(false, 0, certificateSet(certificates));
      signedData.getRawOutputStream().write(certs.toASN1Primitive().getEncoded(ASN1Encoding.DER));
      signedData.getRawOutputStream().write(new DERSet(signerInfo).getEncoded(ASN1Encoding.DER));
      signedData.close();
      contentInfo.close();
    }

    /**
     * Returns the digest algorithm in use.
     *
     * @return the algorithm
     */
    public DigestAlgorithm algorithm() {
      return algorithm;
    }
  }
}
