package io.github.motcua.signing.pdf;

import io.github.motcua.signing.SignatureReport;
import io.github.motcua.signing.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PdfSignatureVerifier} found about one signature in a PDF: the same {@link
 * SignatureReport} as for CMS (its container checks also hold the byte-range check and the check on
 * changes made after signing), the field it is in, the revision it signs, and what later revisions
 * changed.
 *
 * <p>Immutable; {@link #toString()} masks personal data as {@link SignatureReport} does.
 *
 * @param fieldName the signature field's fully qualified name; {@code "?"} when a damaged file
 *     leaves the field without a readable name
 * @param subFilter the signature's {@code /SubFilter}, such as {@code ETSI.CAdES.detached}
 * @param claimedSigningTime the {@code /M} entry, the signer's unproven claim; empty when absent
 * @param signedRevisionLength how many bytes of the file the signature's revision spans; 0 when the
 *     byte range is unusable
 * @param coversWholeDocument whether the signature covers the whole file
 * @param changesAfterSigning what later revisions changed, in file order; empty when it covers the
 *     whole file
 * @param report the validation report
 */
public record PdfSignatureReport(
    String fieldName,
    String subFilter,
    Optional<Instant> claimedSigningTime,
    long signedRevisionLength,
    boolean coversWholeDocument,
    List<PdfChange> changesAfterSigning,
    SignatureReport report) {

  /**
   * Validates and copies the parts.
   *
   * @throws NullPointerException when a part is null
   */
  public PdfSignatureReport {
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(subFilter, "subFilter");
    Objects.requireNonNull(claimedSigningTime, "claimedSigningTime");
    changesAfterSigning = List.copyOf(changesAfterSigning);
    Objects.requireNonNull(report, "report");
  }

  /**
   * Returns the verdict of {@link #report()}.
   *
   * @return the verdict
   */
  public Verdict verdict() {
    return report.verdict();
  }

  /**
   * Tells whether the signature is valid and nothing but signatures, time-stamps, validation data
   * or metadata was added after it.
   *
   * @return true when {@link #report()} is valid
   */
  public boolean isValid() {
    return report.isValid();
  }

  /**
   * Tells whether a later revision changed something other than signatures, validation data or
   * metadata.
   *
   * @return true when a change in {@link #changesAfterSigning()} is not allowed after signing
   */
  public boolean changedAfterSigning() {
    return changesAfterSigning.stream().anyMatch(c -> !c.kind().allowedAfterSigning());
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("PDF signature '")
        .append(fieldName)
        .append("' (")
        .append(subFilter)
        .append(", ")
        .append(coversWholeDocument ? "covers the whole document" : "a later revision follows")
        .append(")");
    for (PdfChange change : changesAfterSigning) {
      out.append("\n  changed after signing: ").append(change);
    }
    out.append("\n").append(report.toString().replace("\n", "\n  "));
    return out.toString();
  }
}
