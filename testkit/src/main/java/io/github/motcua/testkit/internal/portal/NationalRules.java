package io.github.motcua.testkit.internal.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.ProcedureCode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the national portal fake checks in the records it receives, written from docs/domain.md §3-4
 * (the public evidence), not from the client's mapping.
 */
public final class NationalRules {

  /** Reply code: success. */
  public static final int OK = 0;

  /** Reply code: session missing, unknown or expired. */
  public static final int SESSION_INVALID = 401;

  /** Reply code: wrong user name, password or unit code at login. */
  public static final int LOGIN_REFUSED = 403;

  /** Reply code: a required field is missing. */
  public static final int MISSING_FIELD = 1001;

  /** Reply code: a field has the wrong format. */
  public static final int BAD_FORMAT = 1002;

  /** Reply code: the status change is not a legal progression. */
  public static final int ILLEGAL_STATUS = 1003;

  /** Reply code: the dossier or call belongs to another unit. */
  public static final int WRONG_UNIT = 1004;

  /**
   * Reply code: the dossier already exists (create of an existing dossier). Public code accepts
   * {@code 0}, {@code 3} or {@code -3} with "đã tồn tại" in the message (docs/domain.md §4).
   */
  public static final int ALREADY_EXISTS = -3;

  /** Reply code: the dossier does not exist. */
  public static final int NOT_FOUND = 1006;

  /** Reply code: unknown service. */
  public static final int UNKNOWN_SERVICE = 1007;

  /** Reply code: too many records in one call. */
  public static final int TOO_MANY_RECORDS = 1008;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  /** Legal status changes by national code; a record may always be re-sent with its status. */
  private static final Map<Integer, Set<Integer>> PROGRESSION =
      Map.of(
          1, Set.of(2, 3, 7),
          2, Set.of(4, 5, 6, 7, 8, 9),
          4, Set.of(4, 5, 6, 7, 8, 9),
          5, Set.of(4, 7, 8),
          6, Set.of(4, 7, 8),
          9, Set.of(10),
          3, Set.of(),
          7, Set.of(),
          8, Set.of(),
          10, Set.of());

  private static final List<String> REQUIRED =
      List.of("MaHoSo", "MaTTHC", "TenTTHC", "LoaiDoiTuong", "NgayTiepNhan", "TrangThaiHoSo");

  private NationalRules() {}

  /** A refused record: the reply code and message. */
  public static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The reply code. */
    public final int code;

