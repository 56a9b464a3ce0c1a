package io.github.motcua.core.calendar;

/**
 * What a request for a supplement (yêu cầu bổ sung hồ sơ) does to the processing clock. The rule in
 * force is not confirmed [U], so it is a setting of {@link DeadlinePolicy}.
 */
public enum SupplementRule {
  /**
   * The default: the full time limit restarts from the moment the complete dossier is received; the
   * portals carry the old and the new appointment dates.
   */
  RESTART,
  /**
   * The clock stops while the applicant completes the dossier and resumes, with the time that was
   * left, when the complete dossier is received.
   */
  PAUSE
}
