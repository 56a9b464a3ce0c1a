package io.github.motcua.signing;

/**
 * Why a check in a {@link SignatureReport} came out as it did. The {@link #code()} is stable
 * between releases; switch on the constant or log the code.
 */
public enum ReasonCode {
  /** The input parsed as a signature with signers. */
  FORMAT_OK("format.ok"),
  /** The input is not a DER/BER structure of the expected kind (truncated, random bytes). */
  FORMAT_MALFORMED("format.malformed"),
  /** The CMS is not SignedData. */
  FORMAT_NOT_SIGNED_DATA("format.not-signed-data"),
  /** The SignedData has no SignerInfo. */
  FORMAT_NO_SIGNERS("format.no-signers"),
  /** The signer's certificate was found. */
  SIGNER_CERTIFICATE_FOUND("signer-certificate.found"),
  /** The signer's certificate is not in the signature. */
  SIGNER_CERTIFICATE_NOT_FOUND("signer-certificate.not-found"),
  /** The signed certificate reference matches the signer's certificate. */
  SIGNING_CERTIFICATE_MATCHES("signing-certificate.matches"),
  /** The signed certificate reference names another certificate (substitution attack). */
  SIGNING_CERTIFICATE_MISMATCH("signing-certificate.mismatch"),
  /** The signature has no signed certificate reference (not CAdES). */
  SIGNING_CERTIFICATE_ABSENT("signing-certificate.absent"),
  /** The content's digest equals the message-digest attribute. */
  CONTENT_DIGEST_MATCHES("content-digest.matches"),
  /** The content was changed after signing. */
  CONTENT_DIGEST_MISMATCH("content-digest.mismatch"),
  /** A detached signature was given without its content. */
  CONTENT_DIGEST_CONTENT_MISSING("content-digest.content-missing"),
  /** The signed attributes have no single message-digest attribute. */
  CONTENT_DIGEST_ATTRIBUTE_MISSING("content-digest.attribute-missing"),
  /** The digest algorithm is not one motcua accepts (SHA-256/384/512). */
  CONTENT_DIGEST_ALGORITHM_UNSUPPORTED("content-digest.algorithm-unsupported"),
  /** The signature value verifies. */
  SIGNATURE_VALUE_VALID("signature-value.valid"),
  /** The signature value does not verify: signature or signed attributes were changed. */
  SIGNATURE_VALUE_INVALID("signature-value.invalid"),
  /** The signature algorithm is unknown or not accepted. */
  SIGNATURE_VALUE_ALGORITHM_UNSUPPORTED("signature-value.algorithm-unsupported"),
  /** The signature cannot be checked without the signer's certificate. */
  SIGNATURE_VALUE_NO_CERTIFICATE("signature-value.no-certificate"),
  /** The signature has no signed attributes; motcua verifies CAdES-style signatures only. */
  SIGNATURE_VALUE_NO_SIGNED_ATTRIBUTES("signature-value.no-signed-attributes"),
  /** The time-stamp is valid and trusted. */
  TIMESTAMP_VALID("timestamp.valid"),
  /** The signature carries no time-stamp (CAdES-BES). */
  TIMESTAMP_ABSENT("timestamp.absent"),
  /** The time-stamp token does not parse. */
  TIMESTAMP_MALFORMED("timestamp.malformed"),
  /** The time-stamp is over another value than this signature. */
  TIMESTAMP_IMPRINT_MISMATCH("timestamp.imprint-mismatch"),
  /** The time-stamp token's own signature does not verify. */
  TIMESTAMP_SIGNATURE_INVALID("timestamp.signature-invalid"),
  /** The time-stamping certificate does not chain to a trust anchor, or is unusable. */
  TIMESTAMP_UNTRUSTED("timestamp.untrusted"),
  /**
   * The time-stamping certificate's chain is not valid (expired, or revoked after the token's time)
   * at the time the token is validated at: the time proven by the next time-stamp covering it, or
   * the current time for the newest one. Nothing proves the token existed while its authority's key
   * could be trusted (ETSI EN 319 102-1 past signature validation; EU DSS OUT_OF_BOUNDS_NO_POE).
   * Renew long-term signatures before their newest time-stamping certificate expires.
   */
  TIMESTAMP_NO_PROOF_OF_EXISTENCE("timestamp.no-proof-of-existence"),
  /** The archive time-stamp (CAdES-LTA) is valid, trusted, and covers this signature. */
  ARCHIVE_TIMESTAMP_VALID("archive-timestamp.valid"),
  /** The archive time-stamp token does not parse. */
  ARCHIVE_TIMESTAMP_MALFORMED("archive-timestamp.malformed"),
  /** The archive time-stamp token carries no single ats-hash-index-v3 attribute. */
  ARCHIVE_TIMESTAMP_HASH_INDEX_MISSING("archive-timestamp.hash-index-missing"),
  /**
   * The archive time-stamp's hash index names a certificate, revocation value or unsigned attribute
   * the signature no longer holds (embedded values changed or removed), or uses another hash
   * algorithm than its imprint.
   */
  ARCHIVE_TIMESTAMP_HASH_INDEX_MISMATCH("archive-timestamp.hash-index-mismatch"),
  /** The archive time-stamp's imprint differs from the signature, its content and its index. */
  ARCHIVE_TIMESTAMP_IMPRINT_MISMATCH("archive-timestamp.imprint-mismatch"),
  /** The archive time-stamp token's own signature does not verify. */
  ARCHIVE_TIMESTAMP_SIGNATURE_INVALID("archive-timestamp.signature-invalid"),
  /** The archive time-stamping certificate does not chain to a trust anchor, or is unusable. */
  ARCHIVE_TIMESTAMP_UNTRUSTED("archive-timestamp.untrusted"),
  /**
   * The archive time-stamping certificate's chain is not valid at the time the token is validated
   * at, as {@link #TIMESTAMP_NO_PROOF_OF_EXISTENCE}.
   */
  ARCHIVE_TIMESTAMP_NO_PROOF_OF_EXISTENCE("archive-timestamp.no-proof-of-existence"),
  /** A detached signature's archive time-stamp was checked without the content. */
  ARCHIVE_TIMESTAMP_CONTENT_MISSING("archive-timestamp.content-missing"),
  /** The validation time is proven by a valid signature time-stamp. */
  SIGNING_TIME_PROVEN("signing-time.proven"),
  /** The validation time is proven by a valid PDF document time-stamp over the signature. */
  SIGNING_TIME_PROVEN_BY_DOCUMENT_TIMESTAMP("signing-time.proven-by-document-timestamp"),
  /** The validation time is proven by a valid archive time-stamp over the signature. */
  SIGNING_TIME_PROVEN_BY_ARCHIVE_TIMESTAMP("signing-time.proven-by-archive-timestamp"),
  /**
   * The signer claims a signing time (signing-time attribute, {@code /M}, {@code SigningTime}) that
   * nothing proves: it is reported, and certificates are judged at the current time.
   */
  SIGNING_TIME_CLAIMED("signing-time.claimed-unproven"),
  /** No signing time is claimed or proven; the current time is used. */
  SIGNING_TIME_MISSING("signing-time.missing"),
  /** The validation policy judges certificates at the current time. */
  SIGNING_TIME_CURRENT("signing-time.current-time"),
  /** The chain leads to a trust anchor. */
  CHAIN_TRUSTED("chain.trusted"),
  /** No chain leads to a trust anchor (unknown or untrusted root). */
  CHAIN_NO_TRUST_ANCHOR("chain.no-trust-anchor"),
  /** A certificate of the chain is not a CA or its signature does not verify. */
  CHAIN_INVALID("chain.invalid"),
  /** The key usage allows signing. */
  KEY_USAGE_OK("key-usage.ok"),
  /** The key usage does not allow signing (for example encryption only). */
  KEY_USAGE_NOT_FOR_SIGNING("key-usage.not-for-signing"),
  /** The time-stamping certificate lacks the timeStamping extended key usage. */
  KEY_USAGE_NOT_FOR_TIMESTAMPING("key-usage.not-for-timestamping"),
  /** Every certificate was within its validity period. */
  VALIDITY_OK("validity.ok"),
  /** A certificate had expired at the signing time. */
  VALIDITY_EXPIRED("validity.expired"),
  /** A certificate was not yet valid at the signing time. */
  VALIDITY_NOT_YET_VALID("validity.not-yet-valid"),
  /** No certificate of the chain is revoked. */
  REVOCATION_GOOD("revocation.good"),
  /** A certificate was revoked before the signing time. */
  REVOCATION_REVOKED("revocation.revoked"),
  /** A certificate was revoked after the proven signing time: the signature stands. */
  REVOCATION_REVOKED_AFTER_SIGNING("revocation.revoked-after-signing"),
  /**
   * A certificate was revoked after the claimed, unproven signing time; or a time-stamping
   * certificate was revoked after its token's time but before the next time-stamp proved the token
   * existed.
   */
  REVOCATION_REVOKED_NO_PROOF("revocation.revoked-no-proof"),
  /** No CRL or OCSP answer could be obtained. */
  REVOCATION_UNAVAILABLE("revocation.unavailable"),
  /** Revocation is not checked under the verifier's policy. */
  REVOCATION_NOT_CHECKED("revocation.not-checked"),
  /** The XML document is larger than the verifier's limit. */
  XML_TOO_LARGE("xml.too-large"),
  /** The XML document is not well-formed (truncated, broken, nested too deep). */
  XML_MALFORMED("xml.malformed"),
  /** The XML document declares a DTD; DTDs and entities are never accepted. */
  XML_DOCTYPE("xml.doctype"),
  /** The XML document holds a comment, which canonicalisation leaves out of what is signed. */
  XML_COMMENT("xml.comment"),
  /** The XML document holds a processing instruction. */
  XML_PROCESSING_INSTRUCTION("xml.processing-instruction"),
  /** The element the caller expects is missing or repeated, or the signature is repeated. */
  XML_STRUCTURE("xml.structure"),
  /** Two elements carry the same Id: a reference to it would be ambiguous. */
  XML_DUPLICATE_ID("xml.duplicate-id"),
  /** The XML document has no signature. */
  XML_SIGNATURE_MISSING("xml.signature-missing"),
  /** The signed references cover exactly the element the caller expects. */
  XML_REFERENCE_OK("xml.reference-ok"),
  /**
   * A signed reference does not resolve to the element the caller expects, or points elsewhere
   * (signature wrapping).
   */
  XML_REFERENCE_TARGET("xml.reference-target"),
  /** A transform or canonicalisation other than enveloped-signature and C14N (XPath, XSLT). */
  XML_TRANSFORM_REFUSED("xml.transform-refused"),
  /** The signed document's content follows its own rules. */
  CONTENT_RULES_OK("content-rules.ok"),
  /** The signed document's content breaks one of its rules; the detail names the rule. */
  CONTENT_RULES_BROKEN("content-rules.broken"),
  /** The signer's certificate names the party the document says issued it. */
  SIGNER_IDENTITY_MATCHES("signer-identity.matches"),
  /** The signer's certificate names another party than the document's issuer. */
  SIGNER_IDENTITY_MISMATCH("signer-identity.mismatch"),
  /** The signer's certificate carries no identifier to compare with the document's issuer. */
  SIGNER_IDENTITY_UNKNOWN("signer-identity.unknown"),
  /** The input is not a readable PDF (truncated, not a PDF, beyond the size limit). */
  PDF_UNREADABLE("pdf.unreadable"),
  /** The PDF holds no signed signature field. */
  PDF_NO_SIGNATURES("pdf.no-signatures"),
  /**
   * The PDF signature's SubFilter is not one motcua verifies (ETSI.CAdES.detached,
   * adbe.pkcs7.detached).
   */
  PDF_SUBFILTER_UNSUPPORTED("pdf.subfilter-unsupported"),
  /** The byte range covers the revision except exactly the signature's hex string. */
  PDF_BYTE_RANGE_OK("pdf.byte-range.ok"),
  /** The byte range is missing, not four numbers, not starting at 0, or outside the file. */
  PDF_BYTE_RANGE_INVALID("pdf.byte-range.invalid"),
  /** The gap left by the byte range is not exactly this signature's Contents hex string. */
  PDF_BYTE_RANGE_GAP("pdf.byte-range.gap"),
  /** The covered bytes do not end at the end of a revision (an end-of-file marker). */
  PDF_BYTE_RANGE_NOT_A_REVISION("pdf.byte-range.not-a-revision"),
  /** The signature Contents is not one DER object followed by zero padding. */
  PDF_CONTENTS_MALFORMED("pdf.contents.malformed"),
  /** The signature covers the whole document: nothing was changed after it. */
  PDF_UNCHANGED("pdf.changes.none"),
  /**
   * Later revisions only add signatures, time-stamps, validation data or metadata: allowed after
   * signing.
   */
  PDF_CHANGES_ALLOWED("pdf.changes.allowed"),
  /** Later revisions change pages, form fields, annotations or other content. */
  PDF_CHANGED_AFTER_SIGNING("pdf.changes.modified"),
  /**
   * The input goes beyond one of the verifier's {@link VerificationLimits}; the detail names the
   * limit ({@code limit.signers: 300 > 16}). Not verified.
   */
  LIMIT_EXCEEDED("limit.exceeded"),
  /** An unexpected error stopped the check; the signature cannot be judged. */
  INTERNAL_ERROR("internal-error");

  private final String code;

  ReasonCode(String code) {
    this.code = code;
  }

  /**
   * Returns the stable code.
   *
   * @return such as {@code content-digest.mismatch}
   */
  public String code() {
    return code;
  }
}
