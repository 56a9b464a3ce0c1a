package io.github.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.ReturnForm;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.NationalPortalAccountId;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.testkit.Fault;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Field-by-field checks of what the national client sends, against values written here from the
 * public evidence (docs/domain.md §4: VietOpenCPS/opencps-v2 DVCQGIntegrationActionImpl.java,
 * HuanVu201/DichVuCong_KhoaLuan_PASETO SyncLocalDataToDVCQGService.cs and
 * ISyncLocalDataToDVCQGService.cs), not from the mapping code.
 */
class NationalRecordEvidenceTest {

  private static final String AGENCY = "UBND xã Tân Hòa";
  private static final String DST = "H56.31-ADAPTER";
  private static final NationalPortalAccountId ACCOUNT =
      NationalPortalAccountId.parse("3f9a2c1e-77aa-4b1e-9d0c-5e2b7c9a1d10");

  private NationalPortalFake fake;
  private NationalPortalClient client;

  @BeforeEach
  void start() {
    fake =
        NationalPortalFake.builder().dstCode(DST).account("038090001234", ACCOUNT.value()).start();
    client = client(Duration.ofSeconds(5));
  }

  private NationalPortalClient client(Duration readTimeout) {
    return NationalPortalClient.builder()
        .adapterUrl(fake.baseUrl())
        .credentials(fake.username(), fake.password())
        .unitCode(fake.unitCode())
        .dstCode(DST)
        .agencyName(AGENCY)
        .retryPolicy(
            RetryPolicy.builder().maxAttempts(3).readTimeout(readTimeout).sleeper(d -> {}).build())
        .build();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  /** Submitted online, or received at the counter or by post. */
  private static DossierEvent submitted(
      DossierCode code, Applicant applicant, SubmissionChannel channel, DossierDocument... docs) {
    java.util.UUID id = new java.util.UUID(7, code.value().hashCode());
    List<DossierDocument> documents =
        List.of(docs.length == 0 ? new DossierDocument[] {Histories.document("D1", true)} : docs);
    if (!channel.isOnline()) {
      return new DossierEvent.Received(
          id,
          code,
          Histories.T0,
          Histories.BIRTH,
          applicant,
          channel,
          documents,
          List.of(Histories.fee()),
          false);
    }
    return new DossierEvent.Submitted(
        id,
        code,
        Histories.T0,
        Histories.BIRTH,
        applicant,
        channel,
        documents,
        List.of(Histories.fee()),
        true);
  }

  private JsonNode publishAndRead(DossierEvent event) {
    Dossier d = Histories.snapshots(List.of(event)).get(0);
    client.publish(event, d);
    return fake.dossier(d.code().value()).orElseThrow().current();
  }

  /** Every scalar of a record public code sends is a JSON string. */
  private static void assertAllScalarsAreStrings(JsonNode node, String path) {
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode v = e.getValue();
      if (v.isArray()) {
        for (JsonNode item : v) {
          if (!"DanhSachHoSoBoSung".equals(e.getKey())) {
            assertAllScalarsAreStrings(item, path + e.getKey() + "[].");
          }
        }
      } else if (v.isObject()) {
        assertAllScalarsAreStrings(v, path + e.getKey() + ".");
      } else {
        assertThat(v.isTextual()).as(path + e.getKey() + " is a string").isTrue();
      }
    }
  }

