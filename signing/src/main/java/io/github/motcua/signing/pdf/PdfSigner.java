package io.github.motcua.signing.pdf;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.signing.CmsSigner;
import io.github.motcua.signing.DigestAlgorithm;
import io.github.motcua.signing.PreparedSignature;
import io.github.motcua.signing.SignatureScheme;
import io.github.motcua.signing.SignerIdentity;
import io.github.motcua.signing.SigningKey;
import io.github.motcua.signing.TimestampAuthority;
import io.github.motcua.signing.pdf.internal.ByteRange;
import io.github.motcua.signing.pdf.internal.Certification;
import io.github.motcua.signing.pdf.internal.PdfDependencies;
import io.github.motcua.signing.pdf.internal.SignatureAppearance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;

/**
 * Signs PDF documents (ký số tệp PDF) with PAdES baseline signatures (ETSI EN 319 142-1): level
 * B-B, and B-T when a {@link TimestampAuthority} is set. The signature is a detached CAdES
 * signature over the byte ranges ({@code /SubFilter /ETSI.CAdES.detached}), made by the same {@link
 * CmsSigner} as CMS signatures, DER-encoded, with the signing time claimed in the signature
 * dictionary's {@code /M} rather than in a signed attribute, as PAdES requires.
 *
 * <pre>{@code
 * PdfSigner signer = PdfSigner.builder()
 *     .key(KeyStoreSigningKey.builder().pkcs12(p12, password).build())
 *     .reason("Phê duyệt kết quả giải quyết hồ sơ")
 *     .location("UBND xã Quảng Phú")
 *     .visibleSignature(VisibleSignature.at(1, 360, 60, 200, 70))
 *     .build();
 * byte[] signed = signer.sign(Files.readAllBytes(result));
 * }</pre>
 *
 * <p>Every signature is appended as an incremental update, so signatures already in the document
 * stay valid. The optional visible box shows signer, unit and time in Vietnamese with the bundled
 * DejaVu Sans font (see the module README for its licence).
 *
 * <p>Three steps, for keys outside the JVM, as with {@link CmsSigner}: {@link #prepare} returns a
 * {@link PreparedPdfSignature} whose {@link PreparedPdfSignature#digestToSign()} the holder signs;
 * {@link #complete} writes the signature into the document.
 *
 * <p>Needs Apache PDFBox 3 on the class path (an optional dependency of this module). Immutable and
 * thread-safe; build once and share.
 */
public final class PdfSigner {

  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter SHOWN_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss 'GMT+7'");

  private final Builder settings;
  private final SigningKey key;
  private final List<X509Certificate> chain;
  private final CmsSigner cms;
  private final int signatureSize;

