package io.github.motcua.portal.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SupplementRequest;
import io.github.motcua.core.id.NationalPortalAccountId;
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
   * Builds the dossier record. Every scalar is sent as a JSON string, as public code sends it
   * (docs/domain.md §4); optional dates absent are sent as empty strings.
   *
   * @param d the snapshot
   * @param agencyName the processing agency's name ({@code DonViXuLy})
   * @return the record with canonical field names
   */
  public ObjectNode record(Dossier d, String agencyName) {
    ObjectNode r = mapper.createObjectNode();
    r.put("MaHoSo", d.code().value());
    r.put("MaTTHC", d.procedure().code().value());
    r.put("TenTTHC", d.procedure().name());
    r.put("MaLinhVuc", d.procedure().fieldCode());
    r.put("TenLinhVuc", d.procedure().fieldName());
    r.put("KenhThucHien", String.valueOf(codes.channelCode(d.channel())));
    Applicant a = d.applicant();
    r.put("ChuHoSo", a.name());
    r.put("LoaiDoiTuong", String.valueOf(a.kind().nationalCode()));
    r.put("MaDoiTuong", a.nationalPortalAccountId().map(NationalPortalAccountId::value).orElse(""));
    r.put("ThongTinKhac", "");
    r.put("Email", a.contact().email().orElse(""));
    r.put("SoDienThoai", a.contact().phone().orElse(""));
    r.put("TrichYeuHoSo", d.procedure().name());
    r.put("NgayTiepNhan", VietnamTime.format(d.acceptedAt().orElse(d.submittedAt())));
    r.put("NgayHenTra", time(d.dueAt()));
    r.put("TrangThaiHoSo", String.valueOf(codes.statusCode(d.status())));
    r.put("NgayTra", time(d.returnedAt()));
    r.put("ThongTinTra", "");
    r.put("HinhThuc", String.valueOf(codes.returnFormCode(d.returnForm())));
    r.put("NgayKetThucXuLy", time(d.completedAt()));
    r.put("DonViXuLy", agencyName);
    r.put("GhiChu", d.statusReason().orElse(""));
    ArrayNode docs = r.putArray("TaiLieuNop");
    // The snapshot's documents already include those received as supplements.
    d.documents().forEach(doc -> document(docs.addObject(), doc));
    ArrayNode fees = r.putArray("DanhSachLePhi");
    d.fees().forEach(f -> fee(fees.addObject(), f));
    r.putArray("DanhSachTepDinhKemKhac");
    ArrayNode supplements = r.putArray("DanhSachHoSoBoSung");
    for (int i = 0; i < d.supplements().size(); i++) {
      supplement(supplements.addObject(), d, i, agencyName);
    }
    ArrayNode results = r.putArray("DanhSachGiayToKetQua");
    for (DossierDocument doc : d.results()) {
      ObjectNode n = results.addObject();
      n.put("TenGiayTo", doc.name());
      n.put("MaThanhPhanHoSo", doc.componentCode().orElse(""));
      n.put("GiayToId", doc.documentId());
      n.put("DuongDanTepTinKetQua", doc.location().orElse(""));
      n.put("MaGiayToKetQua", doc.resultCode().orElse(""));
    }
    r.put("HoSoCoThanhPhanSoHoa", flag(d.digitised()));
    r.put("TaiKhoanDuocXacThucVoiVNeID", flag(d.identityVerified()));
    r.put("DuocThanhToanTrucTuyen", flag(d.paidOnline()));
    r.put(
        "NgayTuChoi",
        d.status() == DossierStatus.REFUSED ? VietnamTime.format(d.lastEventAt()) : "");
    ArrayNode ids = r.putArray("DinhDanhCHS");
    ObjectNode id = ids.addObject();
    if (a.personalId().isPresent()) {
      id.put("LoaiDinhDanh", "1");
      id.put("SoDinhDanh", a.personalId().get().value());
    } else {
      // Public code sends a placeholder for an owner without a 12-digit personal ID.
      id.put("LoaiDinhDanh", "2");
      id.put("SoDinhDanh", NO_PERSONAL_ID);
    }
    r.put("NgayNopHoSo", VietnamTime.format(d.submittedAt()));
    ArrayNode databases = r.putArray("DSKetNoiCSDL");
    codes.connectedDatabaseCodes().forEach(c -> databases.addObject().put("MaCSDL", c));
    return r;
  }

  /** The {@code SoDinhDanh} public code sends for an owner without a 12-digit personal ID. */
  public static final String NO_PERSONAL_ID = "000000001";

  private static String flag(boolean value) {
    return value ? "1" : "0";
  }

  private static void fee(ObjectNode n, Fee f) {
    n.put("TenPhiLePhi", f.name());
    n.put("MaPhiLePhi", f.code());
    n.put("HinhThucThu", String.valueOf(f.stage().nationalCode()));
    n.put("Gia", String.valueOf(f.amount().amount()));
    n.put("LoaiPhiLePhi", String.valueOf(f.kind().nationalCode()));
  }

  /**
   * A supplement request: field names as public code lists them, types as its data model has them
   * (an integer id, a boolean state), dates in the portal's format.
   */
  private void supplement(ObjectNode n, Dossier d, int index, String agencyName) {
    SupplementRequest s = d.supplements().get(index);
    n.put("HoSoBoSungId", index + 1);
    n.put("NguoiYeuCauBoSung", agencyName);
    String items = String.join("; ", s.missingItems());
    n.put("NoiDungBoSung", items.isEmpty() ? s.reason() : s.reason() + ": " + items);
    n.put("NgayBoSung", VietnamTime.format(s.requestedAt()));
    n.put("NguoiTiepNhanBoSung", "");
    n.put("ThongTinTiepNhan", "");
    n.put("NgayTiepNhanBoSung", time(s.receivedAt()));
    n.put("TrangThaiBoSung", s.receivedAt().isPresent());
    ArrayNode docs = n.putArray("DanhSachGiayToBoSung");
    s.documents().forEach(doc -> document(docs.addObject(), doc));
    n.putArray("DanhSachLePhiBoSung");
    boolean latest = index == d.supplements().size() - 1;
    // The snapshot knows the due date in force now: before the latest request is answered it is
    // the one the request suspended, after it the new one.
    n.put("NgayHenTraTruoc", latest && s.receivedAt().isEmpty() ? time(d.dueAt()) : "");
    n.put("NgayHenTraMoi", latest && s.receivedAt().isPresent() ? time(d.dueAt()) : "");
  }

  private static void document(ObjectNode n, DossierDocument doc) {
    n.put("TepDinhKemId", doc.documentId());
    n.put("TenTepDinhKem", doc.name());
    n.put("IsDeleted", "False");
    n.put("MaThanhPhanHoSo", doc.componentCode().orElse(""));
    n.put("DuongDanTaiTepTin", doc.location().orElse(""));
    n.put("DuocSoHoa", flag(doc.digitised()));
    n.put("DuocTaiSuDung", !doc.reused() ? "0" : doc.resultCode().isPresent() ? "2" : "1");
    n.put("DuocLayTuKhoDMQG", flag(doc.fromNationalStore()));
    n.put("MaKetQuaThayThe", doc.resultCode().orElse(""));
  }

  /**
   * Builds a processing-step record; its {@code TrangThai} is the dossier's status at that step
   * (the snapshot's).
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
    n.put("TrangThai", String.valueOf(codes.statusCode(d.status())));
    n.put("NgayBatDau", VietnamTime.format(step.startedAt()));
    n.put("NgayKetThucTheoQuyDinh", time(step.dueAt()));
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
    n.put("MucDoHaiLong", String.valueOf(codes.satisfactionCode(rating.level())));
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

  private static String time(Optional<Instant> value) {
    return value.map(VietnamTime::format).orElse("");
  }
}