  @Test
  void counterDossierWithoutAccount() {
    JsonNode r =
        publishAndRead(
            submitted(Histories.code(1), Histories.applicant(), SubmissionChannel.COUNTER));

    assertAllScalarsAreStrings(r, "");
    // KenhThucHien: 1 counter, 2 online, 3 post (TD TiepNhanHoSoTrucTuyenConstants).
    assertThat(r.path("KenhThucHien").asText()).isEqualTo("1");
    // HinhThuc is the return form: 0 at the counter (OCPS: viaPostal 0/1 gives 0).
    assertThat(r.path("HinhThuc").asText()).isEqualTo("0");
    // No portal account: OCPS sends an empty MaDoiTuong.
    assertThat(r.path("MaDoiTuong").asText()).isEmpty();
    // DonViXuLy: the agency's name (OCPS getGovAgencyName, TD GroupName).
    assertThat(r.path("DonViXuLy").asText()).isEqualTo(AGENCY);
    assertThat(r.path("LoaiDoiTuong").asText()).isEqualTo("1");
    // Received at the counter: accepted on the spot (2).
    assertThat(r.path("TrangThaiHoSo").asText()).isEqualTo("2");
    assertThat(r.path("TaiKhoanDuocXacThucVoiVNeID").asText()).isEqualTo("0");
    assertThat(r.path("DuocThanhToanTrucTuyen").asText()).isEqualTo("0");
    assertThat(r.path("HoSoCoThanhPhanSoHoa").asText()).isEqualTo("1");
    assertThat(r.path("NgayNopHoSo").asText()).isEqualTo("20250815083000");
    assertThat(r.path("NgayHenTra").asText()).isEmpty();
    // A 12-digit personal ID: LoaiDinhDanh 1 (TD).
    assertThat(r.path("DinhDanhCHS").get(0).path("LoaiDinhDanh").asText()).isEqualTo("1");
    assertThat(r.path("DinhDanhCHS").get(0).path("SoDinhDanh").asText()).isEqualTo("038090001234");
    JsonNode doc = r.path("TaiLieuNop").get(0);
    assertThat(doc.path("IsDeleted").asText()).isEqualTo("False");
    assertThat(doc.path("DuocSoHoa").asText()).isEqualTo("1");
    assertThat(doc.path("DuocTaiSuDung").asText()).isEqualTo("0");
    assertThat(doc.path("DuocLayTuKhoDMQG").asText()).isEqualTo("0");
    JsonNode fee = r.path("DanhSachLePhi").get(0);
    assertThat(fee.path("Gia").asText()).isEqualTo("50000");
    assertThat(fee.path("LoaiPhiLePhi").asText()).isEqualTo("2");
    assertThat(fee.path("HinhThucThu").asText()).isEqualTo("1");
    assertThat(r.path("DanhSachTepDinhKemKhac").isArray()).isTrue();
    assertThat(r.path("DSKetNoiCSDL").isArray()).isTrue();
  }

  @Test
  void onlineDossierWithAccount() {
    Applicant withAccount = Histories.applicant().withNationalPortalAccountId(ACCOUNT);
    JsonNode r =
        publishAndRead(submitted(Histories.code(2), withAccount, SubmissionChannel.ONLINE_FULL));

    assertThat(r.path("KenhThucHien").asText()).isEqualTo("2");
    assertThat(r.path("HinhThuc").asText()).isEqualTo("0");
    // The SSO's TechID (TD: UserInfoDVCQG.TechID as MaDoiTuong; OCPS: the dvcqg mapping).
    assertThat(r.path("MaDoiTuong").asText()).isEqualTo("3f9a2c1e-77aa-4b1e-9d0c-5e2b7c9a1d10");
    assertThat(r.path("TaiKhoanDuocXacThucVoiVNeID").asText()).isEqualTo("1");
  }

  @Test
  void postDossierAndOnlineDossierReturnedByPost() {
    JsonNode post =
        publishAndRead(
            submitted(Histories.code(3), Histories.applicant(), SubmissionChannel.POSTAL));
    assertThat(post.path("KenhThucHien").asText()).isEqualTo("3");
    assertThat(post.path("HinhThuc").asText()).isEqualTo("1");

    DossierEvent online =
        submitted(Histories.code(4), Histories.applicant(), SubmissionChannel.ONLINE_PARTIAL);
    Dossier byPost =
        Histories.snapshots(List.of(online)).get(0).toBuilder()
            .returnForm(ReturnForm.BY_POST)
            .build();
    client.publish(online, byPost);
    JsonNode r = fake.dossier(byPost.code().value()).orElseThrow().current();
    assertThat(r.path("KenhThucHien").asText()).isEqualTo("2");
    assertThat(r.path("HinhThuc").asText()).isEqualTo("1");
  }

