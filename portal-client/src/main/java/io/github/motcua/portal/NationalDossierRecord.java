package io.github.motcua.portal;

import io.github.motcua.core.dossier.DossierStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A dossier as the National Public Service Portal holds it, read with {@code TraCuuHoSo} ({@link
 * NationalPortalClient#lookUp(io.github.motcua.core.id.DossierCode)}).
 *
 * <p>{@link #toString()} leaves out the applicant's name.
 *
 * @param code the dossier code ({@code MaHoSo})
 * @param procedureCode the procedure code ({@code MaTTHC})
 * @param procedureName the procedure name ({@code TenTTHC})
 * @param applicantName the applicant ({@code ChuHoSo}); personal data
 * @param statusCode the national status code ({@code TrangThaiHoSo})
 * @param status the status the code stands for in the profile's table, empty for an unknown code
 * @param receivedAt {@code NgayTiepNhan}
 * @param dueAt {@code NgayHenTra}, when the portal has one
 * @param completedAt {@code NgayKetThucXuLy}, when set
 * @param returnedAt {@code NgayTra}, when set
 * @param identityVerified {@code TaiKhoanDuocXacThucVoiVNeID} is 1
 * @param paidOnline {@code DuocThanhToanTrucTuyen} is 1
 * @param digitised {@code HoSoCoThanhPhanSoHoa} is 1
 * @param steps the processing steps the portal holds ({@code QuaTrinhXuLy}), in its order
 */
public record NationalDossierRecord(
    String code,
    String procedureCode,
    String procedureName,
    String applicantName,
    int statusCode,
    Optional<DossierStatus> status,
    Instant receivedAt,
    Optional<Instant> dueAt,
    Optional<Instant> completedAt,
    Optional<Instant> returnedAt,
    boolean identityVerified,
    boolean paidOnline,
    boolean digitised,
    List<Step> steps) {

  /**
   * Copies the step list.
   *
   * @param code the code
   * @param procedureCode the procedure code
   * @param procedureName the procedure name
   * @param applicantName the applicant
   * @param statusCode the status code
   * @param status the status
   * @param receivedAt the reception time
   * @param dueAt the due time
   * @param completedAt the completion time
   * @param returnedAt the return time
   * @param identityVerified the VNeID flag
   * @param paidOnline the online payment flag
   * @param digitised the digitised flag
   * @param steps the steps
   */
  public NationalDossierRecord {
    steps = List.copyOf(steps);
  }

  /**
   * A processing step as the portal holds it.
   *
   * @param officer {@code NguoiXuLy}
   * @param title {@code ChucDanh}
   * @param department {@code PhongBanXuLy}
   * @param content {@code NoiDungXuLy}
   * @param statusCode {@code TrangThai}
   * @param processedAt {@code ThoiDiemXuLy}
   */
  public record Step(
      String officer,
      String title,
      String department,
      String content,
      int statusCode,
      Instant processedAt) {}

  @Override
  public String toString() {
    return "NationalDossierRecord["
        + code
        + ", "
        + procedureCode
        + ", status "
        + statusCode
        + ", "
        + steps.size()
        + " steps]";
  }
}
