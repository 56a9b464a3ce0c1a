package io.github.motcua.signing;

/**
 * Whether and how strictly a verifier checks that certificates were not revoked (thu hồi).
 * Revocation data comes from the OCSP responder named in each certificate's authority information
 * access and from the CRLs named in its distribution points.
 */
public enum RevocationPolicy {
  /** Revocation is not checked; the report says so ({@link ReasonCode#REVOCATION_NOT_CHECKED}). */
  NONE,
  /**
   * Best effort: OCSP first, the CRL when OCSP gives no answer. A revoked certificate counts; when
   * neither source answers the check is skipped with {@link ReasonCode#REVOCATION_UNAVAILABLE} and
   * does not change the verdict. The lenient choice: it fails open when the responders are
   * unreachable (the default of {@link SignaturePolicy#LENIENT}).
   */
  PREFER_OCSP,
  /**
   * OCSP first, then the CRL; when neither answers for a certificate of the chain the signature is
   * {@link Verdict#INDETERMINATE}. Revocation values carried by the signature (CAdES-LT, a PDF's
   * document security store) are used first. The default.
   */
  REQUIRE
}
