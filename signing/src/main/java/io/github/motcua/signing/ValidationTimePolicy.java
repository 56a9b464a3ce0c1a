package io.github.motcua.signing;

/** At which time a verifier judges certificate validity and revocation. */
public enum ValidationTimePolicy {
  /**
   * At the signing time: the time-stamp's time when a valid time-stamp is present (proven), else
   * the signer's claimed signing-time attribute (reported as unproven), else the current time. A
   * certificate that expired or was revoked after a proven signing time does not invalidate the
   * signature. The default.
   */
  SIGNING_TIME,
  /**
   * At the verifier's current time, ignoring signing-time claims and time-stamps: the strict PKIX
   * view, for signatures that must be valid now.
   */
  CURRENT_TIME
}
