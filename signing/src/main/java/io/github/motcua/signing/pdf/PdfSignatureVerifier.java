package io.github.motcua.signing.pdf;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.signing.Check;
import io.github.motcua.signing.CheckType;
import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.SignerIdentity;
import io.github.motcua.signing.SignerReport;
import io.github.motcua.signing.TimeProof;
import io.github.motcua.signing.ValidationData;
import io.github.motcua.signing.VerificationLimits;
import io.github.motcua.signing.internal.TimestampTokenValidator;
import io.github.motcua.signing.pdf.internal.ByteRange;
import io.github.motcua.signing.pdf.internal.DocumentSecurityStore;
import io.github.motcua.signing.pdf.internal.PdfDependencies;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
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
  private static final String RFC3161 = "ETSI.RFC3161";
  private static final Set<String> SUB_FILTERS =
      Set.of("ETSI.CAdES.detached", "adbe.pkcs7.detached", RFC3161);

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
   * @throws io.github.motcua.core.ConfigurationException coded {@code pdf.dependency-missing} when
   *     an optional library it needs is not on the class path
   */
  public static Builder builder() {
    PdfDependencies.requirePdfBox("PdfSignatureVerifier");
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
    VerificationLimits limits = cms.limits();
    int revisions = countRevisions(pdf, limits.maxPdfRevisions());
    if (revisions > limits.maxPdfRevisions()) {
      return PdfVerificationReport.of(
          List.of(
              VerificationLimits.exceeded("pdf-revisions", revisions, limits.maxPdfRevisions())),
          List.of(),
          clock.instant());
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
      // Without PDFBox's fix-ups, which would add /DA and /DR to the loaded form in memory and
      // make the document differ from its signed revision.
      org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm form =
          document.getDocumentCatalog().getAcroForm(null);
      List<PDSignatureField> all = new ArrayList<>();
      if (form != null) {
        for (var candidate : form.getFieldTree()) {
          if (candidate instanceof PDSignatureField signatureField) {
            all.add(signatureField);
          }
        }
      }
      for (PDSignatureField field : all) {
        if (field.getSignature() != null) {
          fields.add(field);
        }
      }
      if (fields.isEmpty()) {
        checks.add(Check.failed(CheckType.FORMAT, ReasonCode.PDF_NO_SIGNATURES, "no signed field"));
        return PdfVerificationReport.of(checks, List.of(), clock.instant());
      }
      if (fields.size() > limits.maxPdfSignatures()) {
        checks.add(
            VerificationLimits.exceeded(
                "pdf-signatures", fields.size(), limits.maxPdfSignatures()));
        return PdfVerificationReport.of(checks, List.of(), clock.instant());
      }
      Optional<Check> storeOverLimit = DocumentSecurityStore.overLimit(document, limits);
      if (storeOverLimit.isPresent()) {
        checks.add(storeOverLimit.get());
        return PdfVerificationReport.of(checks, List.of(), clock.instant());
      }
      Optional<ValidationData> dss = DocumentSecurityStore.read(document, limits);
      checks.add(
          Check.passed(CheckType.FORMAT, ReasonCode.FORMAT_OK, fields.size() + " signature(s)"));
      Context context = new Context(pdf, document, docMdp(document), dss.get());
      // Document time-stamps first: a valid one proves that the signatures it covers existed.
      // Newest first: its authority is judged now, each older one's at the time the next valid
      // one covering it proves (ETSI EN 319 102-1 past signature validation).
      List<PdfSignatureReport> reports = new ArrayList<>();
      List<PDSignatureField> stamps = new ArrayList<>();
      for (PDSignatureField field : fields) {
        if (RFC3161.equals(field.getSignature().getSubFilter())) {
          stamps.add(field);
        }
      }
      stamps.sort(
          Comparator.comparingLong((PDSignatureField f) -> signedEnd(f.getSignature())).reversed());
      for (PDSignatureField field : stamps) {
        PdfSignatureReport report = verifyOne(context, field);
        reports.add(report);
        proofOf(report, field).ifPresent(p -> context.proofs.add(p));
      }
      for (PDSignatureField field : fields) {
        if (!RFC3161.equals(field.getSignature().getSubFilter())) {
          reports.add(verifyOne(context, field));
        }
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

  /** What every signature of one document is verified with. */
  private static final class Context {
    final byte[] pdf;
    final PDDocument document;
    final int docMdp;
    final ValidationData dss;

    /** Valid document time-stamps: the revision length each covers, and its proof. */
    final List<Map.Entry<Long, ValidationData.Proof>> proofs = new ArrayList<>();

    Context(byte[] pdf, PDDocument document, int docMdp, ValidationData dss) {
      this.pdf = pdf;
      this.document = document;
      this.docMdp = docMdp;
      this.dss = dss;
    }

    /**
     * The time a document time-stamp over the revision ending at {@code end} is judged at: the
     * earliest valid document time-stamp over a later revision, else the current time.
     */
    TimestampTokenValidator.ChainTime coverOf(long end, Instant now) {
      List<ValidationData.Proof> later = new ArrayList<>();
      for (Map.Entry<Long, ValidationData.Proof> proof : proofs) {
        if (proof.getKey() > end) {
          later.add(proof.getValue());
        }
      }
      return TimestampTokenValidator.ChainTime.earliest(later, now);
    }

    /** The proofs from document time-stamps over a revision that contains {@code end}. */
    List<ValidationData.Proof> proofsCovering(long end) {
      List<ValidationData.Proof> out = new ArrayList<>();
      for (Map.Entry<Long, ValidationData.Proof> proof : proofs) {
        if (proof.getKey() >= end) {
          out.add(proof.getValue());
        }
      }
      return out;
    }
  }

  private static Optional<Map.Entry<Long, ValidationData.Proof>> proofOf(
      PdfSignatureReport report, PDSignatureField field) {
    if (report.report().signers().isEmpty()
        || report.verdict() != io.github.motcua.signing.Verdict.VALID
        || report.changedAfterSigning()) {
      return Optional.empty();
    }
    return report
        .report()
        .signers()
        .get(0)
        .signingTime()
        .map(
            time ->
                Map.entry(
                    report.signedRevisionLength(),
                    new ValidationData.Proof(TimeProof.DOCUMENT_TIMESTAMP, time, nameOf(field))));
  }

  /** Where a signature's signed bytes end, as its byte range says; 0 when it says nothing. */
  private static long signedEnd(PDSignature signature) {
    int[] range = signature.getByteRange();
    return range == null || range.length != 4 ? 0 : (long) range[2] + range[3];
  }

  private PdfSignatureReport verifyOne(Context context, PDSignatureField field) {
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
      return verifyOne(context, name, signature, subFilter, claimed);
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
      Context context,
      String name,
      PDSignature signature,
      String subFilter,
      Optional<Instant> claimed) {
    byte[] pdf = context.pdf;
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
      changes = changesAfter(pdf, context.document, byteRange.end(), context.docMdp);
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
    if (RFC3161.equals(subFilter)) {
      cmsReport =
          documentTimestamp(
              der, byteRange, pdf, context.dss, context.coverOf(byteRange.end(), clock.instant()));
    } else {
      try (InputStream content = byteRange.content(pdf)) {
        cmsReport =
            cms.verify(
                der, content, context.dss.withProofs(context.proofsCovering(byteRange.end())));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<Check> format = new ArrayList<>(pdfChecks);
    format.addAll(cmsReport.formatChecks());
    SignatureReport report =
        SignatureReport.of(format, cmsReport.signers(), cmsReport.validatedAt());
    return new PdfSignatureReport(
        name, subFilter, claimed, byteRange.end(), whole, changes, report);
  }

  /**
   * Verifies a document time-stamp ({@code /SubFilter /ETSI.RFC3161}): the token's imprint over the
   * byte range, its signature, and the time-stamping certificate at the time the next document
   * time-stamp proves, or now for the newest.
   */
  private SignatureReport documentTimestamp(
      byte[] der,
      ByteRange byteRange,
      byte[] pdf,
      ValidationData dss,
      TimestampTokenValidator.ChainTime cover) {
    Instant now = clock.instant();
    org.bouncycastle.asn1.cms.ContentInfo token;
    try {
      token = org.bouncycastle.asn1.cms.ContentInfo.getInstance(der);
    } catch (RuntimeException e) {
      return SignatureReport.of(
          List.of(
              Check.failed(CheckType.FORMAT, ReasonCode.TIMESTAMP_MALFORMED, "not a CMS token")),
          List.of(),
          now);
    }
    TimestampTokenValidator.Result result =
        TimestampTokenValidator.validate(
            token,
            () -> {
              try (InputStream in = byteRange.content(pdf)) {
                return in.readAllBytes();
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            },
            cms.certificateValidator(),
            dss.certificates(),
            dss,
            cover);
    List<Check> checks = new ArrayList<>();
    checks.add(result.check());
    result
        .time()
        .ifPresent(
            t ->
                checks.add(
                    Check.passed(
                        CheckType.SIGNING_TIME,
                        ReasonCode.SIGNING_TIME_PROVEN,
                        t + " by the document time-stamp itself")));
    SignerReport signer =
        new SignerReport(
            0,
            result.tsa().map(SignerIdentity::of),
            result.time(),
            result.time().isPresent(),
            checks,
            SignerReport.verdictOf(checks));
    return SignatureReport.of(
        List.of(Check.passed(CheckType.FORMAT, ReasonCode.FORMAT_OK, "document time-stamp")),
        List.of(signer),
        now);
  }

  /**
   * The DocMDP permission of the document's certification signature ({@code /Perms /DocMDP}), 1 to
   * 3, or 0 when the document is not certified.
   */
  static int docMdp(PDDocument document) {
    try {
      COSDictionary perms =
          document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
      COSDictionary signature =
          perms == null ? null : perms.getCOSDictionary(COSName.getPDFName("DocMDP"));
      COSArray references =
          signature == null ? null : signature.getCOSArray(COSName.getPDFName("Reference"));
      if (references == null) {
        return 0;
      }
      for (int i = 0; i < references.size(); i++) {
        if (references.getObject(i) instanceof COSDictionary reference
            && COSName.getPDFName("DocMDP")
                .equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
          COSDictionary params = reference.getCOSDictionary(COSName.getPDFName("TransformParams"));
          int p = params == null ? 2 : params.getInt(COSName.P, 2);
          return p >= 1 && p <= 3 ? p : 1;
        }
      }
      return 0;
    } catch (RuntimeException e) {
      return 1; // unreadable permissions: the strictest reading
    }
  }

  /** Counts end-of-file markers, the end of every revision, stopping past {@code limit}. */
  private static int countRevisions(byte[] pdf, int limit) {
    int count = 0;
    for (int i = 0; i + 5 <= pdf.length; i++) {
      if (pdf[i] == '%'
          && pdf[i + 1] == '%'
          && pdf[i + 2] == 'E'
          && pdf[i + 3] == 'O'
          && pdf[i + 4] == 'F'
          && ++count > limit) {
        return count;
      }
    }
    return count;
  }

  private List<PdfChange> changesAfter(byte[] pdf, PDDocument full, long end, int docMdp) {
    try (PDDocument signed = Loader.loadPDF(Arrays.copyOf(pdf, (int) end))) {
      return RevisionChanges.between(full, signed, docMdp, cms.limits().maxPdfObjects());
    } catch (RevisionChanges.TooManyObjects e) {
      return List.of(
          new PdfChange(
              PdfChange.Kind.OTHER,
              "?",
              "limit.pdf-objects: more than "
                  + cms.limits().maxPdfObjects()
                  + " objects to compare; not judged"));
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
        throw new ConfigurationException(
            "pdf-verifier.max-size", "The size limit is 1 byte to 2 GiB.", null);
      }
      this.maxSize = bytes;
      return this;
    }

    /**
     * Builds the verifier.
     *
     * @return the verifier
     * @throws ConfigurationException {@code pdf-verifier.cms-verifier.missing}
     */
    public PdfSignatureVerifier build() {
      if (cms == null) {
        throw new ConfigurationException(
            "pdf-verifier.cms-verifier.missing", "Give cmsVerifier(...).", null);
      }
      return new PdfSignatureVerifier(this);
    }
  }
}
