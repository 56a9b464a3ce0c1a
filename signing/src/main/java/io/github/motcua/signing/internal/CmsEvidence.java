package io.github.motcua.signing.internal;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * The certificates a CMS signature (or an RFC 3161 token, itself a CMS signature) needs validation
 * data for: each signer's, and each signature or archive time-stamp's authority; with every
 * certificate it carries, to complete their chains. Used to extend signatures to the long-term
 * levels.
 */
public final class CmsEvidence {

  /**
   * What was found.
   *
   * @param toValidate the signers' and time-stamping authorities' certificates
   * @param carried every certificate in the signature and its time-stamps
   */
  public record Certificates(List<X509Certificate> toValidate, List<X509Certificate> carried) {}

  private CmsEvidence() {}

  /**
   * Reads the certificates of a signature.
   *
   * @param cms the DER CMS ContentInfo
   * @return the certificates
   * @throws IOException when the signature does not parse or names a certificate it lacks
   */
  public static Certificates of(byte[] cms) throws IOException {
    List<X509Certificate> toValidate = new ArrayList<>();
    List<X509Certificate> carried = new ArrayList<>();
    try {
      collect(new CMSSignedData(cms), toValidate, carried, true);
    } catch (CMSException | RuntimeException e) {
      throw new IOException("not a CMS signature", e);
    }
    return new Certificates(toValidate, carried);
  }

  private static void collect(
      CMSSignedData signed,
      List<X509Certificate> toValidate,
      Collection<X509Certificate> carried,
      boolean followTimestamps)
      throws IOException {
    JcaX509CertificateConverter converter =
        new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
    List<X509CertificateHolder> holders =
        new ArrayList<>(signed.getCertificates().getMatches(null));
    try {
      for (X509CertificateHolder holder : holders) {
        X509Certificate certificate = converter.getCertificate(holder);
        if (!carried.contains(certificate)) {
          carried.add(certificate);
        }
      }
      for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
        X509CertificateHolder found = null;
        for (X509CertificateHolder holder : holders) {
          if (signer.getSID().match(holder)) {
            found = holder;
          }
        }
        if (found == null) {
          throw new IOException("the signature does not carry its signer's certificate");
        }
        X509Certificate certificate = converter.getCertificate(found);
        if (!toValidate.contains(certificate)) {
          toValidate.add(certificate);
        }
        AttributeTable unsigned = signer.getUnsignedAttributes();
        if (!followTimestamps || unsigned == null) {
          continue;
        }
        org.bouncycastle.asn1.ASN1EncodableVector tokens =
            unsigned.getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        org.bouncycastle.asn1.ASN1EncodableVector archive =
            unsigned.getAll(ArchiveTimestamps.ARCHIVE_TIMESTAMP_V3);
        for (int i = 0; i < archive.size(); i++) {
          tokens.add(archive.get(i));
        }
        for (int i = 0; i < tokens.size(); i++) {
          for (ASN1Encodable value : Attribute.getInstance(tokens.get(i)).getAttrValues()) {
            TimeStampToken token =
                new TimeStampToken(new CMSSignedData(ContentInfo.getInstance(value)));
            collect(new CMSSignedData(ContentInfo.getInstance(value)), toValidate, carried, false);
            token.getTimeStampInfo();
          }
        }
      }
    } catch (java.security.cert.CertificateException
        | org.bouncycastle.tsp.TSPException
        | CMSException e) {
      throw new IOException("unreadable certificate or time-stamp", e);
    }
  }
}
