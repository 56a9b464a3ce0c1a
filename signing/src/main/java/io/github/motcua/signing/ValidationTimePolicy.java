package io.github.motcua.signing;

/** At which time a verifier judges certificate validity and revocation. */
public enum ValidationTimePolicy {
  /**
   * At the earliest time a proof shows the signature existed: a valid signature time-stamp, else a
   * valid document or archive time-stamp over it; without proof, at the current time. The signer's
   * own claim of a signing time ({@code signing-time}, {@code /M}, {@code SigningTime}) is reported
   * but never used: an expired key cannot sign today with last year's date. A certificate that
   * expired or was revoked after a proven time does not invalidate the signature. The report's
   * {@link CheckType#SIGNING_TIME} check names the proof. The default.
   */
  SIGNING_TIME,
  /**
   * At the verifier's current time, ignoring signing-time claims and time-stamps: the strict PKIX
   * view, for signatures that must be valid now.
   */
  CURRENT_TIME
}
