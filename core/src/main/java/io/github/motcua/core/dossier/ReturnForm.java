package io.github.motcua.core.dossier;

/**
 * How the result of a dossier goes back to the applicant (hình thức trả kết quả), which the
 * national portal's record carries as {@code HinhThuc} (docs/domain.md §4): at the counter or by
 * post. It is independent of how the dossier was submitted ({@link SubmissionChannel}, {@code
 * KenhThucHien}): an online dossier may have its result posted or collected at the counter.
 */
public enum ReturnForm {
  /** Collected at the one-stop shop's counter (trả trực tiếp), national code 0. */
  AT_COUNTER,
  /** Sent by post (trả qua dịch vụ bưu chính công ích), national code 1. */
  BY_POST;

  /**
   * Returns the form a dossier has when none was chosen: by post for a dossier submitted by post,
   * at the counter otherwise.
   *
   * @param channel how the dossier was submitted
   * @return the default return form
   */
  public static ReturnForm defaultFor(SubmissionChannel channel) {
    return channel == SubmissionChannel.POSTAL ? BY_POST : AT_COUNTER;
  }
}
