package io.github.motcua.signing;

/**
 * How demanding a verifier is about what a signature must carry. {@link #STRICT} is the default and
 * fails closed; {@link #LENIENT} is for those who ask for it by name, for example to read old
 * archives made by tools that did not add a signed certificate reference.
 */
public enum SignaturePolicy {
  /**
   * The default. A CMS or PDF signature must carry a signed reference to its certificate ({@code
   * signing-certificate-v2}, or the older {@code signing-certificate}), else the certificate could
   * be swapped for another with the same key: {@link ReasonCode#SIGNING_CERTIFICATE_ABSENT} makes
   * the signer {@link Verdict#INDETERMINATE}. Revocation defaults to {@link
   * RevocationPolicy#REQUIRE}: when no OCSP answer or CRL can be had, the signer is {@link
   * Verdict#INDETERMINATE}.
   */
  STRICT,
  /**
   * A signature without a signed certificate reference is verified (the check is skipped), and
   * revocation defaults to {@link RevocationPolicy#PREFER_OCSP}: best effort, an unreachable
   * responder does not change the verdict. A revocation policy set explicitly still applies.
   */
  LENIENT
}
