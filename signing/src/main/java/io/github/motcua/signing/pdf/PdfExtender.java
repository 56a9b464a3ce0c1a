package io.github.motcua.signing.pdf;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.signing.CertificateValidator;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.TimestampAuthority;
import io.github.motcua.signing.ValidationData;
import io.github.motcua.signing.internal.CmsEvidence;
import io.github.motcua.signing.pdf.internal.DocumentSecurityStore;
import io.github.motcua.signing.pdf.internal.PdfDependencies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Extends the signatures of a PDF to the long-term levels of PAdES (ETSI EN 319 142-1) in
 * incremental updates, so that earlier signatures stay valid:
 *
 * <ul>
 *   <li>{@link #toLt} (B-LT): a document security store ({@code /DSS}) with every certificate of
 *       each signature's and time-stamp's chain, an OCSP answer (or a CRL) for each, fetched now,
 *       and a {@code /VRI} entry per signature naming the values it uses;
 *   <li>{@link #toLta} (B-LTA): the same, then a document time-stamp ({@code /Type /DocTimeStamp},
 *       {@code /SubFilter /ETSI.RFC3161}) over the whole document, then the time-stamp's own
 *       validation data in a last store update. Calling it again adds a new time-stamp over all of
 *       it: renew before the time-stamping certificate expires.
 * </ul>
 *
 * <pre>{@code
 * PdfExtender extender = PdfExtender.builder()
 *     .certificateValidator(CertificateValidator.builder().trustAnchors(anchors).build())
 *     .timestampAuthority(HttpTimestampAuthority.builder().url(tsaUrl).build())
 *     .build();
 * byte[] archived = extender.toLta(signedPdf);
 * }</pre>
 *
 * <p>{@link PdfSignatureVerifier} uses the store's values when the responders are gone, and a valid
 * document time-stamp as proof that the signatures it covers existed at its time. Needs Apache
 * PDFBox 3 on the class path. Immutable and thread-safe.
 */
public final class PdfExtender {

  // A name, not a COSName constant: a static PDFBox field would fail before builder() could say
  // that PDFBox is missing.
  private static final String RFC3161 = "ETSI.RFC3161";

  private final CertificateValidator validator;
  private final TimestampAuthority tsa;
  private final DigestAlgorithm digestAlgorithm;
  private final int timestampSize;

  private PdfExtender(Builder builder) {
    this.validator = builder.validator;
    this.tsa = builder.tsa;
    this.digestAlgorithm = builder.digestAlgorithm;
    this.timestampSize = builder.timestampSize;
  }

  /**
   * Starts an extender.
   *
   * @return a new builder
   * @throws io.github.motcua.core.ConfigurationException coded {@code pdf.dependency-missing} when
   *     an optional library it needs is not on the class path
   */
  public static Builder builder() {
    PdfDependencies.requirePdfBox("PdfExtender");
    return new Builder();
  }

  /**
   * Adds a document security store with the validation data of every signature and document
   * time-stamp (PAdES B-LT).
   *
   * @param pdf a signed document
   * @return the document with one more revision
   * @throws InvalidInputException {@code pdf.unreadable}, {@code pdf.encrypted}, {@code
   *     pdf-extender.no-signatures} or {@code pdf-extender.malformed}
   * @throws io.github.motcua.core.MotcuaException {@code validation-data.chain} or {@code
   *     validation-data.revocation} when a chain or a revocation value cannot be had
   */
  public byte[] toLt(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf");
    try (PDDocument document = PdfSigner.load(pdf)) {
      return LongTermUpdate.write(document, pdf, validator);
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new InvalidInputException(
          "pdf-extender.write", "PDFBox could not write the update.", e);
    }
  }

  /**
   * Adds the validation data ({@link #toLt}) and then a document time-stamp (PAdES B-LTA).
   *
   * @param pdf a signed document
   * @return the document with three more revisions
   * @throws ConfigurationException {@code pdf-extender.timestamp-authority.missing} when the
   *     extender has no time-stamp authority
   * @throws io.github.motcua.core.MotcuaException when no token can be had
   */
  public byte[] toLta(byte[] pdf) {
    if (tsa == null) {
      throw new ConfigurationException(
          "pdf-extender.timestamp-authority.missing",
          "Give timestampAuthority(...) for document time-stamps.",
          null);
    }
    byte[] lt = toLt(pdf);
    ByteArrayOutputStream stamped = new ByteArrayOutputStream(lt.length + 2 * timestampSize + 8192);
    try (PDDocument document = PdfSigner.load(lt);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature timestamp = new PDSignature();
      timestamp.setType(COSName.DOC_TIME_STAMP);
      timestamp.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      timestamp.setSubFilter(COSName.getPDFName(RFC3161));
      options.setPreferredSignatureSize(timestampSize);
      document.addSignature(timestamp, options);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(stamped);
      MessageDigest digest = digestAlgorithm.newMessageDigest();
      try (InputStream content = external.getContent()) {
        byte[] buffer = new byte[16384];
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
          digest.update(buffer, 0, n);
        }
      }
      byte[] token = tsa.timestamp(digest.digest(), digestAlgorithm);
      if (token.length > timestampSize) {
        throw new ConfigurationException(
            "pdf-signer.signature-size",
            "The time-stamp token (" + token.length + " bytes) does not fit " + timestampSize,
            null);
      }
      external.setSignature(token);
    } catch (IOException e) {
      throw new InvalidInputException(
          "pdf-extender.write", "PDFBox could not write the update.", e);
    }
    // The new time-stamp's own validation data, so it verifies once its authority's responders
    // are gone; the next renewal covers this revision with the next time-stamp.
    return toLt(stamped.toByteArray());
  }

  /**
   * The key of a signature's VRI entry: the upper-case hexadecimal SHA-1 of its signature value
   * (PAdES, ETSI EN 319 142-1 §5.4.2.2): of the {@code /Contents} bytes for a CMS signature, and of
   * the token for a document time-stamp.
   */
  private static String vriKey(PDSignature signature, byte[] contents, byte[] der)
      throws java.security.NoSuchAlgorithmException {
    byte[] value = RFC3161.equals(signature.getSubFilter()) && der != null ? der : contents;
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-1").digest(value))
        .toUpperCase(Locale.ROOT);
  }

  /**
   * Writes the {@code /DSS} update. A class of its own: the COS objects it builds are checked
   * against their supertypes when the class is verified, which must not happen before {@link
   * #builder()} has checked that PDFBox is on the class path.
   */
  private static final class LongTermUpdate {

    private LongTermUpdate() {}

    static byte[] write(PDDocument document, byte[] pdf, CertificateValidator validator)
        throws IOException, java.security.GeneralSecurityException {
      List<PDSignature> signatures = document.getSignatureDictionaries();
      if (signatures.isEmpty()) {
        throw new InvalidInputException(
            "pdf-extender.no-signatures", "The PDF holds no signature.", null);
      }
      COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
      COSDictionary old = catalog.getCOSDictionary(DocumentSecurityStore.DSS);
      COSDictionary dss = old == null ? new COSDictionary() : old;
      Store certs = new Store(document, dss, DocumentSecurityStore.CERTS);
      Store ocsps = new Store(document, dss, DocumentSecurityStore.OCSPS);
      Store crls = new Store(document, dss, DocumentSecurityStore.CRLS);
      COSDictionary vri = new COSDictionary();
      COSDictionary oldVri = dss.getCOSDictionary(DocumentSecurityStore.VRI);
      if (oldVri != null) {
        for (var entry : oldVri.entrySet()) {
          vri.setItem(entry.getKey(), entry.getValue());
        }
      }
      for (PDSignature signature : signatures) {
        byte[] contents = signature.getContents();
        byte[] der = PdfSignatureVerifier.oneDerObject(contents);
        CmsEvidence.Certificates found;
        try {
          found = CmsEvidence.of(der == null ? new byte[0] : der);
        } catch (IOException e) {
          throw new InvalidInputException(
              "pdf-extender.malformed", "A signature of the PDF cannot be read.", e);
        }
        ValidationData data = validator.gather(found.toValidate(), found.carried());
        COSDictionary entry = new COSDictionary();
        COSArray entryCerts = new COSArray();
        for (X509Certificate certificate : data.certificates()) {
          entryCerts.add(certs.add(certificate.getEncoded()));
        }
        COSArray entryOcsps = new COSArray();
        for (byte[] ocsp : data.ocspResponses()) {
          entryOcsps.add(ocsps.add(ocsp));
        }
        COSArray entryCrls = new COSArray();
        for (X509CRL crl : data.crls()) {
          entryCrls.add(crls.add(crl.getEncoded()));
        }
        entry.setItem(COSName.getPDFName("Cert"), entryCerts);
        if (entryOcsps.size() > 0) {
          entry.setItem(COSName.getPDFName("OCSP"), entryOcsps);
        }
        if (entryCrls.size() > 0) {
          entry.setItem(COSName.getPDFName("CRL"), entryCrls);
        }
        vri.setItem(COSName.getPDFName(vriKey(signature, contents, der)), entry);
      }
      certs.save();
      ocsps.save();
      crls.save();
      dss.setItem(DocumentSecurityStore.VRI, vri);
      catalog.setItem(DocumentSecurityStore.DSS, dss);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
      document.saveIncremental(out, Set.of(catalog, dss));
      return out.toByteArray();
    }
  }

  /** One array of the store: the values already there, and streams for new ones. */
  private static final class Store {
    private final PDDocument document;
    private final COSDictionary dss;
    private final COSName key;
    private final COSArray array = new COSArray();
    private final List<byte[]> values = new ArrayList<>();

    Store(PDDocument document, COSDictionary dss, COSName key) throws IOException {
      this.document = document;
      this.dss = dss;
      this.key = key;
      if (dss.getDictionaryObject(key) instanceof COSArray existing) {
        for (int i = 0; i < existing.size(); i++) {
          COSBase item = existing.get(i);
          array.add(item);
          byte[] bytes = new byte[0];
          if (existing.getObject(i) instanceof COSStream stream) {
            try (InputStream in = stream.createInputStream()) {
              bytes = in.readAllBytes();
            }
          }
          values.add(bytes);
        }
      }
    }

    /** The stream holding {@code value}, added when new. */
    COSBase add(byte[] value) throws IOException {
      for (int i = 0; i < values.size(); i++) {
        if (java.util.Arrays.equals(values.get(i), value)) {
          return array.get(i);
        }
      }
      COSStream stream = document.getDocument().createCOSStream();
      try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
        out.write(value);
      }
      array.add(stream);
      values.add(value);
      return stream;
    }

    void save() {
      if (array.size() > 0) {
        dss.setItem(key, array);
      }
    }
  }

  /** Builds a {@link PdfExtender}. Not thread-safe. */
  public static final class Builder {
    private CertificateValidator validator;
    private TimestampAuthority tsa;
    private DigestAlgorithm digestAlgorithm = DigestAlgorithm.SHA256;
    private int timestampSize = 16384;

    private Builder() {}

    /**
     * Sets the validator whose trust anchors end the chains and whose HTTP client fetches the OCSP
     * answers and CRLs (required).
     *
     * @param validator the validator; not null
     * @return this builder
     */
    public Builder certificateValidator(CertificateValidator validator) {
      this.validator = Objects.requireNonNull(validator, "validator");
      return this;
    }

    /**
     * Sets the time-stamp authority for document time-stamps (required for {@link #toLta}).
     *
     * @param authority the authority; not null
     * @return this builder
     */
    public Builder timestampAuthority(TimestampAuthority authority) {
      this.tsa = Objects.requireNonNull(authority, "authority");
      return this;
    }

    /**
     * Sets the digest the document time-stamp covers the document with.
     *
     * @param algorithm default SHA-256; not null
     * @return this builder
     */
    public Builder digestAlgorithm(DigestAlgorithm algorithm) {
      this.digestAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Builds the extender.
     *
     * @return the extender
     * @throws ConfigurationException {@code pdf-extender.certificate-validator.missing}
     */
    public PdfExtender build() {
      if (validator == null) {
        throw new ConfigurationException(
            "pdf-extender.certificate-validator.missing", "Give certificateValidator(...).", null);
      }
      return new PdfExtender(this);
    }
  }
}
