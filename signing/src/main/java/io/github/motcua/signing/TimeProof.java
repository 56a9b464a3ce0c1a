package io.github.motcua.signing;

/**
 * What proves that a signature existed at the time its certificates were judged. Without a proof, a
 * verifier judges certificates at the current time: the signer's own claim of a signing time
 * ({@code signing-time}, {@code /M}, {@code SigningTime}) never moves the validation time.
 */
public enum TimeProof {
  /** A signature time-stamp over the signature value (CAdES-T, PAdES B-T). */
  SIGNATURE_TIMESTAMP,
  /** A PDF document time-stamp over a revision that contains the signature (PAdES B-LTA). */
  DOCUMENT_TIMESTAMP,
  /** An archive time-stamp over the signature and its validation data (CAdES-LTA). */
  ARCHIVE_TIMESTAMP
}