  private PdfSigner(Builder settings, List<X509Certificate> chain, CmsSigner cms) {
    this.settings = settings.copy();
    this.key = settings.key;
    this.chain = chain;
    this.cms = cms;
    this.signatureSize =
        settings.signatureSize > 0
            ? settings.signatureSize
            : estimateSize(chain, settings.timestampAuthority != null);
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   * @throws io.github.motcua.core.ConfigurationException coded {@code pdf.dependency-missing} when
   *     an optional library it needs is not on the class path
   */
  public static Builder builder() {
    PdfDependencies.requirePdfBox("PdfSigner");
    return new Builder();
  }

  /**
   * Returns a builder holding this signer's settings, to derive a variant (another box, another
   * reason) that signs with the same key.
   *
   * @return a new builder
   */
  public Builder newBuilder() {
    return settings.copy();
  }

  /**
   * Signs a PDF in one step.
   *
   * @param pdf the document
   * @return the signed document: the original bytes followed by an incremental update
   * @throws InvalidInputException {@code pdf.unreadable}, {@code pdf.encrypted}, {@code
   *     pdf-signer.page} or {@code pdf-signer.signature-size}
   * @throws io.github.motcua.core.MotcuaException when the key cannot sign
   * @throws io.github.motcua.core.MotcuaException when the time-stamp authority fails
   * @throws ConfigurationException {@code cms-signer.key.missing} when this signer was built with a
   *     certificate chain only
   */
  public byte[] sign(byte[] pdf) {
    if (key == null) {
      throw new ConfigurationException(
          "cms-signer.key.missing",
          "This signer was built with a certificate chain only: use prepare/complete, or give"
              + " key(...).",
          null);
    }
    PreparedPdfSignature prepared = prepare(pdf);
    return complete(prepared, key.signDigest(prepared.digestToSign(), prepared.digestAlgorithm()));
  }

  /**
   * Signs a PDF file into another file.
   *
   * @param source the document
   * @param target where the signed document goes; replaced if present
   * @throws UncheckedIOException when a file cannot be read or written
   */
  public void sign(Path source, Path target) {
    try {
      Files.write(target, sign(Files.readAllBytes(source)));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading or writing the PDF failed", e);
    }
  }

  /**
   * First of three steps: adds the signature dictionary (and the visible box) as an incremental
   * update with an empty placeholder, and builds the signed attributes over its byte ranges.
   *
   * @param pdf the document
   * @return the prepared state
   * @throws InvalidInputException {@code pdf.unreadable}, {@code pdf.encrypted} or {@code
   *     pdf-signer.page}
   */
  public PreparedPdfSignature prepare(byte[] pdf) {
    Objects.requireNonNull(pdf, "pdf");
    Instant now = settings.clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * signatureSize + 8192);
    PreparedSignature prepared;
    try (PDDocument document = load(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
      signature.setName(signerName());
      if (settings.reason != null) {
        signature.setReason(settings.reason);
      }
      if (settings.location != null) {
        signature.setLocation(settings.location);
      }
      if (settings.contactInfo != null) {
        signature.setContactInfo(settings.contactInfo);
      }
      signature.setSignDate(GregorianCalendar.from(ZonedDateTime.ofInstant(now, VIETNAM)));
      options.setPreferredSignatureSize(signatureSize);
      if (settings.visibleSignature != null) {
        VisibleSignature box = settings.visibleSignature;
        if (box.page() > document.getNumberOfPages()) {
          throw new InvalidInputException(
              "pdf-signer.page",
              "The visible signature is on page "
                  + box.page()
                  + " but the document has "
                  + document.getNumberOfPages()
                  + ".",
              null);
        }
        PDPage page = document.getPage(box.page() - 1);
        PDRectangle media = page.getMediaBox();
        PDRectangle rectangle =
            new PDRectangle(
                media.getLowerLeftX() + box.x(),
                media.getLowerLeftY() + box.y(),
                box.width(),
                box.height());
        options.setVisualSignature(
            new ByteArrayInputStream(
                SignatureAppearance.template(media, rectangle, appearanceLines(now))));
        options.setPage(box.page() - 1);
      }
      if (settings.certification > 0) {
        Certification.certify(document, signature, settings.certification);
      }
      document.addSignature(signature, options);
      ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
      prepared = cms.prepare(external.getContent());
      external.setSignature(new byte[0]);
    } catch (IOException e) {
      throw new InvalidInputException(
          "pdf-signer.write", "PDFBox could not write the signature dictionary.", e);
    }
    byte[] result = out.toByteArray();
    ByteRange range = ByteRange.find(result, pdf.length);
    if (range == null) {
      throw new InvalidInputException(
          "pdf-signer.write", "The incremental update has no usable byte range.", null);
    }
    return new PreparedPdfSignature(result, range, prepared, now);
  }

  /**
   * Last of three steps: checks the signature value against the certificate, time-stamps it when an
   * authority is set, and writes the DER-encoded CMS into the placeholder.
   *
   * @param prepared the state from {@link #prepare}
   * @param signatureValue the value the holder produced over {@link
   *     PreparedPdfSignature#digestToSign()}
   * @return the signed document
   * @throws ConfigurationException {@code cms-signer.signature-value.mismatch} when the value does
   *     not match the prepared digest and certificate
   * @throws InvalidInputException {@code pdf-signer.signature-size} when the signature does not fit
   *     the space reserved at preparation
   */
  public byte[] complete(PreparedPdfSignature prepared, byte[] signatureValue) {
    Objects.requireNonNull(prepared, "prepared");
    byte[] der = cms.complete(prepared.cms(), signatureValue);
    int capacity = prepared.signatureCapacity();
    if (der.length > capacity) {
      throw new ConfigurationException(
          "pdf-signer.signature-size",
          "The signature takes "
              + der.length
              + " bytes but "
              + capacity
              + " were reserved; set signatureSize(...) higher.",
          null);
    }
    byte[] out = prepared.pdf().clone();
    prepared.byteRange().writeSignature(out, der);
    return out;
  }

  /**
   * Returns the bytes reserved for each signature.
   *
   * @return the size in bytes
   */
  public int signatureSize() {
    return signatureSize;
  }

  private String signerName() {
    if (settings.signerName != null) {
      return settings.signerName;
    }
    return SignerIdentity.of(chain.get(0)).commonName().orElse("?");
  }

  private List<String> appearanceLines(Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("Ký bởi: " + signerName());
    String unit =
        settings.unitName != null
            ? settings.unitName
            : SignerIdentity.of(chain.get(0)).organisation().orElse(null);
    if (unit != null) {
      lines.add("Đơn vị: " + unit);
    }
    lines.add("Thời gian ký: " + SHOWN_TIME.format(now.atZone(VIETNAM)));
    if (settings.reason != null) {
      lines.add("Lý do: " + settings.reason);
    }
    if (settings.location != null) {
      lines.add("Nơi ký: " + settings.location);
    }
    return lines;
  }

  static PDDocument load(byte[] pdf) {
    PDDocument document;
    try {
      document = Loader.loadPDF(pdf);
    } catch (IOException e) {
      throw new InvalidInputException("pdf.unreadable", "The input is not a readable PDF.", e);
    }
    if (document.isEncrypted()) {
      try {
        document.close();
      } catch (IOException e) {
        // nothing was written; closing an in-memory document cannot lose data
      }
      throw new InvalidInputException(
          "pdf.encrypted", "Encrypted PDFs are not signed here; decrypt it first.", null);
    }
    return document;
  }

  /**
   * Reserves room for the certificates, a signature value of up to 4096-bit RSA, the attributes,
   * and a time-stamp token with its own chain.
   */
  private static int estimateSize(List<X509Certificate> chain, boolean timestamped) {
    int size = 2048;
    for (X509Certificate certificate : chain) {
      try {
        size += certificate.getEncoded().length;
      } catch (CertificateEncodingException e) {
        size += 2048;
      }
    }
    if (timestamped) {
      size += 8192;
    }
    return Math.max(8192, (size + 1023) / 1024 * 1024);
  }

  /** Builds a {@link PdfSigner}. Not thread-safe. */
  public static final class Builder {
    private SigningKey key;
    private List<X509Certificate> chain;
    private SignatureScheme scheme;
    private DigestAlgorithm digestAlgorithm = DigestAlgorithm.SHA256;
    private TimestampAuthority timestampAuthority;
    private Clock clock = Clock.systemUTC();
    private String reason;
    private String location;
    private String contactInfo;
    private String signerName;
    private String unitName;
    private VisibleSignature visibleSignature;
    private int signatureSize;
    private int certification;

    private Builder() {}

    private Builder copy() {
      Builder b = new Builder();
      b.key = key;
      b.chain = chain;
      b.scheme = scheme;
      b.digestAlgorithm = digestAlgorithm;
      b.timestampAuthority = timestampAuthority;
      b.clock = clock;
      b.reason = reason;
      b.location = location;
      b.contactInfo = contactInfo;
      b.signerName = signerName;
      b.unitName = unitName;
      b.visibleSignature = visibleSignature;
      b.signatureSize = signatureSize;
      b.certification = certification;
      return b;
    }

    /**
     * Sets the key that signs (required unless only {@link #prepare}/{@link #complete} are used, in
     * which case give {@link #certificateChain}).
     *
     * @param key the signing key
     * @return this builder
     */
    public Builder key(SigningKey key) {
      this.key = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * For three-step signing without a {@link SigningKey} in this JVM: the holder's certificate
     * chain, signer first, and how the holder signs.
     *
     * @param chain the chain
     * @param scheme the scheme, or null for the key type's default
     * @return this builder
     */
    public Builder certificateChain(List<X509Certificate> chain, SignatureScheme scheme) {
      this.chain = List.copyOf(chain);
      this.scheme = scheme;
      return this;
    }

    /**
     * Sets the digest algorithm.
     *
     * @param algorithm default {@link DigestAlgorithm#SHA256}
     * @return this builder
     */
    public Builder digestAlgorithm(DigestAlgorithm algorithm) {
      this.digestAlgorithm = Objects.requireNonNull(algorithm, "algorithm");
      return this;
    }

    /**
     * Time-stamps every signature value, making PAdES B-T signatures.
     *
     * @param authority the authority, or null for B-B (default)
     * @return this builder
     */
    public Builder timestampAuthority(TimestampAuthority authority) {
      this.timestampAuthority = authority;
      return this;
    }

    /**
     * Sets the clock the claimed signing time comes from.
     *
     * @param clock default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the reason for signing ({@code /Reason}), shown in readers and in the visible box.
     *
     * @param reason such as {@code Phê duyệt kết quả}, or null for none
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = blankToNull(reason);
      return this;
    }

    /**
     * Sets where the signing took place ({@code /Location}).
     *
     * @param location such as {@code UBND xã Quảng Phú}, or null for none
     * @return this builder
     */
    public Builder location(String location) {
      this.location = blankToNull(location);
      return this;
    }

    /**
     * Sets how to reach the signer ({@code /ContactInfo}).
     *
     * @param contactInfo such as a telephone number, or null for none
     * @return this builder
     */
    public Builder contactInfo(String contactInfo) {
      this.contactInfo = blankToNull(contactInfo);
      return this;
    }

    /**
     * Sets the signer's name written in {@code /Name} and the visible box.
     *
     * @param name the name, or null for the certificate's common name (default)
     * @return this builder
     */
    public Builder signerName(String name) {
      this.signerName = blankToNull(name);
      return this;
    }

    /**
     * Sets the unit shown in the visible box.
     *
     * @param name the unit, or null for the certificate's organisation (default)
     * @return this builder
     */
    public Builder unitName(String name) {
      this.unitName = blankToNull(name);
      return this;
    }

    /**
     * Makes the signature a certification signature (chữ ký chứng thực) that states which changes
     * later revisions may make (DocMDP, ISO 32000-1 §12.8.2.2): 1 none (PAdES still allows document
     * time-stamps and validation data), 2 filling in forms and signing, 3 also annotations. Only
     * the document's first signature may certify it. {@link PdfSignatureVerifier} refuses the
     * changes the permission forbids.
     *
     * @param permission 1, 2 or 3
     * @return this builder
     * @throws InvalidInputException {@code pdf-signer.certification} for another value
     */
    public Builder certification(int permission) {
      if (permission < 1 || permission > 3) {
        throw new InvalidInputException(
            "pdf-signer.certification", "The DocMDP permission is 1, 2 or 3.", null);
      }
      this.certification = permission;
      return this;
    }

    /**
     * Shows the signature in a box on a page.
     *
     * @param box the box, or null for an invisible signature (default)
     * @return this builder
     */
    public Builder visibleSignature(VisibleSignature box) {
      this.visibleSignature = box;
      return this;
    }

    /**
     * Sets how many bytes to reserve for the DER-encoded signature.
     *
     * @param bytes 0 (default) to estimate from the certificate chain and the time-stamp authority,
     *     otherwise 1024 to 1048576
     * @return this builder
     */
    public Builder signatureSize(int bytes) {
      if (bytes != 0 && (bytes < 1024 || bytes > 1 << 20)) {
        throw new ConfigurationException(
            "pdf-signer.signature-size", "Reserve 1024 to 1048576 bytes, or 0 to estimate.", null);
      }
      this.signatureSize = bytes;
      return this;
    }

    /**
     * Builds the signer.
     *
     * @return the signer
     * @throws ConfigurationException {@code cms-signer.key.missing} when neither a key nor a
     *     certificate chain is given
     */
    public PdfSigner build() {
      CmsSigner.Builder cms =
          CmsSigner.builder()
              .digestAlgorithm(digestAlgorithm)
              .timestampAuthority(timestampAuthority)
              .clock(clock)
              .signingTimeAttribute(false);
      if (key != null) {
        cms.key(key);
      } else if (chain != null) {
        cms.certificateChain(chain, scheme);
      }
      CmsSigner built = cms.build();
      List<X509Certificate> effective = key != null ? key.certificateChain() : chain;
      return new PdfSigner(this, List.copyOf(effective), built);
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }
}
