package io.github.motcua.core.dossier;

import io.github.motcua.core.InvalidInputException;
import java.util.List;

/**
 * The status of a dossier (trạng thái hồ sơ) as the National Public Service Portal knows it, in the
 * order of its national codes (TrangThaiHoSo 1-10). The codes and names are confirmed by several
 * independent public implementations of the portal's interface.
 *
 * <p>Which events move a dossier from one status to another is decided by {@link DossierLifecycle}.
 */
public enum DossierStatus {
  /** Submitted online, not yet accepted (1, Mới đăng ký). */
  SUBMITTED(1, "Mới đăng ký"),
  /** Accepted: the processing clock runs (2, Được tiếp nhận). */
  ACCEPTED(2, "Được tiếp nhận"),
  /** Refused at reception (3, Không được tiếp nhận). Terminal. */
  REFUSED(3, "Không được tiếp nhận"),
  /** Being processed (4, Đang xử lý). */
  IN_PROGRESS(4, "Đang xử lý"),
  /** The applicant was asked for more documents; the clock is paused (5). */
  SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
  /** The applicant was asked to pay fees or taxes (6). */
  PAYMENT_REQUESTED(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
  /** Withdrawn at the applicant's request (7, Công dân yêu cầu rút hồ sơ). Terminal. */
  WITHDRAWN(7, "Công dân yêu cầu rút hồ sơ"),
  /** Processing stopped (8, Dừng xử lý). Terminal. */
  STOPPED(8, "Dừng xử lý"),
  /** The result is ready (9, Đã xử lý xong). */
  RESULT_READY(9, "Đã xử lý xong"),
  /** The result was handed over (10, Đã trả kết quả). Terminal; a rating may still follow. */
  RETURNED(10, "Đã trả kết quả");

  private static final List<DossierStatus> BY_CODE = List.of(values());

  private final int nationalCode;
  private final String vietnameseName;

  DossierStatus(int nationalCode, String vietnameseName) {
    this.nationalCode = nationalCode;
    this.vietnameseName = vietnameseName;
  }

  /**
   * Returns the national portal's code for this status (TrangThaiHoSo).
   *
   * @return 1 to 10
   */
  public int nationalCode() {
    return nationalCode;
  }

  /**
   * Returns the status's name as the national portal writes it.
   *
   * @return for example {@code Đang xử lý}
   */
  public String vietnameseName() {
    return vietnameseName;
  }

  /**
   * Tells whether processing has ended for good: {@link #REFUSED}, {@link #WITHDRAWN}, {@link
   * #STOPPED} or {@link #RETURNED}. A returned dossier still accepts one rating, which does not
   * change its status.
   *
   * @return true for the four terminal statuses
   */
  public boolean isTerminal() {
    return this == REFUSED || this == WITHDRAWN || this == STOPPED || this == RETURNED;
  }

  /**
   * Returns the status with a national code.
   *
   * @param nationalCode 1 to 10
   * @return the status
   * @throws InvalidInputException with one violation of rule {@code range} for any other number
   */
  public static DossierStatus fromNationalCode(int nationalCode) {
    if (nationalCode < 1 || nationalCode > BY_CODE.size()) {
      throw Checks.invalid(
          "DossierStatus",
          List.of(
              new Violation("nationalCode", "range", "A national status code is from 1 to 10.")));
    }
    return BY_CODE.get(nationalCode - 1);
  }
}
