package io.github.motcua.signing.pdf;

import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SigningConfigurationException;
import io.github.motcua.signing.pdf.internal.ByteRange;
import io.github.motcua.signing.pdf.internal.RevisionChanges;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies every signature in a PDF (xác thực chữ ký số trên tệp PDF): for each signed signature
 * field, the same {@link SignatureReport} as {@link CmsVerifier} gives for CMS (the CMS checks,
 * chain, revocation and time-stamp are exactly the given verifier's), with two PDF checks in its
 * container checks:
 *
 * <ul>
 *   <li>{@link CheckType#BYTE_RANGE}: the byte range starts at 0, its gap is exactly this
 *       signature's {@code /Contents} hex string, the covered bytes end where a revision ends, and
 *       the contents are one DER object followed by zero padding (only that object is verified);
 *   <li>{@link CheckType#CHANGES_AFTER_SIGNING}: when later revisions follow, what they changed;
 *       adding signatures, time-stamps, validation data or metadata passes, anything else (page
 *       content, form fields, annotations, the catalog) fails with {@link
 *       ReasonCode#PDF_CHANGED_AFTER_SIGNING} and is listed in {@link
 *       PdfSignatureReport#changesAfterSigning()}.
 * </ul>
 *
 * <pre>{@code
 * PdfSignatureVerifier verifier = PdfSignatureVerifier.builder()
 *     .cmsVerifier(CmsVerifier.builder().trustAnchors(anchors).build())
 *     .build();
 * PdfVerificationReport report = verifier.verify(Files.readAllBytes(signedPdf));
 * }</pre>
 *
 * <p>Never throws for a bad PDF: truncated files, broken structure and forged byte ranges come back
 * as a report with verdict {@code INVALID} or {@code INDETERMINATE} and a reason code.
 *
 * <p>Needs Apache PDFBox 3 on the class path. Immutable and thread-safe.
 */
public final class PdfSignatureVerifier {

  private static final Logger LOG = LoggerFactory.getLogger(PdfSignatureVerifier.class);
  private static final Set<String> SUB_FILTERS =
      Set.of(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName(), "adbe.pkcs7.detached");

  private final CmsVerifier cms;
  private final Clock clock;
  private final long maxSize;

  private PdfSignatureVerifier(Builder builder) {
    this.cms = builder.cms;
    this.clock = builder.clock;
    this.maxSize = builder.maxSize;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Verifies a PDF file.
   *
   * @param file the file
   * @return the report
   * @throws UncheckedIOException when the file cannot be read
   */
  public PdfVerificationReport verify(Path file) {
    try {
      if (Files.size(file) > maxSize) {
        return unreadable("larger than " + maxSize + " bytes");
      }
      return verify(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the PDF failed", e);
    }
  }

  /**
   * Verifies every signature in a PDF.
   *
   * @param pdf the document
   * @return the report; never null
   */
  public PdfVerificationReport verify(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      return unreadable("no bytes");
    }
    if (pdf.length > maxSize) {
      return unreadable("larger than " + maxSize + " bytes");
    }
    PDDocument document;
    try {
      document = Loader.loadPDF(pdf);
    } catch (IOException | RuntimeException e) {
      return unreadable(e.getClass().getSimpleName());
    }
    try (document) {
      List<Check> checks = new ArrayList<>();
      if (document.isEncrypted()) {
        checks.add(
            Check.indeterminate(
                CheckType.FORMAT, ReasonCode.PDF_UNREADABLE, "encrypted PDFs are not verified"));
        return PdfVerificationReport.of(checks, List.of(), clock.instant());
      }
      List<PDSignatureField> fields = new ArrayList<>();
      for (PDSignatureField field : document.getSignatureFields()) {
        if (field.getSignature() != null) {
          fields.add(field);
        }
      }
      if (fields.isEmpty()) {
        checks.add(Check.failed(CheckType.FORMAT, ReasonCode.PDF_NO_SIGNATURES, "no signed field"));
        return PdfVerificationReport.of(checks, List.of(), clock.instant());
      }
      checks.add(
          Check.passed(CheckType.FORMAT, ReasonCode.FORMAT_OK, fields.size() + " signature(s)"));
      List<PdfSignatureReport> reports = new ArrayList<>();
      for (PDSignatureField field : fields) {
        reports.add(verifyOne(pdf, document, field));
      }
      reports.sort(Comparator.comparingLong(PdfSignatureReport::signedRevisionLength));
      return PdfVerificationReport.of(checks, reports, clock.instant());
    } catch (IOException | RuntimeException e) {
      // A defect or a PDFBox surprise must not become an exception for the caller.
      LOG.warn("Unexpected error while verifying a PDF", e);
      return PdfVerificationReport.of(
          List.of(
              Check.indeterminate(
                  CheckType.FORMAT, ReasonCode.INTERNAL_ERROR, e.getClass().getSimpleName())),
          List.of(),
          clock.instant());
    }
  }

  private PdfSignatureReport verifyOne(byte[] pdf, PDDocument document, PDSignatureField field) {
    String name = nameOf(field);
    PDSignature signature = field.getSignature();
    String subFilter = Objects.requireNonNullElse(signature.getSubFilter(), "");
    Optional<Instant> claimed = Optional.empty();
    try {
      if (signature.getSignDate() != null) {
        claimed = Optional.of(signature.getSignDate().toInstant());
      }
    } catch (RuntimeException e) {
      LOG.debug("Unreadable /M in signature {}", name, e);
    }
    try {
      return verifyOne(pdf, document, name, signature, subFilter, claimed);
    } catch (RuntimeException e) {
      LOG.warn("Unexpected error while verifying PDF signature {}", name, e);
      return refused(
          name,
          subFilter,
          claimed,
          0,
          Check.indeterminate(
              CheckType.FORMAT, ReasonCode.INTERNAL_ERROR, e.getClass().getSimpleName()));
    }
  }

  private PdfSignatureReport verifyOne(
      byte[] pdf,
      PDDocument document,
      String name,
      PDSignature signature,
      String subFilter,
      Optional<Instant> claimed) {
    if (!SUB_FILTERS.contains(subFilter)) {
      return refused(
          name,
          subFilter,
          claimed,
          0,
          Check.indeterminate(
              CheckType.FORMAT,
              ReasonCode.PDF_SUBFILTER_UNSUPPORTED,
              "SubFilter " + subFilter + " is not verified here"));
    }
    int[] numbers = signature.getByteRange();
    long[] range = new long[numbers == null ? 0 : numbers.length];
    for (int i = 0; i < range.length; i++) {
      range[i] = numbers[i];
    }
    ByteRange byteRange = ByteRange.of(range, pdf.length);
    if (byteRange == null) {
      return refused(
          name,
          subFilter,
          claimed,
          0,
          Check.failed(
              CheckType.BYTE_RANGE,
              ReasonCode.PDF_BYTE_RANGE_INVALID,
              "the byte range "
                  + Arrays.toString(numbers)
                  + " is not two spans from 0 inside the "
                  + pdf.length
                  + "-byte file"));
    }
    String gapProblem = byteRange.checkHexGap(pdf);
    byte[] contents = gapProblem == null ? byteRange.gapBytes(pdf) : null;
    if (gapProblem == null && !Arrays.equals(contents, signature.getContents())) {
      gapProblem = "the gap between the byte ranges is not this signature's Contents";
    }
    if (gapProblem != null) {
      return refused(
          name,
          subFilter,
          claimed,
          0,
          Check.failed(CheckType.BYTE_RANGE, ReasonCode.PDF_BYTE_RANGE_GAP, gapProblem));
    }
    if (!endsRevision(pdf, byteRange.end())) {
      return refused(
          name,
          subFilter,
          claimed,
          0,
          Check.failed(
              CheckType.BYTE_RANGE,
              ReasonCode.PDF_BYTE_RANGE_NOT_A_REVISION,
              "the signed bytes end at " + byteRange.end() + ", not at an end-of-file marker"));
    }
    byte[] der = oneDerObject(contents);
    if (der == null) {
      return refused(
          name,
          subFilter,
          claimed,
          byteRange.end(),
          Check.failed(
              CheckType.BYTE_RANGE,
              ReasonCode.PDF_CONTENTS_MALFORMED,
              "the Contents are not one DER object followed by zero padding"));
    }
    List<Check> pdfChecks = new ArrayList<>();
    pdfChecks.add(
        Check.passed(CheckType.BYTE_RANGE, ReasonCode.PDF_BYTE_RANGE_OK, byteRange.toString()));
    boolean whole = onlyWhitespaceAfter(pdf, byteRange.end());
    List<PdfChange> changes = List.of();
    if (whole) {
      pdfChecks.add(
          Check.passed(CheckType.CHANGES_AFTER_SIGNING, ReasonCode.PDF_UNCHANGED, "none"));
    } else {
      changes = changesAfter(pdf, document, byteRange.end());
      List<PdfChange> disallowed =
          changes.stream().filter(c -> !c.kind().allowedAfterSigning()).toList();
      pdfChecks.add(
          disallowed.isEmpty()
              ? Check.passed(
                  CheckType.CHANGES_AFTER_SIGNING,
                  ReasonCode.PDF_CHANGES_ALLOWED,
                  changes.size() + " signature or metadata change(s)")
              : Check.failed(
                  CheckType.CHANGES_AFTER_SIGNING,
                  ReasonCode.PDF_CHANGED_AFTER_SIGNING,
                  summary(disallowed)));
    }
    SignatureReport cmsReport;
    try (InputStream content = byteRange.content(pdf)) {
      cmsReport = cms.verify(der, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Check> format = new ArrayList<>(pdfChecks);
    format.addAll(cmsReport.formatChecks());
    SignatureReport report =
        SignatureReport.of(format, cmsReport.signers(), cmsReport.validatedAt());
    return new PdfSignatureReport(
        name, subFilter, claimed, byteRange.end(), whole, changes, report);
  }

  private static List<PdfChange> changesAfter(byte[] pdf, PDDocument full, long end) {
    try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, (int) end))) {
      return RevisionChanges.between(full, signed, end);
    } catch (IOException e) {
      return List.of(
          new PdfChange(
              PdfChange.Kind.OTHER, "?", "the signed revision cannot be read on its own"));
    }
  }

  private static String summary(List<PdfChange> changes) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < changes.size() && i < 5; i++) {
      out.append(i == 0 ? "" : "; ").append(changes.get(i));
    }
    if (changes.size() > 5) {
      out.append("; and ").append(changes.size() - 5).append(" more");
    }
    return out.toString();
  }

  /** Reads exactly one ASN.1 object; the rest of the padded Contents must be zeros. */
  static byte[] oneDerObject(byte[] contents) {
    if (contents == null || contents.length == 0 || contents[0] != 0x30) {
      return null;
    }
    try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(contents), true)) {
      in.readObject();
      int used = contents.length - in.available();
      for (int i = used; i < contents.length; i++) {
        if (contents[i] != 0) {
          return null;
        }
      }
      return Arrays.copyOf(contents, used);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** The bytes before {@code end}, less trailing white space, finish with {@code %%EOF}. */
  private static boolean endsRevision(byte[] pdf, long end) {
    int i = (int) end - 1;
    while (i >= 0 && isWhitespace(pdf[i])) {
      i--;
    }
    byte[] marker = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    if (i + 1 < marker.length) {
      return false;
    }
    return Arrays.equals(pdf, i + 1 - marker.length, i + 1, marker, 0, marker.length);
  }

  private static boolean onlyWhitespaceAfter(byte[] pdf, long end) {
    for (int i = (int) end; i < pdf.length; i++) {
      if (!isWhitespace(pdf[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWhitespace(byte b) {
    return b == '\r' || b == '\n' || b == ' ' || b == '\t' || b == '\f' || b == 0;
  }

  /** The field's name, or "?" for a field without a readable {@code /T} (a damaged file). */
  private static String nameOf(PDSignatureField field) {
    try {
      return Objects.requireNonNullElse(field.getFullyQualifiedName(), "?");
    } catch (RuntimeException e) {
      return "?";
    }
  }

  private PdfSignatureReport refused(
      String name, String subFilter, Optional<Instant> claimed, long length, Check check) {
    SignatureReport report = SignatureReport.of(List.of(check), List.of(), clock.instant());
    return new PdfSignatureReport(name, subFilter, claimed, length, false, List.of(), report);
  }

  private PdfVerificationReport unreadable(String why) {
    return PdfVerificationReport.of(
        List.of(Check.failed(CheckType.FORMAT, ReasonCode.PDF_UNREADABLE, why)),
        List.of(),
        clock.instant());
  }

  /** Builds a {@link PdfSignatureVerifier}. Not thread-safe. */
  public static final class Builder {
    private CmsVerifier cms;
    private Clock clock = Clock.systemUTC();
    private long maxSize = 256L * 1024 * 1024;

    private Builder() {}

    /**
     * Sets the verifier that checks each signature's CMS: its trust anchors, revocation policy,
     * validation time policy and HTTP client apply to PDF signatures alike. Required.
     *
     * @param verifier the CMS verifier, shared with CMS verification if you like
     * @return this builder
     */
    public Builder cmsVerifier(CmsVerifier verifier) {
      this.cms = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Sets the clock that stamps the document report.
     *
     * @param clock default the system clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the largest PDF accepted; larger ones are reported unreadable without being parsed.
     *
     * @param bytes default 256 MiB; at least 1
     * @return this builder
     */
    public Builder maxSize(long bytes) {
      if (bytes < 1 || bytes > Integer.MAX_VALUE - 8) {
        throw new SigningConfigurationException(
            "pdf-verifier.max-size", "The size limit is 1 byte to 2 GiB.", null);
      }
      this.maxSize = bytes;
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws SigningConfigurationException {@code pdf-verifier.cms-verifier.missing}
     */
    public PdfSignatureVerifier build() {
      if (cms == null) {
        throw new SigningConfigurationException(
            "pdf-verifier.cms-verifier.missing", "Give cmsVerifier(...).", null);
      }
      return new PdfSignatureVerifier(this);
    }
  }
}
