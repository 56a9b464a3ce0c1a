package io.github.motcua.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.portal.NationalDossierRecord;
import io.github.motcua.portal.NationalPortalProfile;
import io.github.motcua.portal.NationalProcedure;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the national portal's replies as public code reads them (docs/domain.md §4): a dossier's
 * record and steps from {@code TraCuuHoSo} in canonical names, catalogue entries, and the
 * comparisons a publish makes against the portal's copy. Stateless after construction.
 */
public final class NationalReplies {

  private final ObjectMapper mapper;
  private final NationalPortalProfile profile;
  private final Map<String, String> wireToCanonical;

  /**
   * Creates a reader.
   *
   * @param mapper the JSON mapper
   * @param profile the profile, for wire names and statuses
   */
  public NationalReplies(ObjectMapper mapper, NationalPortalProfile profile) {
    this.mapper = mapper;
    this.profile = profile;
    Map<String, String> inverse = new HashMap<>();
    profile
        .fieldNames(NationalCalls.LOOK_UP)
        .forEach((canonical, wire) -> inverse.put(wire, canonical));
    this.wireToCanonical = Map.copyOf(inverse);
  }

  /**
   * Reads a {@code TraCuuHoSo} reply as public code does: {@code result} is an array, empty when
   * the portal does not know the dossier (docs/domain.md §4). A reply that is not found by the
   * reply table also means unknown.
   *
   * @return the first element with canonical names, or null when unknown
   */
  public JsonNode firstResult(JsonNode reply) {
    JsonNode result = reply.path("result");
    JsonNode first;
    if (result.isArray()) {
      if (result.isEmpty()) {
        return null;
      }
      first = result.get(0);
    } else if (result.isMissingNode() || result.isNull()) {
      return null;
    } else {
      first = result;
    }
    if (!first.isObject()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail(
              "The national portal's TraCuuHoSo result is not a list of records.", 200, null, null),
          null);
    }
    JsonNode copy = DossierRecords.rename(first.deepCopy(), wireToCanonical);
    return foldCase(copy, profile.stepsField());
  }

  /**
   * Renames fields spelt in another case (public code reads the portal's replies in upper case in
   * places) to the canonical spelling of the record and step fields.
   */
  private JsonNode foldCase(JsonNode node, String stepsField) {
    if (!(node instanceof ObjectNode o)) {
      return node;
    }
    Map<String, String> known = new HashMap<>();
    for (String f : RECORD_FIELDS) {
      known.put(f.toLowerCase(Locale.ROOT), f);
    }
    known.put(stepsField.toLowerCase(Locale.ROOT), "QuaTrinhXuLy");
    ObjectNode out = mapper.createObjectNode();
    o.fields()
        .forEachRemaining(
            e ->
                out.set(
                    known.getOrDefault(e.getKey().toLowerCase(Locale.ROOT), e.getKey()),
                    e.getValue()));
    JsonNode steps = out.path("QuaTrinhXuLy");
    if (steps.isArray()) {
      ArrayNode folded = mapper.createArrayNode();
      steps.forEach(st -> folded.add(foldCase(st, stepsField)));
      out.set("QuaTrinhXuLy", folded);
    }
    return out;
  }

  private static final List<String> RECORD_FIELDS =
      List.of(
          "MaHoSo",
          "MaTTHC",
          "TenTTHC",
          "MaLinhVuc",
          "TenLinhVuc",
          "KenhThucHien",
          "ChuHoSo",
          "LoaiDoiTuong",
          "MaDoiTuong",
          "NgayTiepNhan",
          "NgayHenTra",
          "TrangThaiHoSo",
          "NgayTra",
          "HinhThuc",
          "NgayKetThucXuLy",
          "DonViXuLy",
          "TaiKhoanDuocXacThucVoiVNeID",
          "DuocThanhToanTrucTuyen",
          "HoSoCoThanhPhanSoHoa",
          "NguoiXuLy",
          "ChucDanh",
          "PhongBanXuLy",
          "NoiDungXuLy",
          "TrangThai",
          "ThoiDiemXuLy",
          "NgayBatDau",
          "NgayKetThucTheoQuyDinh");

  /** Whether the portal holds this record already: same fields, numbers compared by value. */
  public static boolean sameRecord(ObjectNode record, JsonNode portal) {
    if (!portal.isObject()) {
      return false;
    }
    ObjectNode stored = ((ObjectNode) portal).deepCopy();
    stored.remove("QuaTrinhXuLy");
    return record.equals(NUMBERS_BY_VALUE, stored);
  }

  /** Scalars compared by their text: the portal may answer a code sent as "4" with 4. */
  private static final java.util.Comparator<JsonNode> NUMBERS_BY_VALUE =
      (a, b) -> {
        if (a.isValueNode() && b.isValueNode()) {
          return a.asText().equals(b.asText()) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
      };

  /** The steps of a chunk that the portal's copy (null: no copy) does not hold. */
  public static List<ObjectNode> missing(JsonNode portal, List<ObjectNode> chunk) {
    if (portal == null) {
      return chunk;
    }
    Map<String, Integer> present = new HashMap<>();
    for (JsonNode step : portal.path("QuaTrinhXuLy")) {
      present.merge(DossierRecords.stepIdentity(step, Map.of()), 1, Integer::sum);
    }
    List<ObjectNode> missing = new ArrayList<>();
    for (ObjectNode step : chunk) {
      String id = DossierRecords.stepIdentity(step, Map.of());
      if (present.getOrDefault(id, 0) > 0) {
        present.merge(id, -1, Integer::sum);
      } else {
        missing.add(step);
      }
    }
    return missing;
  }

  public NationalDossierRecord toRecord(JsonNode r) {
    try {
      List<NationalDossierRecord.Step> steps = new ArrayList<>();
      for (JsonNode s : r.path("QuaTrinhXuLy")) {
        steps.add(
            new NationalDossierRecord.Step(
                s.path("NguoiXuLy").asText(""),
                s.path("ChucDanh").asText(""),
                s.path("PhongBanXuLy").asText(""),
                s.path("NoiDungXuLy").asText(""),
                codeOf(s.path("TrangThai")),
                VietnamTime.parse(s.path("ThoiDiemXuLy").asText(""))));
      }
      int status = codeOf(r.path("TrangThaiHoSo"));
      return new NationalDossierRecord(
          required(r, "MaHoSo"),
          required(r, "MaTTHC"),
          r.path("TenTTHC").asText(""),
          r.path("ChuHoSo").asText(""),
          status,
          profile.status(status),
          VietnamTime.parse(required(r, "NgayTiepNhan")),
          optionalTime(r, "NgayHenTra"),
          optionalTime(r, "NgayKetThucXuLy"),
          optionalTime(r, "NgayTra"),
          codeOf(r.path("TaiKhoanDuocXacThucVoiVNeID")) == 1,
          codeOf(r.path("DuocThanhToanTrucTuyen")) == 1,
          codeOf(r.path("HoSoCoThanhPhanSoHoa")) == 1,
          steps);
    } catch (DateTimeException e) {
      throw new RetryLaterException(
          "portal.protocol.date",
          Failures.detail(
              "The national portal returned a date that is not yyyyMMddHHmmss.", 200, null, null),
          e);
    }
  }

  /** A code sent as a string ("4") or a number (4); 0 when absent or not a whole number. */
  private static int codeOf(JsonNode v) {
    String t = v.asText("").strip();
    return t.matches("-?\\d{1,9}") ? Integer.parseInt(t) : 0;
  }

  private static String required(JsonNode r, String field) {
    String v = r.path(field).asText("");
    if (v.isEmpty()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail("The national portal's record lacks " + field + ".", 200, null, null),
          null);
    }
    return v;
  }

  private static Optional<Instant> optionalTime(JsonNode r, String field) {
    String v = r.path(field).asText("");
    return v.isEmpty() ? Optional.empty() : Optional.of(VietnamTime.parse(v));
  }

  /**
   * Reads a catalogue entry as public code reads it: upper-case names ({@code MATTHC}, {@code
   * TENTTHC}, {@code LINHVUCTHUCHIEN[0].MALINHVUC}, {@code
   * CACHTHUCTHUCHIEN[0].THOIGIAN[0].THOIGIANGIAIQUYET}), the mixed-case names also accepted.
   */
  public static NationalProcedure toProcedure(JsonNode p) {
    JsonNode field = p.path("LINHVUCTHUCHIEN").path(0);
    String days =
        any(p.path("CACHTHUCTHUCHIEN").path(0).path("THOIGIAN").path(0), "THOIGIANGIAIQUYET");
    if (days.isEmpty()) {
      days = any(p, "ThoiHanGiaiQuyet");
    }
    String code = any(p, "MATTHC");
    if (code.isEmpty()) {
      throw new RetryLaterException(
          "portal.protocol.field",
          Failures.detail("The national portal's procedure lacks MATTHC.", 200, null, null),
          null);
    }
    String fieldCode = any(field, "MALINHVUC");
    return new NationalProcedure(
        code,
        any(p, "TENTTHC"),
        fieldCode.isEmpty() ? any(p, "MALINHVUC") : fieldCode,
        field.isObject() ? any(field, "TENLINHVUC") : any(p, "TENLINHVUC"),
        days.matches("\\d{1,6}(\\.\\d+)?")
            ? OptionalInt.of((int) Double.parseDouble(days))
            : OptionalInt.empty());
  }

  /** A field's text whatever the case of its name; empty when absent. */
  public static String any(JsonNode node, String name) {
    if (!node.isObject()) {
      return "";
    }
    java.util.Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String n = names.next();
      if (n.equalsIgnoreCase(name) && node.get(n).isValueNode()) {
        return node.get(n).asText("").strip();
      }
    }
    return "";
  }
}
