package io.github.motcua.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SupplementRequest;
import io.github.motcua.portal.NationalPortalProfile;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Maps dossier snapshots to the national record format of docs/domain.md §4 (canonical field
 * names), and renames fields for a profile. Stateless and thread-safe.
 */
public final class DossierRecords {

  private final ObjectMapper mapper;
  private final NationalPortalProfile codes;

  /**
   * Creates a mapper.
   *
   * @param mapper the JSON mapper (for node creation)
   * @param codes the profile supplying the status, channel and satisfaction codes
   */
  public DossierRecords(ObjectMapper mapper, NationalPortalProfile codes) {
    this.mapper = mapper;
    this.codes = codes;
  }

  /**
   * Builds the dossier record.
   *
   * @param d the snapshot
   * @param unitCode the processing unit's code ({@code DonViXuLy})
   * @return the record with canonical field names
   */
  public ObjectNode record(Dossier d, String unitCode) {
    ObjectNode r = mapper.createObjectNode();
    r.put("MaHoSo", d.code().value());
    r.put("MaTTHC", d.procedure().code().value());
    r.put("TenTTHC", d.procedure().name());
    r.put("MaLinhVuc", d.procedure().fieldCode());
    r.put("TenLinhVuc", d.procedure().fieldName());
    r.put("SoBienNhan", d.code().value());
    Applicant a = d.applicant();
    r.put("ChuHoSo", a.name());
    r.put("LoaiDoiTuong", a.kind().nationalCode());
    a.taxCode().ifPresent(t -> r.put("MaDoiTuong", t.value()));
    a.contact().email().ifPresent(e -> r.put("Email", e));
    a.contact().phone().ifPresent(p -> r.put("SoDienThoai", p));
    a.contact().address().ifPresent(p -> r.put("DiaChi", p));
    r.put("TrichYeuHoSo", d.procedure().name());
    r.put("NgayTiepNhan", VietnamTime.format(d.acceptedAt().orElse(d.submittedAt())));
    time(r, "NgayHenTra", d.dueAt());
    r.put("TrangThaiHoSo", codes.statusCode(d.status()));
    time(r, "NgayTra", d.returnedAt());
    r.put("HinhThuc", codes.channelCode(d.channel()));
    time(r, "NgayKetThucXuLy", d.completedAt());
    r.put("DonViXuLy", unitCode);
    d.statusReason().ifPresent(s -> r.put("GhiChu", s));
    r.put("TaiKhoanDuocXacThucVoiVNeID", d.identityVerified() ? 1 : 0);
    r.put("DuocThanhToanTrucTuyen", d.paidOnline() ? 1 : 0);
    r.put("HoSoCoThanhPhanSoHoa", d.digitised() ? 1 : 0);
    ArrayNode ids = r.putArray("DinhDanhCHS");
    a.personalId()
        .ifPresent(
            id -> {
              ObjectNode n = ids.addObject();
              n.put("LoaiDinhDanh", 1);
              n.put("SoDinhDanh", id.value());
            });
    ArrayNode docs = r.putArray("TaiLieuNop");
    // The snapshot's documents already include those received as supplements.
    d.documents().forEach(doc -> document(docs.addObject(), doc));
    ArrayNode fees = r.putArray("DanhSachLePhi");
    for (Fee f : d.fees()) {
      ObjectNode n = fees.addObject();
      n.put("TenPhiLePhi", f.name());
      n.put("MaPhiLePhi", f.code());
      n.put("HinhThucThu", f.stage().nationalCode());
      n.put("Gia", f.amount().amount());
      n.put("LoaiPhiLePhi", f.kind().nationalCode());
    }
    ArrayNode supplements = r.putArray("DanhSachHoSoBoSung");
    for (SupplementRequest s : d.supplements()) {
      ObjectNode n = supplements.addObject();
      n.put("NgayYeuCauBoSung", VietnamTime.format(s.requestedAt()));
      n.put("NoiDungYeuCauBoSung", s.reason());
      n.put("DanhSachGiayToBoSung", String.join("; ", s.missingItems()));
      time(n, "NgayTiepNhanBoSung", s.receivedAt());
    }
    ArrayNode results = r.putArray("DanhSachGiayToKetQua");
    for (DossierDocument doc : d.results()) {
      ObjectNode n = results.addObject();
      n.put("TenGiayTo", doc.name());
      doc.componentCode().ifPresent(c -> n.put("MaThanhPhanHoSo", c));
      n.put("GiayToId", doc.documentId());
      doc.location().ifPresent(l -> n.put("DuongDanTepTinKetQua", l));
    }
    return r;
  }