    /**
     * Creates a refusal.
     *
     * @param code the reply code
     * @param message the reply message
     */
    public Refusal(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /**
   * Checks a dossier record against docs/domain.md §4: required fields, every code a JSON string
   * within its value set (public code sends them as strings), dates {@code yyyyMMddHHmmss} or
   * empty, lists of objects.
   *
   * @param record the record
   * @param unit the caller's unit code, or null to accept any unit
   */
  public static void checkRecord(JsonNode record, String unit) {
    if (record == null || !record.isObject()) {
      throw new Refusal(BAD_FORMAT, "Bản ghi hồ sơ không hợp lệ (record is not an object)");
    }
    for (String field : REQUIRED) {
      if (text(record, field).isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc " + field);
      }
    }
    if (unit != null) {
      checkDossierCode(text(record, "MaHoSo"), unit);
    } else if (!io.github.motcua.core.id.DossierCode.isValid(text(record, "MaHoSo"))) {
      throw new Refusal(BAD_FORMAT, "MaHoSo không đúng định dạng");
    }
    if (!ProcedureCode.isValid(text(record, "MaTTHC"))) {
      throw new Refusal(BAD_FORMAT, "MaTTHC không đúng định dạng");
    }
    for (String field :
        List.of(
            "MaHoSo",
            "MaTTHC",
            "TenTTHC",
            "MaLinhVuc",
            "TenLinhVuc",
            "ChuHoSo",
            "MaDoiTuong",
            "Email",
            "SoDienThoai",
            "TrichYeuHoSo",
            "DonViXuLy",
            "GhiChu",
            "ThongTinKhac",
            "ThongTinTra")) {
      stringType(record, field);
    }
    codeIn(record, "LoaiDoiTuong", true, "1", "2", "3", "4");
    codeIn(record, "TrangThaiHoSo", true, STATUSES);
    codeIn(record, "KenhThucHien", false, "1", "2", "3");
    codeIn(record, "HinhThuc", false, "0", "1");
    for (String date :
        List.of(
            "NgayTiepNhan",
            "NgayHenTra",
            "NgayTra",
            "NgayKetThucXuLy",
            "NgayTuChoi",
            "NgayNopHoSo")) {
      optionalTime(record, date);
    }
    codeIn(record, "TaiKhoanDuocXacThucVoiVNeID", false, "0", "1");
    codeIn(record, "HoSoCoThanhPhanSoHoa", false, "0", "1");
    codeIn(record, "DuocThanhToanTrucTuyen", false, "0", "1", "3");
    for (JsonNode id : list(record, "DinhDanhCHS")) {
      String kind = codeIn(id, "LoaiDinhDanh", true, "1", "2");
      stringType(id, "SoDinhDanh");
      String number = text(id, "SoDinhDanh");
      if (!number.matches("1".equals(kind) ? "\\d{12}" : "\\d{9}")) {
        throw new Refusal(BAD_FORMAT, "SoDinhDanh không khớp LoaiDinhDanh");
      }
    }
    for (JsonNode doc : list(record, "TaiLieuNop")) {
      checkDocument(doc, "TaiLieuNop");
    }
    for (JsonNode fee : list(record, "DanhSachLePhi")) {
      codeIn(fee, "LoaiPhiLePhi", true, "1", "2");
      codeIn(fee, "HinhThucThu", true, "1", "2", "4");
      stringType(fee, "Gia");
      if (!text(fee, "Gia").matches("\\d{1,15}")) {
        throw new Refusal(BAD_FORMAT, "Gia không hợp lệ");
      }
      if (text(fee, "TenPhiLePhi").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DanhSachLePhi.TenPhiLePhi");
      }
    }
    for (JsonNode s : list(record, "DanhSachHoSoBoSung")) {
      JsonNode id = s.get("HoSoBoSungId");
      if (id == null || !id.canConvertToInt() || !id.isIntegralNumber()) {
        throw new Refusal(BAD_FORMAT, "DanhSachHoSoBoSung.HoSoBoSungId phải là số nguyên");
      }
      if (text(s, "NoiDungBoSung").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DanhSachHoSoBoSung.NoiDungBoSung");
      }
      for (String date :
          List.of("NgayBoSung", "NgayTiepNhanBoSung", "NgayHenTraTruoc", "NgayHenTraMoi")) {
        optionalTime(s, date);
      }
      if (text(s, "NgayBoSung").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DanhSachHoSoBoSung.NgayBoSung");
      }
      JsonNode state = s.get("TrangThaiBoSung");
      if (state != null && !state.isNull() && !state.isBoolean()) {
        throw new Refusal(BAD_FORMAT, "DanhSachHoSoBoSung.TrangThaiBoSung phải là true/false");
      }
      for (JsonNode doc : list(s, "DanhSachGiayToBoSung")) {
        checkDocument(doc, "DanhSachGiayToBoSung");
      }
    }
    for (JsonNode result : list(record, "DanhSachGiayToKetQua")) {
      if (text(result, "TenGiayTo").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DanhSachGiayToKetQua.TenGiayTo");
      }
      for (String f :
          List.of("MaThanhPhanHoSo", "GiayToId", "DuongDanTepTinKetQua", "MaGiayToKetQua")) {
        stringType(result, f);
      }
    }
    for (JsonNode db : list(record, "DSKetNoiCSDL")) {
      stringType(db, "MaCSDL");
      if (text(db, "MaCSDL").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DSKetNoiCSDL.MaCSDL");
      }
    }
  }

  /**
   * Checks what the national portal's record carries beyond the provincial one: {@code HinhThuc}
   * (return form) present, and {@code DonViXuLy} the processing agency's name, as public code sends
   * it, not an agency code.
   *
   * @param record a record that passed {@link #checkRecord}
   */
  public static void checkNationalRecord(JsonNode record) {
    for (String field : List.of("HinhThuc", "DonViXuLy")) {
      if (text(record, field).isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc " + field);
      }
    }
    if (AgencyCode.isValid(text(record, "DonViXuLy"))) {
      throw new Refusal(BAD_FORMAT, "DonViXuLy là tên đơn vị xử lý, không phải mã đơn vị");
    }
  }

  private static void checkDocument(JsonNode doc, String list) {
    if (text(doc, "TenTepDinhKem").isEmpty()) {
      throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc " + list + ".TenTepDinhKem");
    }
    for (String f :
        List.of("TepDinhKemId", "MaThanhPhanHoSo", "DuongDanTaiTepTin", "MaKetQuaThayThe")) {
      stringType(doc, f);
    }
    codeIn(doc, "DuocSoHoa", false, "0", "1");
    codeIn(doc, "DuocTaiSuDung", false, "0", "1", "2");
    codeIn(doc, "DuocLayTuKhoDMQG", false, "0", "1");
    codeIn(doc, "IsDeleted", false, "True", "False", "true", "false", "0", "1");
    if ("2".equals(text(doc, "DuocTaiSuDung")) && text(doc, "MaKetQuaThayThe").isEmpty()) {
      throw new Refusal(
          MISSING_FIELD, list + ".DuocTaiSuDung 2 (tái sử dụng kết quả) cần MaKetQuaThayThe");
    }
  }

  /**
   * Checks a processing-step record.
   *
   * @param step the record
   */
  public static void checkStep(JsonNode step) {
    if (step == null || !step.isObject()) {
      throw new Refusal(BAD_FORMAT, "Bản ghi tiến độ không hợp lệ");
    }
    for (String field : List.of("MaHoSo", "NguoiXuLy", "ThoiDiemXuLy", "NoiDungXuLy")) {
      if (text(step, field).isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc " + field);
      }
    }
    for (String field : List.of("MaHoSo", "NguoiXuLy", "ChucDanh", "PhongBanXuLy", "NoiDungXuLy")) {
      stringType(step, field);
    }
    codeIn(step, "TrangThai", true, STATUSES);
    for (String date : List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh")) {
      optionalTime(step, date);
    }
  }

  /**
   * Checks that a step's status does not contradict the dossier's: a step may not say the dossier
   * was refused, withdrawn, stopped, finished or returned while the dossier's record says otherwise
   * (public code sends the record first, then its steps).
   *
   * @param stepStatus the step's {@code TrangThai}
   * @param dossierStatus the stored record's {@code TrangThaiHoSo}
   */
  public static void checkStepStatus(int stepStatus, int dossierStatus) {
    boolean consistent =
        switch (stepStatus) {
          case 3, 7, 8 -> dossierStatus == stepStatus;
          case 9 -> dossierStatus == 9 || dossierStatus == 10;
          case 10 -> dossierStatus == 10;
          default -> true;
        };
    if (!consistent) {
      throw new Refusal(
          ILLEGAL_STATUS,
          "Trạng thái tiến độ " + stepStatus + " mâu thuẫn với trạng thái hồ sơ " + dossierStatus);
    }
  }

  /**
   * Checks a status change.
   *
   * @param from the stored status
   * @param to the received status
   */
  public static void checkProgression(int from, int to) {
    if (from != to && !PROGRESSION.getOrDefault(from, Set.of()).contains(to)) {
      throw new Refusal(
          ILLEGAL_STATUS, "Không thể chuyển trạng thái hồ sơ từ " + from + " sang " + to);
    }
  }

  /**
   * Checks that a dossier code is well formed and belongs to the unit.
   *
   * @param code the code
   * @param unit the unit code
   */
  public static void checkDossierCode(String code, String unit) {
    DossierCode parsed;
    try {
      parsed = DossierCode.parse(code);
    } catch (InvalidInputException e) {
      throw new Refusal(BAD_FORMAT, "MaHoSo không đúng định dạng");
    }
    if (!parsed.agency().value().equals(unit)) {
      throw new Refusal(WRONG_UNIT, "Hồ sơ không thuộc đơn vị " + unit);
    }
  }

  /**
   * Returns a field as text.
   *
   * @param node the object
   * @param field the field
   * @return the text, empty when absent or null
   */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? "" : v.asText().strip();
  }