  @Test
  void ownerWithoutPersonalIdGetsThePlaceholderIdentifier() {
    Applicant company =
        Applicant.enterprise("Công ty TNHH Sen Vàng", TaxCode.parse("0109124451"))
            .withContact(Contact.none());
    JsonNode r = publishAndRead(submitted(Histories.code(5), company, SubmissionChannel.COUNTER));
    assertThat(r.path("LoaiDoiTuong").asText()).isEqualTo("2");
    // TD: LoaiDinhDanh 2 with 000000001 when the owner has no 12- or 9-digit number.
    assertThat(r.path("DinhDanhCHS").get(0).path("LoaiDinhDanh").asText()).isEqualTo("2");
    assertThat(r.path("DinhDanhCHS").get(0).path("SoDinhDanh").asText()).isEqualTo("000000001");
  }

  @Test
  void reusedDocumentsCarryTheirSourceAndReplacingResult() {
    DossierDocument fromComponent =
        new DossierDocument(
                "D7",
                Optional.of("TP01"),
                "Giấy chứng sinh",
                "application/pdf",
                1,
                "b".repeat(64),
                true,
                true,
                DossierDocument.CopyKind.ELECTRONIC,
                Optional.of("https://files.example.vn/D7"))
            .withFromNationalStore(true);
    DossierDocument fromResult =
        fromComponent.withResultCode("KQ.001193").withFromNationalStore(false);
    JsonNode r =
        publishAndRead(
            submitted(
                Histories.code(6),
                Histories.applicant(),
                SubmissionChannel.ONLINE_FULL,
                fromComponent,
                fromResult));
    JsonNode a = r.path("TaiLieuNop").get(0);
    JsonNode b = r.path("TaiLieuNop").get(1);
    // TD: DuocTaiSuDung 1 reused from another dossier's component, 2 from another's result.
    assertThat(a.path("DuocTaiSuDung").asText()).isEqualTo("1");
    assertThat(a.path("DuocLayTuKhoDMQG").asText()).isEqualTo("1");
    assertThat(a.path("MaKetQuaThayThe").asText()).isEmpty();
    assertThat(b.path("DuocTaiSuDung").asText()).isEqualTo("2");
    assertThat(b.path("DuocLayTuKhoDMQG").asText()).isEqualTo("0");
    assertThat(b.path("MaKetQuaThayThe").asText()).isEqualTo("KQ.001193");
  }

