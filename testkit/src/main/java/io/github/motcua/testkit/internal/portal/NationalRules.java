package io.github.motcua.testkit.internal.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.InvalidIdentifierException;
import io.github.motcua.core.id.ProcedureCode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the national portal fake checks in the records it receives (docs/domain.md §3-4). */
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

  /** Reply code: the dossier already exists (create of an existing dossier). */
  public static final int ALREADY_EXISTS = 1005;

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
      List.of(
          "MaHoSo",
          "MaTTHC",
          "TenTTHC",
          "ChuHoSo",
          "LoaiDoiTuong",
          "NgayTiepNhan",
          "TrangThaiHoSo");

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
   * Checks a dossier record.
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
    intIn(record, "LoaiDoiTuong", 1, 4);
    intIn(record, "TrangThaiHoSo", 1, 10);
    for (String date : List.of("NgayTiepNhan", "NgayHenTra", "NgayTra", "NgayKetThucXuLy")) {
      optionalTime(record, date);
    }
    for (String flag :
        List.of("TaiKhoanDuocXacThucVoiVNeID", "DuocThanhToanTrucTuyen", "HoSoCoThanhPhanSoHoa")) {
      if (record.has(flag)) {
        intIn(record, flag, 0, 1);
      }
    }
    for (JsonNode id : list(record, "DinhDanhCHS")) {
      int kind = intIn(id, "LoaiDinhDanh", 1, 2);
      String number = text(id, "SoDinhDanh");
      if (!number.matches(kind == 1 ? "\\d{12}" : "\\d{9}")) {
        throw new Refusal(BAD_FORMAT, "SoDinhDanh không khớp LoaiDinhDanh");
      }
    }
    for (JsonNode doc : list(record, "TaiLieuNop")) {
      if (text(doc, "TenTepDinhKem").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc TaiLieuNop.TenTepDinhKem");
      }
      if (doc.has("DuocSoHoa")) {
        intIn(doc, "DuocSoHoa", 0, 1);
      }
      if (doc.has("DuocTaiSuDung")) {
        intIn(doc, "DuocTaiSuDung", 0, 1);
      }
    }
    for (JsonNode fee : list(record, "DanhSachLePhi")) {
      intIn(fee, "LoaiPhiLePhi", 1, 2);
      int stage = intIn(fee, "HinhThucThu", 1, 4);
      if (stage == 3) {
        throw new Refusal(BAD_FORMAT, "HinhThucThu không hợp lệ");
      }
      if (!fee.path("Gia").canConvertToLong() || fee.path("Gia").asLong() < 0) {
        throw new Refusal(BAD_FORMAT, "Gia không hợp lệ");
      }
      if (text(fee, "TenPhiLePhi").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DanhSachLePhi.TenPhiLePhi");
      }
    }
    for (JsonNode result : list(record, "DanhSachGiayToKetQua")) {
      if (text(result, "TenGiayTo").isEmpty()) {
        throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc DanhSachGiayToKetQua.TenGiayTo");
      }
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
    intIn(step, "TrangThai", 1, 10);
    for (String date : List.of("ThoiDiemXuLy", "NgayBatDau", "NgayKetThucTheoQuyDinh")) {
      optionalTime(step, date);
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
    } catch (InvalidIdentifierException e) {
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

  private static int intIn(JsonNode node, String field, int min, int max) {
    String t = text(node, field);
    if (t.isEmpty()) {
      throw new Refusal(MISSING_FIELD, "Thiếu trường bắt buộc " + field);
    }
    int value;
    try {
      value = Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new Refusal(BAD_FORMAT, field + " không phải số");
    }
    if (value < min || value > max) {
      throw new Refusal(BAD_FORMAT, field + " ngoài miền giá trị");
    }
    return value;
  }

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
