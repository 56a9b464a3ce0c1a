package io.github.motcua.signing;

/**
 * What a check in a {@link SignatureReport} examines. Shared by every signature format motcua
 * verifies (CMS now; XML and PDF signatures reuse it).
 */
public enum CheckType {
  /** The signature container parses and holds signers. */
  FORMAT,
  /** The signer's certificate is present in the signature. */
  SIGNER_CERTIFICATE,
  /** The signed reference to the signer's certificate (signing-certificate-v2) matches it. */
  SIGNING_CERTIFICATE_REFERENCE,
  /** The content's digest equals the signed digest. */
  CONTENT_DIGEST,
  /** The signature value verifies with the signer's public key. */
  SIGNATURE_VALUE,
  /** The signature time-stamp is intact, over this signature, and from a trusted authority. */
  TIMESTAMP,
  /**
   * An archive time-stamp (CAdES-LTA, {@code archive-time-stamp-v3}) is intact, covers the
   * signature, its content and the values its hash index names, and is from a trusted authority.
   */
  ARCHIVE_TIMESTAMP,
  /** Which time the certificate checks refer to, and whether it is proven. */
  SIGNING_TIME,
  /** A chain of certificates leads from the signer to a trust anchor. */
  CERTIFICATE_CHAIN,
  /** The signer's key usage allows signing (digital signature or non-repudiation). */
  KEY_USAGE,
  /** Every certificate of the chain was valid at the signing time. */
  CERTIFICATE_VALIDITY,
  /** No certificate of the chain was revoked before the signing time (CRL or OCSP). */
  REVOCATION,
  /** An XML signature's references cover the element the caller expects, and nothing else. */
  SIGNED_REFERENCE,
  /** The signed document's content follows its own rules (a receipt's total, words, symbols). */
  CONTENT_RULES,
  /** The signer is the party the signed document names as its issuer. */
  SIGNER_IDENTITY,
  /**
   * A PDF signature's byte range covers the whole of its revision except the signature itself, and
   * the signature there is one DER object.
   */
  BYTE_RANGE,
  /** What later revisions of a PDF changed after this signature. */
  CHANGES_AFTER_SIGNING
}
