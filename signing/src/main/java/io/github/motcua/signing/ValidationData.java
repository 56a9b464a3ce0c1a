package io.github.motcua.signing;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Evidence a signature's container holds beside the signature itself: certificates, CRLs and OCSP
 * answers (a PDF's document security store) and proofs of existence (a PDF's document time-stamps).
 * {@link CmsVerifier#verify(byte[], java.io.InputStream, ValidationData)} uses the certificates to
 * complete chains, the revocation values when they were issued after the time being judged (so a
 * signature verifies years later with the responders gone), and the earliest proof as the
 * validation time when the signature carries no time-stamp of its own. Immutable.
 *
 * @param certificates certificates that may complete chains; never trusted by themselves
 * @param crls CRLs, checked against their issuer before use
 * @param ocspResponses DER-encoded OCSPResponse or BasicOCSPResponse values, checked before use
 * @param proofs proofs that the signature existed at a time, each already validated
 */
public record ValidationData(
    List<X509Certificate> certificates,
    List<X509CRL> crls,
    List<byte[]> ocspResponses,
    List<Proof> proofs) {

  /** Nothing beside the signature. */
  public static final ValidationData NONE =
      new ValidationData(List.of(), List.of(), List.of(), List.of());

  /**
   * Creates validation data.
   *
   * @param certificates certificates
   * @param crls CRLs
   * @param ocspResponses OCSP answers
   * @param proofs proofs of existence
   */
  public ValidationData {
    certificates = List.copyOf(certificates);
    crls = List.copyOf(crls);
    ocspResponses = ocspResponses.stream().map(byte[]::clone).toList();
    proofs = List.copyOf(proofs);
  }

  /**
   * Returns this data with other proofs.
   *
   * @param others the proofs
   * @return a copy
   */
  public ValidationData withProofs(List<Proof> others) {
    return new ValidationData(certificates, crls, ocspResponses, others);
  }

  /**
   * Returns the OCSP answers (copies).
   *
   * @return the DER values
   */
  @Override
  public List<byte[]> ocspResponses() {
    return ocspResponses.stream().map(byte[]::clone).toList();
  }

  @Override
  public String toString() {
    return "ValidationData[certificates="
        + certificates.size()
        + ", crls="
        + crls.size()
        + ", ocspResponses="
        + ocspResponses.size()
        + ", proofs="
        + proofs
        + "]";
  }

  /**
   * A validated proof that a signature existed at a time.
   *
   * @param kind what proves it
   * @param time the proven time
   * @param description which token, for the report (for example the time-stamp field's name)
   */
  public record Proof(TimeProof kind, Instant time, String description) {
    /**
     * Creates a proof.
     *
     * @param kind what proves it
     * @param time the proven time
     * @param description for the report; null becomes empty
     */
    public Proof {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(time, "time");
      description = description == null ? "" : description;
    }
  }
}