  private static List<JsonNode> list(JsonNode record, String field) {
    JsonNode v = record.get(field);
    if (v == null || v.isNull()) {
      return List.of();
    }
    if (!v.isArray()) {
      throw new Refusal(BAD_FORMAT, field + " phải là danh sách");
    }
    java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
    v.forEach(out::add);
    for (JsonNode n : out) {
      if (!n.isObject()) {
        throw new Refusal(BAD_FORMAT, field + " chứa phần tử không hợp lệ");
      }
    }
    return out;
  }

  /** A present field must be a JSON string (or null), as public code sends every scalar. */
  private static void stringType(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v != null && !v.isNull() && !v.isTextual()) {
      throw new Refusal(BAD_FORMAT, field + " phải là chuỗi (string)");
    }
  }

  /**
   * A code sent as a JSON string within its value set.
   *
   * @return the code, empty when absent and not required
   */
  private static String codeIn(JsonNode node, String field, boolean required, String... values) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || (v.isTextual() && v.asText().isBlank())) {
      if (required) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc " + field);
      }
      return "";
    }
    if (!v.isTextual()) {
      throw new Refusal(
          BAD_FORMAT, field + " phải là chuỗi (string), không phải " + v.getNodeType());
    }
    String t = v.asText().strip();
    for (String allowed : values) {
      if (allowed.equals(t)) {
        return t;
      }
    }
    throw new Refusal(BAD_FORMAT, field + " ngoài miền giá trị");
  }

  private static final String[] STATUSES = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"};

  private static void optionalTime(JsonNode node, String field) {
    String t = text(node, field);
    if (t.isEmpty()) {
      return;
    }
    try {
      if (t.length() != 14) {
        throw new DateTimeParseException("length", t, 0);
      }
      LocalDateTime.parse(t, TIME);
    } catch (DateTimeParseException e) {
      throw new Refusal(BAD_FORMAT, field + " không đúng định dạng yyyyMMddHHmmss");
    }
  }
}