  private static void document(ObjectNode n, DossierDocument doc) {
    n.put("TepDinhKemId", doc.documentId());
    n.put("TenTepDinhKem", doc.name());
    n.put("IsDeleted", false);
    doc.componentCode().ifPresent(c -> n.put("MaThanhPhanHoSo", c));
    doc.location().ifPresent(l -> n.put("DuongDanTaiTepTin", l));
    n.put("DuocSoHoa", doc.digitised() ? 1 : 0);
    n.put("DuocTaiSuDung", doc.reused() ? 1 : 0);
  }

  /**
   * Builds a processing-step record.
   *
   * @param d the snapshot the step belongs to
   * @param step the step
   * @return the record with canonical field names
   */
  public ObjectNode step(Dossier d, ProcessingStep step) {
    ObjectNode n = mapper.createObjectNode();
    n.put("MaHoSo", d.code().value());
    n.put("NguoiXuLy", step.officer());
    n.put("ChucDanh", step.title());
    n.put("ThoiDiemXuLy", VietnamTime.format(step.finishedAt()));
    n.put("PhongBanXuLy", step.department());
    n.put("NoiDungXuLy", step.content());
    n.put("TrangThai", codes.statusCode(io.github.motcua.core.dossier.DossierStatus.IN_PROGRESS));
    n.put("NgayBatDau", VietnamTime.format(step.startedAt()));
    time(n, "NgayKetThucTheoQuyDinh", step.dueAt());
    return n;
  }

  /**
   * Builds a rating record.
   *
   * @param d the snapshot
   * @param rating the rating
   * @param ratedAt when it was given
   * @return the record with canonical field names
   */
  public ObjectNode rating(Dossier d, Rating rating, Instant ratedAt) {
    ObjectNode n = mapper.createObjectNode();
    n.put("MaHoSo", d.code().value());
    n.put("MucDoHaiLong", codes.satisfactionCode(rating.level()));
    rating.comment().ifPresent(c -> n.put("NoiDungDanhGia", c));
    n.put("ThoiDiemDanhGia", VietnamTime.format(ratedAt));
    return n;
  }

  /**
   * Identifies a step record for duplicate detection: time, officer and content.
   *
   * @param step the step record (canonical or renamed names, given the names to read)
   * @param names the renames in force
   * @return the identity
   */
  public static String stepIdentity(JsonNode step, Map<String, String> names) {
    return step.path(names.getOrDefault("ThoiDiemXuLy", "ThoiDiemXuLy")).asText()
        + "|"
        + step.path(names.getOrDefault("NguoiXuLy", "NguoiXuLy")).asText()
        + "|"
        + step.path(names.getOrDefault("NoiDungXuLy", "NoiDungXuLy")).asText();
  }

  /**
   * Renames fields recursively.
   *
   * @param node the node (changed in place)
   * @param names canonical → wire names
   * @return the node
   */
  public static JsonNode rename(JsonNode node, Map<String, String> names) {
    if (names.isEmpty() || node == null) {
      return node;
    }
    if (node.isArray()) {
      node.forEach(child -> rename(child, names));
    } else if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      ObjectNode copy = o.deepCopy();
      o.removeAll();
      Iterator<Map.Entry<String, JsonNode>> it = copy.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        o.set(names.getOrDefault(e.getKey(), e.getKey()), rename(e.getValue(), names));
      }
    }
    return node;
  }

  private static void time(ObjectNode n, String field, Optional<Instant> value) {
    value.ifPresent(v -> n.put(field, VietnamTime.format(v)));
  }
}
