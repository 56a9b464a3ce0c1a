package io.github.motcua.core.dossier;

/**
 * How a dossier reached the one-stop shop (hình thức nộp hồ sơ). The full and partial online
 * services were defined by Decree 42/2022/NĐ-CP on online public services, since replaced (see
 * docs/domain.md §2, "Texts cited"); the two kinds are still those the national portal reports.
 */
public enum SubmissionChannel {
  /** A full online public service (dịch vụ công trực tuyến toàn trình). */
  ONLINE_FULL,
  /** A partial online public service (dịch vụ công trực tuyến một phần). */
  ONLINE_PARTIAL,
  /** Handed in at the counter of the service center (trực tiếp). */
  COUNTER,
  /** Sent by post (qua dịch vụ bưu chính công ích). */
  POSTAL;

  /**
   * Tells whether the dossier was submitted online, fully or partially.
   *
   * @return true for {@link #ONLINE_FULL} and {@link #ONLINE_PARTIAL}
   */
  public boolean isOnline() {
    return this == ONLINE_FULL || this == ONLINE_PARTIAL;
  }
}
