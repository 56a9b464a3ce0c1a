package io.github.motcua.signing.pdf.internal;

import io.github.motcua.signing.ValidationData;
import io.github.motcua.signing.VerificationLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the document security store ({@code /DSS}, ETSI EN 319 142-1 §5.4.2): the certificates,
 * CRLs and OCSP answers a PAdES B-LT document carries for later validation.
 */
public final class DocumentSecurityStore {

  private static final Logger LOG = LoggerFactory.getLogger(DocumentSecurityStore.class);

  /** The catalog key. */
  public static final COSName DSS = COSName.getPDFName("DSS");

  /** The certificates array. */
  public static final COSName CERTS = COSName.getPDFName("Certs");

  /** The CRLs array. */
  public static final COSName CRLS = COSName.getPDFName("CRLs");

  /** The OCSP answers array. */
  public static final COSName OCSPS = COSName.getPDFName("OCSPs");

  /** The validation-related information dictionary. */
  public static final COSName VRI = COSName.getPDFName("VRI");

  private DocumentSecurityStore() {}

  /**
   * Reads the store.
   *
   * @param document the document
   * @param limits how many values are accepted
   * @return the values (empty lists without a store), or empty when there are more than allowed
   */
  public static Optional<ValidationData> read(PDDocument document, VerificationLimits limits) {
    COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
    if (dss == null) {
      return Optional.of(ValidationData.NONE);
    }
    if (size(dss.getDictionaryObject(CERTS)) > limits.maxCertificates()
        || size(dss.getDictionaryObject(CRLS)) + size(dss.getDictionaryObject(OCSPS))
            > limits.maxRevocationValues()) {
      return Optional.empty();
    }
    List<byte[]> certs = streams(dss.getDictionaryObject(CERTS));
    List<byte[]> crls = streams(dss.getDictionaryObject(CRLS));
    List<byte[]> ocsps = streams(dss.getDictionaryObject(OCSPS));
    List<X509Certificate> certificates = new ArrayList<>();
    List<X509CRL> revocationLists = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (byte[] der : certs) {
        try {
          certificates.add(
              (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        } catch (Exception e) {
          LOG.debug("Skipping an unreadable certificate in /DSS", e);
        }
      }
      for (byte[] der : crls) {
        try {
          if (der.length <= limits.maxCrlBytes()) {
            revocationLists.add((X509CRL) factory.generateCRL(new ByteArrayInputStream(der)));
          }
        } catch (Exception e) {
          LOG.debug("Skipping an unreadable CRL in /DSS", e);
        }
      }
    } catch (java.security.cert.CertificateException e) {
      throw new IllegalStateException("X.509 is required by the Java platform", e);
    }
    List<byte[]> answers = new ArrayList<>();
    for (byte[] der : ocsps) {
      if (der.length <= limits.maxOcspBytes()) {
        answers.add(der);
      }
    }
    return Optional.of(new ValidationData(certificates, revocationLists, answers, List.of()));
  }

  /**
   * Tells whether the store holds more values than the limits allow, before reading any.
   *
   * @param document the document
   * @param limits the limits
   * @return the {@code limit.exceeded} check naming the limit, or empty
   */
  public static Optional<io.github.motcua.signing.Check> overLimit(
      PDDocument document, VerificationLimits limits) {
    COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(DSS);
    if (dss == null) {
      return Optional.empty();
    }
    long certs = size(dss.getDictionaryObject(CERTS));
    if (certs > limits.maxCertificates()) {
      return Optional.of(
          VerificationLimits.exceeded("certificates", certs, limits.maxCertificates()));
    }
    long values = size(dss.getDictionaryObject(CRLS)) + size(dss.getDictionaryObject(OCSPS));
    if (values > limits.maxRevocationValues()) {
      return Optional.of(
          VerificationLimits.exceeded("revocation-values", values, limits.maxRevocationValues()));
    }
    return Optional.empty();
  }

  private static long size(COSBase base) {
    return base instanceof COSArray array ? array.size() : 0;
  }

  private static List<byte[]> streams(COSBase base) {
    List<byte[]> out = new ArrayList<>();
    if (!(base instanceof COSArray array)) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.getObject(i) instanceof COSStream stream) {
        try (InputStream in = stream.createInputStream()) {
          out.add(in.readAllBytes());
        } catch (IOException e) {
          LOG.debug("Skipping an unreadable stream in /DSS", e);
        }
      }
    }
    return out;
  }
}