  @Test
  void supplementsResultsAndStepStatusesFollowTheEvidence() {
    DossierCode code = Histories.code(7);
    List<DossierEvent> events = new ArrayList<>(new Histories(7).fullLifecycle(code));
    // The result with its national result code (TD: MaGiayToKetQua from MaKetQuaChinh).
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) instanceof DossierEvent.ResultReady rr) {
        events.set(
            i,
            new DossierEvent.ResultReady(
                rr.eventId(),
                rr.dossierCode(),
                rr.occurredAt(),
                List.of(rr.results().get(0).withResultCode("KQ.001193"))));
      }
    }
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < events.size(); i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
    NationalPortalFake.StoredDossier stored = fake.dossier(code.value()).orElseThrow();
    JsonNode r = stored.current();
    JsonNode s = r.path("DanhSachHoSoBoSung").get(0);
    // Names from OCPS (commented field list) and TD (HoSoBoSung); TD's types: int id, bool state.
    assertThat(s.path("HoSoBoSungId").isInt()).isTrue();
    assertThat(s.path("HoSoBoSungId").asInt()).isEqualTo(1);
    assertThat(s.path("NguoiYeuCauBoSung").asText()).isEqualTo(AGENCY);
    assertThat(s.path("NoiDungBoSung").asText()).contains("Thiếu giấy chứng sinh");
    assertThat(s.path("NgayBoSung").asText()).matches("\\d{14}");
    assertThat(s.path("NgayTiepNhanBoSung").asText()).matches("\\d{14}");
    assertThat(s.path("TrangThaiBoSung").isBoolean()).isTrue();
    assertThat(s.path("TrangThaiBoSung").asBoolean()).isTrue();
    assertThat(s.path("DanhSachGiayToBoSung").get(0).path("TenTepDinhKem").asText())
        .isEqualTo("To khai dang ky khai sinh");
    assertThat(s.has("NgayHenTraTruoc")).isTrue();
    assertThat(s.has("NgayHenTraMoi")).isTrue();
    JsonNode result = r.path("DanhSachGiayToKetQua").get(0);
    assertThat(result.path("GiayToId").asText()).isEqualTo("R1");
    assertThat(result.path("MaGiayToKetQua").asText()).isEqualTo("KQ.001193");
    assertThat(result.path("DuongDanTepTinKetQua").asText())
        .isEqualTo("https://files.example.vn/R1");
    assertThat(r.path("TrangThaiHoSo").asText()).isEqualTo("10");
    assertThat(r.path("NgayTra").asText()).matches("\\d{14}");
    // Each step carries the dossier's status at that step (OCPS: getMappingStatus of the dossier),
    // here both steps were completed in processing (4), not the final status.
    assertThat(stored.steps()).hasSize(2);
    assertThat(stored.steps())
        .allSatisfy(step -> assertThat(step.path("TrangThai").asText()).isEqualTo("4"));
  }

  @Test
  void lookUpOfUnknownAndKnownDossier() {
    assertThat(client.lookUp(Histories.code(8))).isEmpty();

    List<DossierEvent> events = new Histories(8).fullLifecycle(Histories.code(8));
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < 3; i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
    NationalDossierRecord record = client.lookUp(Histories.code(8)).orElseThrow();
    assertThat(record.statusCode()).isEqualTo(4);
    assertThat(record.steps()).hasSize(1);
    assertThat(record.steps().get(0).statusCode()).isEqualTo(4);
  }

  @Test
  void retryAfterALostReplySendsNoStepAgain() {
    List<DossierEvent> events = new Histories(9).fullLifecycle(Histories.code(9));
    List<Dossier> snapshots = Histories.snapshots(events);
    fake.timeoutDelay(Duration.ofMillis(300));
    NationalPortalClient impatient = client(Duration.ofMillis(100));
    impatient.publish(new Publication(events.get(0), snapshots.get(0), true));
    impatient.publish(new Publication(events.get(1), snapshots.get(1), true));
    // The step is stored, its reply lost; the client's retry looks the dossier up (mahoso,
    // result[0].QuaTrinhXuLy) and sends nothing.
    fake.inject(Fault.next(PortalFault.TIMEOUT, 1));
    impatient.publish(new Publication(events.get(2), snapshots.get(2), true));
    assertThat(fake.injectedFaults(PortalFault.TIMEOUT)).isEqualTo(1);
    // The outbox delivers it again after the lost reply: still nothing new.
    impatient.publish(new Publication(events.get(2), snapshots.get(2), false));

    assertThat(fake.dossier(Histories.code(9).value()).orElseThrow().steps()).hasSize(1);
    assertThat(fake.serviceCallCount("CapNhatTienDoHoSoMC")).isEqualTo(1);
  }

  @Test
  void accountIdLookUp() {
    assertThat(client.accountId(Histories.ID)).contains(ACCOUNT);
    assertThat(client.accountId(TaxCode.parse("0109124451"))).isEmpty();
  }

  @Test
  void procedureLookUpReadsTheUpperCaseCatalogue() {
    NationalProcedure p =
        client.procedure(io.github.motcua.core.id.ProcedureCode.parse("1.004227")).orElseThrow();
    assertThat(p.name()).isEqualTo("Cấp giấy phép xây dựng nhà ở riêng lẻ");
    assertThat(p.fieldCode()).isEqualTo("XD");
    assertThat(p.workingDays()).hasValue(15);
    assertThat(client.procedure(io.github.motcua.core.id.ProcedureCode.parse("9.999999")))
        .isEmpty();
    assertThat(client.procedures()).hasSize(3);
  }

  @Test
  void aRenameForOneServiceLeavesTheOthersAlone() {
    NationalPortalProfile profile =
        NationalPortalProfile.builder().fieldName("LayThuTuc", "maTTHC", "MaTTHC").build();
    assertThat(profile.fieldNames("LayThuTuc")).containsEntry("maTTHC", "MaTTHC");
    assertThat(profile.fieldNames("DongBoHoSoMC")).doesNotContainKey("maTTHC");
    assertThat(profile.fieldNames("TraCuuHoSo")).isEmpty();
  }
}
