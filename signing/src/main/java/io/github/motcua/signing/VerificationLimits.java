package io.github.motcua.signing;

import io.github.motcua.core.ConfigurationException;
import java.util.Objects;

/**
 * How much work one verification may do, so that hostile input costs no more than a bounded
 * multiple of a normal signature: signers per signature, certificates carried, time-stamps and
 * revocation values carried, ASN.1 nesting depth, CRL and OCSP answer sizes, and for PDFs the
 * number of revisions and signatures. Every verifier ({@link CmsVerifier}, {@link
 * io.github.motcua.signing.xml.XmlSignatureVerifier}, {@link
 * io.github.motcua.signing.pdf.PdfSignatureVerifier}) takes them.
 *
 * <p>Input beyond a limit is not verified: the report carries a {@link CheckType#FORMAT} check with
 * {@link ReasonCode#LIMIT_EXCEEDED} (code {@code limit.exceeded}) whose detail names the limit,
 * such as {@code limit.signers: 300 > 16}, and the verdict is {@link Verdict#INDETERMINATE}.
 *
 * <pre>{@code
 * CmsVerifier verifier = CmsVerifier.builder()
 *     .trustAnchors(anchors)
 *     .limits(VerificationLimits.builder().maxSigners(4).build())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class VerificationLimits {

  private static final VerificationLimits DEFAULTS = builder().build();

  private final int maxSigners;
  private final int maxCertificates;
  private final int maxTimestamps;
  private final int maxRevocationValues;
  private final int maxNesting;
  private final int maxCrlBytes;
  private final int maxOcspBytes;
  private final int maxPdfRevisions;
  private final int maxPdfSignatures;
  private final int maxPdfObjects;

  private VerificationLimits(Builder b) {
    this.maxSigners = b.maxSigners;
    this.maxCertificates = b.maxCertificates;
    this.maxTimestamps = b.maxTimestamps;
    this.maxRevocationValues = b.maxRevocationValues;
    this.maxNesting = b.maxNesting;
    this.maxCrlBytes = b.maxCrlBytes;
    this.maxOcspBytes = b.maxOcspBytes;
    this.maxPdfRevisions = b.maxPdfRevisions;
    this.maxPdfSignatures = b.maxPdfSignatures;
    this.maxPdfObjects = b.maxPdfObjects;
  }

  /**
   * The default limits: 16 signers, 64 certificates, 8 time-stamps, 128 revocation values, ASN.1
   * nesting 64, CRL 32 MiB, OCSP 1 MiB, 1,000 PDF revisions, 100 PDF signatures, 500,000 PDF
   * objects compared.
   *
   * @return the defaults
   */
  public static VerificationLimits defaults() {
    return DEFAULTS;
  }

  /**
   * Starts from the defaults.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the most SignerInfos (CMS) verified in one signature.
   *
   * @return the limit
   */
  public int maxSigners() {
    return maxSigners;
  }

  /**
   * Returns the most certificates one signature (CMS, XML, or a PDF's validation data) may carry.
   *
   * @return the limit
   */
  public int maxCertificates() {
    return maxCertificates;
  }

  /**
   * Returns the most time-stamp tokens one signer may carry.
   *
   * @return the limit
   */
  public int maxTimestamps() {
    return maxTimestamps;
  }

  /**
   * Returns the most CRLs and OCSP answers one signature (or a PDF's validation data) may carry.
   *
   * @return the limit
   */
  public int maxRevocationValues() {
    return maxRevocationValues;
  }

  /**
   * Returns the deepest nesting of ASN.1 structures accepted in a CMS signature.
   *
   * @return the limit
   */
  public int maxNesting() {
    return maxNesting;
  }

  /**
   * Returns the largest CRL downloaded or read, in bytes.
   *
   * @return the limit
   */
  public int maxCrlBytes() {
    return maxCrlBytes;
  }

  /**
   * Returns the largest OCSP answer read, in bytes.
   *
   * @return the limit
   */
  public int maxOcspBytes() {
    return maxOcspBytes;
  }

  /**
   * Returns the most revisions (incremental updates) of a PDF verified.
   *
   * @return the limit
   */
  public int maxPdfRevisions() {
    return maxPdfRevisions;
  }

  /**
   * Returns the most signature fields of a PDF verified.
   *
   * @return the limit
   */
  public int maxPdfSignatures() {
    return maxPdfSignatures;
  }

  /**
   * Returns the most PDF objects compared when judging the changes after a signature.
   *
   * @return the limit
   */
  public int maxPdfObjects() {
    return maxPdfObjects;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerificationLimits l
        && maxSigners == l.maxSigners
        && maxCertificates == l.maxCertificates
        && maxTimestamps == l.maxTimestamps
        && maxRevocationValues == l.maxRevocationValues
        && maxNesting == l.maxNesting
        && maxCrlBytes == l.maxCrlBytes
        && maxOcspBytes == l.maxOcspBytes
        && maxPdfRevisions == l.maxPdfRevisions
        && maxPdfSignatures == l.maxPdfSignatures
        && maxPdfObjects == l.maxPdfObjects;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        maxSigners,
        maxCertificates,
        maxTimestamps,
        maxRevocationValues,
        maxNesting,
        maxCrlBytes,
        maxOcspBytes,
        maxPdfRevisions,
        maxPdfSignatures,
        maxPdfObjects);
  }

  @Override
  public String toString() {
    return "VerificationLimits[signers="
        + maxSigners
        + ", certificates="
        + maxCertificates
        + ", timestamps="
        + maxTimestamps
        + ", revocationValues="
        + maxRevocationValues
        + ", nesting="
        + maxNesting
        + ", crlBytes="
        + maxCrlBytes
        + ", ocspBytes="
        + maxOcspBytes
        + ", pdfRevisions="
        + maxPdfRevisions
        + ", pdfSignatures="
        + maxPdfSignatures
        + ", pdfObjects="
        + maxPdfObjects
        + "]";
  }

  /**
   * A report check for input beyond a limit.
   *
   * @param limit the limit's name, such as {@code signers}
   * @param found how many were found
   * @param allowed the limit
   * @return an undecided {@link CheckType#FORMAT} check with {@link ReasonCode#LIMIT_EXCEEDED}
   */
  public static Check exceeded(String limit, long found, long allowed) {
    return Check.indeterminate(
        CheckType.FORMAT,
        ReasonCode.LIMIT_EXCEEDED,
        "limit." + limit + ": " + found + " > " + allowed);
  }

  /** Builds {@link VerificationLimits}; every limit at least 1. Not thread-safe. */
  public static final class Builder {
    private int maxSigners = 16;
    private int maxCertificates = 64;
    private int maxTimestamps = 8;
    private int maxRevocationValues = 128;
    private int maxNesting = 64;
    private int maxCrlBytes = 32 * 1024 * 1024;
    private int maxOcspBytes = 1024 * 1024;
    private int maxPdfRevisions = 1000;
    private int maxPdfSignatures = 100;
    private int maxPdfObjects = 500_000;

    private Builder() {}

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new ConfigurationException(
            "verification-limits." + name, "The limit " + name + " must be at least 1.", null);
      }
      return value;
    }

    /**
     * Sets the most signers.
     *
     * @param limit default 16
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.signers} below 1
     */
    public Builder maxSigners(int limit) {
      this.maxSigners = positive("signers", limit);
      return this;
    }

    /**
     * Sets the most certificates.
     *
     * @param limit default 64
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.certificates} below 1
     */
    public Builder maxCertificates(int limit) {
      this.maxCertificates = positive("certificates", limit);
      return this;
    }

    /**
     * Sets the most time-stamps per signer.
     *
     * @param limit default 8
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.timestamps} below 1
     */
    public Builder maxTimestamps(int limit) {
      this.maxTimestamps = positive("timestamps", limit);
      return this;
    }

    /**
     * Sets the most CRLs and OCSP answers carried.
     *
     * @param limit default 128
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.revocation-values} below 1
     */
    public Builder maxRevocationValues(int limit) {
      this.maxRevocationValues = positive("revocation-values", limit);
      return this;
    }

    /**
     * Sets the deepest ASN.1 nesting.
     *
     * @param limit default 64
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.nesting} below 1
     */
    public Builder maxNesting(int limit) {
      this.maxNesting = positive("nesting", limit);
      return this;
    }

    /**
     * Sets the largest CRL.
     *
     * @param bytes default 32 MiB
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.crl-bytes} below 1
     */
    public Builder maxCrlBytes(int bytes) {
      this.maxCrlBytes = positive("crl-bytes", bytes);
      return this;
    }

    /**
     * Sets the largest OCSP answer.
     *
     * @param bytes default 1 MiB
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.ocsp-bytes} below 1
     */
    public Builder maxOcspBytes(int bytes) {
      this.maxOcspBytes = positive("ocsp-bytes", bytes);
      return this;
    }

    /**
     * Sets the most PDF revisions.
     *
     * @param limit default 1,000
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.pdf-revisions} below 1
     */
    public Builder maxPdfRevisions(int limit) {
      this.maxPdfRevisions = positive("pdf-revisions", limit);
      return this;
    }

    /**
     * Sets the most PDF signatures.
     *
     * @param limit default 100
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.pdf-signatures} below 1
     */
    public Builder maxPdfSignatures(int limit) {
      this.maxPdfSignatures = positive("pdf-signatures", limit);
      return this;
    }

    /**
     * Sets the most PDF objects compared per signature.
     *
     * @param limit default 500,000
     * @return this builder
     * @throws ConfigurationException {@code verification-limits.pdf-objects} below 1
     */
    public Builder maxPdfObjects(int limit) {
      this.maxPdfObjects = positive("pdf-objects", limit);
      return this;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     */
    public VerificationLimits build() {
      return new VerificationLimits(this);
    }
  }
}
