package io.github.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierStatus;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.testkit.NationalPortalFake;
import io.github.motcua.testkit.PortalFault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NationalPortalClientTest {

  private NationalPortalFake fake;
  private ManualClock clock;
  private NationalPortalClient client;

  @BeforeEach
  void start() {
    fake = NationalPortalFake.start();
    clock = ManualClock.at("2025-08-15T00:00:00Z");
    client = client(NationalPortalProfile.defaults());
  }

  private NationalPortalClient client(NationalPortalProfile profile) {
    return client(fake, profile);
  }

  private NationalPortalClient client(NationalPortalFake portal, NationalPortalProfile profile) {
    return builder(portal).profile(profile).build();
  }

  private NationalPortalClient.Builder builder(NationalPortalFake portal) {
    return NationalPortalClient.builder()
        .adapterUrl(portal.baseUrl())
        .credentials(portal.username(), portal.password())
        .unitCode(portal.unitCode())
        .agencyName("UBND xã Tân Hòa")
        .clock(clock)
        .retryPolicy(RetryPolicy.builder().sleeper(clock.sleeper()).build());
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private static void publishAll(PortalClient client, List<DossierEvent> events) {
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < events.size(); i++) {
      client.publish(events.get(i), snapshots.get(i));
    }
  }

  @Test
  void submittedDossierIsCreatedWithEveryFieldInNationalFormat() {
    DossierCode code = Histories.code(1);
    List<DossierEvent> events = new Histories(1).fullLifecycle(code);
    PublishResult result =
        client.publish(events.get(0), Histories.snapshots(events.subList(0, 1)).get(0));

    assertThat(result.operations()).containsExactly("DongBoHoSoMC:create");
    JsonNode r = fake.dossier(code.value()).orElseThrow().current();
    assertThat(r.path("MaHoSo").asText()).isEqualTo("000.00.31.H56-250815-0001");
    assertThat(r.path("MaTTHC").asText()).isEqualTo("1.001193");
    assertThat(r.path("TenTTHC").asText()).isEqualTo("Đăng ký khai sinh");
    assertThat(r.path("MaLinhVuc").asText()).isEqualTo("HT");
    assertThat(r.path("TenLinhVuc").asText()).isEqualTo("Hộ tịch");
    assertThat(r.path("ChuHoSo").asText()).isEqualTo(Histories.APPLICANT);
    assertThat(r.path("LoaiDoiTuong").asInt()).isEqualTo(1);
    assertThat(r.path("SoDienThoai").asText()).isEqualTo("0912345678");
    assertThat(r.path("Email").asText()).isEqualTo("an@example.vn");
    assertThat(r.path("TrichYeuHoSo").asText()).isEqualTo("Đăng ký khai sinh");
    // 01:30 UTC is 08:30 in Vietnam.
    assertThat(r.path("NgayTiepNhan").asText()).isEqualTo("20250815083000");
    assertThat(r.path("NgayHenTra").asText()).isEmpty();
    assertThat(r.path("TrangThaiHoSo").asText()).isEqualTo("1");
    // Submitted online (KenhThucHien 2), result collected at the counter (HinhThuc 0).
    assertThat(r.path("KenhThucHien").asText()).isEqualTo("2");
    assertThat(r.path("HinhThuc").asText()).isEqualTo("0");
    assertThat(r.path("DonViXuLy").asText()).isEqualTo("UBND xã Tân Hòa");
    assertThat(r.path("TaiKhoanDuocXacThucVoiVNeID").asInt()).isEqualTo(1);
    assertThat(r.path("DuocThanhToanTrucTuyen").asInt()).isZero();
    assertThat(r.path("HoSoCoThanhPhanSoHoa").asInt()).isEqualTo(1);
    assertThat(r.path("DinhDanhCHS").get(0).path("LoaiDinhDanh").asInt()).isEqualTo(1);
    assertThat(r.path("DinhDanhCHS").get(0).path("SoDinhDanh").asText()).isEqualTo("038090001234");
    JsonNode doc = r.path("TaiLieuNop").get(0);
    assertThat(doc.path("TepDinhKemId").asText()).isEqualTo("D1");
    assertThat(doc.path("TenTepDinhKem").asText()).isEqualTo("To khai dang ky khai sinh");
    assertThat(doc.path("IsDeleted").asBoolean()).isFalse();
    assertThat(doc.path("MaThanhPhanHoSo").asText()).isEqualTo("TP01");
    assertThat(doc.path("DuongDanTaiTepTin").asText()).isEqualTo("https://files.example.vn/D1");
    assertThat(doc.path("DuocSoHoa").asInt()).isEqualTo(1);
    assertThat(doc.path("DuocTaiSuDung").asInt()).isZero();
    JsonNode fee = r.path("DanhSachLePhi").get(0);
    assertThat(fee.path("TenPhiLePhi").asText()).isEqualTo("Lệ phí đăng ký");
    assertThat(fee.path("MaPhiLePhi").asText()).isEqualTo("LP01");
    assertThat(fee.path("HinhThucThu").asInt()).isEqualTo(1);
    assertThat(fee.path("Gia").asLong()).isEqualTo(50_000);
    assertThat(fee.path("LoaiPhiLePhi").asInt()).isEqualTo(2);
  }

  @Test
  void everyEventOfTheLifecycleReachesThePortal() {
    DossierCode code = Histories.code(2);
    List<DossierEvent> events = new Histories(2).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    int[] expectedStatus = {1, 2, 4, 5, 4, 6, 4, 4, 9, 10, 10};
    for (int i = 0; i < events.size(); i++) {
      client.publish(events.get(i), snapshots.get(i));
      NationalPortalFake.StoredDossier stored = fake.dossier(code.value()).orElseThrow();
      assertThat(stored.status()).as(events.get(i).type()).isEqualTo(expectedStatus[i]);
    }
    NationalPortalFake.StoredDossier stored = fake.dossier(code.value()).orElseThrow();
    JsonNode r = stored.current();
    // One record per event but the rating, except the second step's: it changed nothing in the
    // record, which the look-up before the step showed, so no update was sent.
    assertThat(stored.history()).hasSize(9);
    // SupplementRequested / SupplementReceived
    JsonNode supplement = r.path("DanhSachHoSoBoSung").get(0);
    assertThat(supplement.path("NoiDungBoSung").asText())
        .isEqualTo("Thiếu giấy chứng sinh: Giấy chứng sinh");
    assertThat(supplement.path("NgayTiepNhanBoSung").asText()).matches("\\d{14}");
    assertThat(r.path("TaiLieuNop")).hasSize(2);
    // PaymentReceived (online)
    assertThat(r.path("DuocThanhToanTrucTuyen").asInt()).isEqualTo(1);
    // ResultReady / ResultReturned
    JsonNode result = r.path("DanhSachGiayToKetQua").get(0);
    assertThat(result.path("GiayToId").asText()).isEqualTo("R1");
    assertThat(result.path("TenGiayTo").asText()).isEqualTo("To khai dang ky khai sinh");
    assertThat(result.path("DuongDanTepTinKetQua").asText())
        .isEqualTo("https://files.example.vn/R1");
    assertThat(r.path("NgayKetThucXuLy").asText()).matches("\\d{14}");
    assertThat(r.path("NgayTra").asText())
        .isEqualTo(vn(snapshots.get(9).returnedAt().orElseThrow()));
    // StepCompleted twice
    assertThat(stored.steps()).hasSize(2);
    JsonNode step = stored.steps().get(0);
    ProcessingStep s = ((DossierEvent.StepCompleted) events.get(2)).step();
    assertThat(step.path("MaHoSo").asText()).isEqualTo(code.value());
    assertThat(step.path("NguoiXuLy").asText()).isEqualTo(s.officer());
    assertThat(step.path("ChucDanh").asText()).isEqualTo(s.title());
    assertThat(step.path("PhongBanXuLy").asText()).isEqualTo(s.department());
    assertThat(step.path("NoiDungXuLy").asText()).isEqualTo(s.content());
    assertThat(step.path("TrangThai").asInt()).isEqualTo(4);
    assertThat(step.path("ThoiDiemXuLy").asText()).isEqualTo(vn(s.finishedAt()));
    assertThat(step.path("NgayBatDau").asText()).isEqualTo(vn(s.startedAt()));
    assertThat(step.path("NgayKetThucTheoQuyDinh").asText()).isEqualTo(vn(s.dueAt().orElseThrow()));
    // Rated
    JsonNode rating = stored.rating();
    assertThat(rating.path("MaHoSo").asText()).isEqualTo(code.value());
    assertThat(rating.path("MucDoHaiLong").asInt()).isEqualTo(3);
    assertThat(rating.path("NoiDungDanhGia").asText()).isEqualTo("Nhanh");
    assertThat(rating.path("ThoiDiemDanhGia").asText()).isEqualTo(vn(events.get(10).occurredAt()));
  }

  @Test
  void counterReceptionRefusalWithdrawalAndStopAreStored() {
    Histories h = new Histories(3);
    DossierCode a = Histories.code(10);
    DossierCode b = Histories.code(11);
    DossierCode c = Histories.code(12);
    Instant t = Histories.T0;
    DossierEvent.Submitted submittedA = (DossierEvent.Submitted) h.fullLifecycle(a).get(0);
    publishAll(
        client,
        List.of(submittedA, new DossierEvent.Refused(h.id(), a, t.plusSeconds(60), "Sai thủ tục")));
    DossierEvent first = h.fullLifecycle(b).get(0);
    publishAll(
        client,
        List.of(
            first, new DossierEvent.Withdrawn(h.id(), b, t.plusSeconds(60), Optional.of("Rút"))));
    DossierEvent.Received received =
        new DossierEvent.Received(
            h.id(),
            c,
            t,
            Histories.BIRTH,
            Histories.applicant(),
            io.github.motcua.core.dossier.SubmissionChannel.COUNTER,
            List.of(Histories.document("D1", false)),
            List.of(),
            false);
    publishAll(
        client,
        List.of(
            received,
            new DossierEvent.Stopped(h.id(), c, t.plusSeconds(60), "Dừng xử lý theo quy định")));

    assertThat(fake.dossier(a.value()).orElseThrow().status()).isEqualTo(3);
    assertThat(fake.dossier(a.value()).orElseThrow().current().path("GhiChu").asText())
        .isEqualTo("Sai thủ tục");
    assertThat(fake.dossier(b.value()).orElseThrow().status()).isEqualTo(7);
    NationalPortalFake.StoredDossier stopped = fake.dossier(c.value()).orElseThrow();
    assertThat(stopped.history().get(0).path("TrangThaiHoSo").asInt()).isEqualTo(2);
    assertThat(stopped.history().get(0).path("HinhThuc").asInt()).isZero();
    assertThat(stopped.status()).isEqualTo(8);
  }

  @Test
  void publishingTheSameEventTwiceHasTheEffectOfOnce() {
    DossierCode code = Histories.code(3);
    List<DossierEvent> events = new Histories(4).fullLifecycle(code).subList(0, 3);
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i < events.size(); i++) {
      client.publish(events.get(i), snapshots.get(i));
      client.publish(events.get(i), snapshots.get(i));
    }
    NationalPortalFake.StoredDossier stored = fake.dossier(code.value()).orElseThrow();
    assertThat(stored.status()).isEqualTo(4);
    assertThat(stored.steps()).hasSize(1);
  }

  @Test
  void createOfAnExistingDossierTurnsIntoAnUpdate() {
    DossierCode code = Histories.code(4);
    List<DossierEvent> events = new Histories(5).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    PublishResult again = client.publish(events.get(0), snapshots.get(0));
    assertThat(again.operations()).containsExactly("DongBoHoSoMC:update");
    assertThat(fake.dossier(code.value()).orElseThrow().history()).hasSize(2);
  }

  @Test
  void updateOfAnUnknownDossierTurnsIntoACreate() {
    DossierCode code = Histories.code(5);
    List<DossierEvent> events = new Histories(6).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    PublishResult result = client.publish(events.get(1), snapshots.get(1));
    assertThat(result.operations()).containsExactly("DongBoHoSoMC:create");
    assertThat(fake.dossier(code.value()).orElseThrow().status()).isEqualTo(2);
  }

  @Test
  void illegalStatusProgressionIsRejectedWithThePortalsCode() {
    DossierCode code = Histories.code(6);
    List<DossierEvent> events = new Histories(7).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    // Jumping from 1 (submitted) to 10 (returned) is not a legal progression.
    assertThatThrownBy(() -> client.publish(events.get(9), snapshots.get(9)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.rejected");
              assertThat(e.getMessage()).contains("[remote " + "1003" + "]");
              assertThat(e.getMessage()).contains("[request ");
            });
  }

  @Test
  void stepsAreSentInChunksOfTheProfileSize() {
    DossierCode code = Histories.code(7);
    List<DossierEvent> events = new Histories(8).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(1), snapshots.get(1));
    List<ProcessingStep> steps = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      steps.add(Histories.step(Histories.T0.plusSeconds(3600 + i * 60L), i));
    }
    List<String> ops = client.publishSteps(snapshots.get(1), steps, "bulk");
    assertThat(ops).hasSize(3);
    assertThat(fake.serviceCallCount("CapNhatTienDoHoSoMC")).isEqualTo(3);
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(23);
  }

  @Test
  void aStepWhoseReplyWasLostIsNotStoredTwice() {
    DossierCode code = Histories.code(8);
    List<DossierEvent> events = new Histories(9).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    client.publish(events.get(1), snapshots.get(1));
    client.updateDossier(snapshots.get(2), "x");
    // The step is stored, but its reply is garbage: the client retries.
    long calls = fake.serviceCallCount("TraCuuHoSo");
    fake.failNextAfter(1, PortalFault.MALFORMED_JSON, 1); // the look-up passes, the send fails
    client.publishSteps(
        snapshots.get(2), List.of(((DossierEvent.StepCompleted) events.get(2)).step()), "y");
    assertThat(fake.injectedFaults(PortalFault.MALFORMED_JSON)).isEqualTo(1);
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isEqualTo(calls + 2);
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(1);
  }

  @Test
  void aStepThatLeavesTheRecordUnchangedCostsALookUpAndAProgressCall() {
    DossierCode code = Histories.code(10);
    List<DossierEvent> events = new Histories(11).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    client.publish(events.get(1), snapshots.get(1));
    client.updateDossier(snapshots.get(2), "same-record");
    long syncs = fake.serviceCallCount("DongBoHoSoMC");

    PublishResult result = client.publish(events.get(2), snapshots.get(2));

    assertThat(result.operations()).containsExactly("CapNhatTienDoHoSoMC");
    assertThat(fake.serviceCallCount("DongBoHoSoMC")).isEqualTo(syncs);
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(1);
  }

  @Test
  void aStepWhoseRecordChangedUpdatesTheRecordFirst() {
    DossierCode code = Histories.code(11);
    List<DossierEvent> events = new Histories(12).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    client.publish(events.get(1), snapshots.get(1));

    PublishResult result = client.publish(events.get(2), snapshots.get(2));

    assertThat(result.operations()).containsExactly("DongBoHoSoMC:update", "CapNhatTienDoHoSoMC");
    assertThat(fake.dossier(code.value()).orElseThrow().current().path("TrangThaiHoSo").asInt())
        .isEqualTo(snapshots.get(2).status().nationalCode());
  }

  @Test
  void aStepOfADossierThePortalLacksCreatesItFirst() {
    DossierCode code = Histories.code(12);
    List<DossierEvent> events = new Histories(13).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);

    PublishResult result = client.publish(events.get(2), snapshots.get(2));

    assertThat(result.operations()).containsExactly("DongBoHoSoMC:create", "CapNhatTienDoHoSoMC");
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(1);
  }

  @Test
  void aStepEventDeliveredAgainIsNotStoredTwice() {
    DossierCode code = Histories.code(13);
    List<DossierEvent> events = new Histories(14).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    client.publish(events.get(0), snapshots.get(0));
    client.publish(events.get(1), snapshots.get(1));
    // The progress call is stored but its reply is lost: the retry looks the dossier up again.
    fake.failNextAfter(1, PortalFault.MALFORMED_JSON, 1);
    client.publish(events.get(2), snapshots.get(2));
    client.publish(events.get(2), snapshots.get(2));

    assertThat(fake.injectedFaults(PortalFault.MALFORMED_JSON)).isEqualTo(1);
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(1);
  }

  @Test
  void aFirstAttemptOfAStepIsSentWithoutALookUp() {
    DossierCode code = Histories.code(14);
    List<DossierEvent> events = new Histories(15).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    List<PublishResult> results = new ArrayList<>();
    for (int i = 0; i <= 7; i++) {
      results.add(client.publish(new Publication(events.get(i), snapshots.get(i), true)));
    }

    assertThat(events.get(2)).isInstanceOf(DossierEvent.StepCompleted.class);
    assertThat(events.get(7)).isInstanceOf(DossierEvent.StepCompleted.class);
    // The first step changes the record, which goes first; the second leaves it as this client
    // stored it for the event before, so the step alone is sent.
    assertThat(results.get(2).operations())
        .containsExactly("DongBoHoSoMC:update", "CapNhatTienDoHoSoMC");
    assertThat(results.get(7).operations()).containsExactly("CapNhatTienDoHoSoMC");
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isZero();
    NationalPortalFake.StoredDossier stored = fake.dossier(code.value()).orElseThrow();
    assertThat(stored.steps()).hasSize(2);
    assertThat(stored.current().path("TrangThaiHoSo").asInt())
        .isEqualTo(snapshots.get(7).status().nationalCode());
  }

  @Test
  void aFirstAttemptSendsTheRecordWhenThisClientDidNotStoreItForTheEventBefore() {
    DossierCode code = Histories.code(15);
    List<DossierEvent> events = new Histories(16).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    NationalPortalClient other = client(NationalPortalProfile.defaults());
    for (int i = 0; i <= 6; i++) {
      other.publish(new Publication(events.get(i), snapshots.get(i), true));
    }

    // This client stored nothing of the dossier (another process did, or it restarted).
    PublishResult result = client.publish(new Publication(events.get(7), snapshots.get(7), true));

    assertThat(result.operations()).containsExactly("DongBoHoSoMC:update", "CapNhatTienDoHoSoMC");
    // A client that remembers nothing at all behaves alike.
    DossierCode second = Histories.code(16);
    List<DossierEvent> later = new Histories(17).fullLifecycle(second);
    List<Dossier> laterSnapshots = Histories.snapshots(later);
    NationalPortalClient forgetful = builder(fake).recordMemory(0).build();
    forgetful.publish(new Publication(later.get(0), laterSnapshots.get(0), true));
    forgetful.publish(new Publication(later.get(1), laterSnapshots.get(1), true));
    assertThat(
            forgetful
                .publish(new Publication(later.get(2), laterSnapshots.get(2), true))
                .operations())
        .containsExactly("DongBoHoSoMC:update", "CapNhatTienDoHoSoMC");
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isZero();
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(2);
  }

  @Test
  void aFirstAttemptOfAStepOfADossierThePortalLacksCreatesItFirst() {
    DossierCode code = Histories.code(17);
    List<DossierEvent> events = new Histories(18).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);

    PublishResult result = client.publish(new Publication(events.get(2), snapshots.get(2), true));

    assertThat(result.operations()).containsExactly("DongBoHoSoMC:create", "CapNhatTienDoHoSoMC");
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(1);
  }

  @Test
  void aStepDeliveredAgainAfterAFirstAttemptIsLookedUpAndNotStoredTwice() {
    DossierCode code = Histories.code(18);
    List<DossierEvent> events = new Histories(19).fullLifecycle(code);
    List<Dossier> snapshots = Histories.snapshots(events);
    for (int i = 0; i <= 6; i++) {
      client.publish(new Publication(events.get(i), snapshots.get(i), true));
    }
    // The first attempt's progress call is stored but its reply is cut: the client's own retry
    // looks the dossier up before sending again.
    fake.failNextAfter(0, PortalFault.MALFORMED_JSON, 1);
    client.publish(new Publication(events.get(7), snapshots.get(7), true));
    assertThat(fake.injectedFaults(PortalFault.MALFORMED_JSON)).isEqualTo(1);
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isEqualTo(1);
    // The outbox delivers the event again (the outcome was never recorded): not a first attempt,
    // so it is looked up, even though the client remembers the record.
    PublishResult again = client.publish(new Publication(events.get(7), snapshots.get(7), false));

    assertThat(fake.serviceCallCount("TraCuuHoSo")).isEqualTo(2);
    assertThat(again.operations()).containsExactly("CapNhatTienDoHoSoMC");
    assertThat(fake.dossier(code.value()).orElseThrow().steps()).hasSize(2);
  }

  /** The lifecycles of dossiers {@code first..first+count-1}, each with its snapshots. */
  private static List<List<Publication>> lives(int first, int count) {
    List<List<Publication>> lives = new ArrayList<>();
    for (int n = first; n < first + count; n++) {
      List<DossierEvent> events = new Histories(n).fullLifecycle(Histories.code(n));
      List<Dossier> snapshots = Histories.snapshots(events);
      List<Publication> life = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        life.add(new Publication(events.get(i), snapshots.get(i)));
      }
      lives.add(life);
    }
    return lives;
  }

  /** The {@code index}-th event of each lifecycle. */
  private static List<Publication> each(List<List<Publication>> lives, int index) {
    return lives.stream().map(life -> life.get(index)).toList();
  }

  private static List<String> operations(List<PublishOutcome> outcomes) {
    return outcomes.stream()
        .map(o -> ((PublishOutcome.Published) o).result().operations().get(0))
        .toList();
  }

  /** Every operation of every outcome, in order. */
  private static List<String> allOperations(List<PublishOutcome> outcomes) {
    return outcomes.stream()
        .flatMap(o -> ((PublishOutcome.Published) o).result().operations().stream())
        .toList();
  }

  @Test
  void recordsAndRatingsOfSeveralDossiersShareCalls() {
    List<List<Publication>> lives = lives(40, 3);

    List<PublishOutcome> created = client.publishAll(each(lives, 0));
    List<PublishOutcome> updated = client.publishAll(each(lives, 1));

    assertThat(operations(created)).containsOnly("DongBoHoSoMC:create").hasSize(3);
    assertThat(operations(updated)).containsOnly("DongBoHoSoMC:update").hasSize(3);
    assertThat(fake.serviceCallCount("DongBoHoSoMC")).isEqualTo(2);
    PublishResult first = ((PublishOutcome.Published) created.get(0)).result();
    assertThat(first.dossierCode()).isEqualTo(Histories.code(40));
    assertThat(first.eventId()).isEqualTo(lives.get(0).get(0).event().eventId());
    assertThat(first.requestId()).isNotBlank();

    // Steps are published one event at a time; the rest of each lifecycle as a whole matches
    // publishing every event alone.
    long progress = fake.serviceCallCount("CapNhatTienDoHoSoMC");
    List<PublishOutcome> steps = client.publishAll(each(lives, 2));
    assertThat(steps).allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
    assertThat(fake.serviceCallCount("CapNhatTienDoHoSoMC")).isEqualTo(progress + 3);
    int events = lives.get(0).size();
    for (int i = 3; i < events; i++) {
      assertThat(client.publishAll(each(lives, i)))
          .allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
    }
    assertThat(fake.serviceCallCount("DongBoDanhGia")).isEqualTo(1);
    NationalPortalFake alone = NationalPortalFake.start();
    try {
      NationalPortalClient one = client(alone, NationalPortalProfile.defaults());
      lives.forEach(life -> life.forEach(p -> one.publish(p.event(), p.snapshot())));
      for (int n = 40; n < 43; n++) {
        String code = Histories.code(n).value();
        NationalPortalFake.StoredDossier together = fake.dossier(code).orElseThrow();
        NationalPortalFake.StoredDossier single = alone.dossier(code).orElseThrow();
        assertThat(together.current()).isEqualTo(single.current());
        assertThat(together.steps()).isEqualTo(single.steps());
        assertThat(together.optionalRating()).isEqualTo(single.optionalRating());
      }
      assertThat(fake.requestCount()).isLessThan(alone.requestCount());
    } finally {
      alone.close();
    }
  }

  @Test
  void tellsTheKindOfCallEachEventSharesSoThatAWorkerCanFillCalls() {
    List<DossierEvent> events = new Histories(20).fullLifecycle(Histories.code(20));
    assertThat(client.batchKind(events.get(0))).isEqualTo("create");
    assertThat(client.batchKind(events.get(1))).isEqualTo("update");
    assertThat(client.batchKind(events.get(2))).isEqualTo("step");
    assertThat(client.batchLimit(events.get(2))).isEqualTo(10);
    assertThat(events)
        .filteredOn(e -> e instanceof DossierEvent.Rated)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(client.batchKind(e)).isEqualTo("rating"));
  }

  @Test
  void sharedCallsTakeAtMostTheProfilesChunkOfRecords() {
    client = client(NationalPortalProfile.defaults().toBuilder().recordChunkSize(2).build());
    List<PublishOutcome> created = client.publishAll(each(lives(50, 5), 0));

    assertThat(created).hasSize(5);
    assertThat(fake.serviceCallCount("DongBoHoSoMC")).isEqualTo(3);
    assertThat(client.batchLimit(each(lives(50, 1), 0).get(0).event())).isEqualTo(2);
    assertThat(client.batchLimit(each(lives(50, 1), 2).get(0).event())).isEqualTo(10);
  }

  /** The {@code index}-th event of each lifecycle, as the outbox's first claim hands it over. */
  private static List<Publication> firstAttempts(List<List<Publication>> lives, int index) {
    return each(lives, index).stream()
        .map(p -> new Publication(p.event(), p.snapshot(), true))
        .toList();
  }

  /** Publishes the first {@code events} events of each lifecycle as first attempts. */
  private void publishFirstAttempts(List<List<Publication>> lives, int events) {
    for (int i = 0; i < events; i++) {
      assertThat(client.publishAll(firstAttempts(lives, i)))
          .allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
    }
  }

  @Test
  void firstAttemptStepsOfSeveralDossiersShareOneProgressCallWithoutLookUps() {
    List<List<Publication>> lives = lives(100, 4);
    publishFirstAttempts(lives, 7);
    long progress = fake.serviceCallCount("CapNhatTienDoHoSoMC");
    assertThat(each(lives, 7))
        .allSatisfy(p -> assertThat(p.event()).isInstanceOf(DossierEvent.StepCompleted.class));

    // The step leaves each record as this client stored it for the event before.
    List<PublishOutcome> outcomes = client.publishAll(firstAttempts(lives, 7));

    assertThat(operations(outcomes)).containsOnly("CapNhatTienDoHoSoMC").hasSize(4);
    assertThat(fake.serviceCallCount("CapNhatTienDoHoSoMC")).isEqualTo(progress + 1);
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isZero();
    for (int n = 100; n < 104; n++) {
      assertThat(fake.dossier(Histories.code(n).value()).orElseThrow().steps()).hasSize(2);
    }
  }

  @Test
  void aSharedStepCallWhoseReplyIsCutIsLookedUpAndNotStoredTwice() {
    List<List<Publication>> lives = lives(110, 3);
    publishFirstAttempts(lives, 7);
    // The shared call is stored but its reply is cut: the retry looks each dossier up, finds its
    // step, and sends nothing more.
    fake.failNextAfter(0, PortalFault.MALFORMED_JSON, 1);

    List<PublishOutcome> outcomes = client.publishAll(firstAttempts(lives, 7));

    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
    assertThat(fake.injectedFaults(PortalFault.MALFORMED_JSON)).isEqualTo(1);
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isEqualTo(3);
    for (int n = 110; n < 113; n++) {
      assertThat(fake.dossier(Histories.code(n).value()).orElseThrow().steps()).hasSize(2);
    }
  }

  @Test
  void stepsThatAreNotFirstAttemptsOrWhoseRecordChangedArePublishedAlone() {
    List<List<Publication>> lives = lives(120, 3);
    publishFirstAttempts(lives, 7);
    List<Publication> next = new ArrayList<>(firstAttempts(lives, 7));
    // Delivered again by the outbox: the portal may hold it, so it is looked up.
    next.set(1, each(lives, 7).get(1));

    List<PublishOutcome> outcomes = client.publishAll(next);

    assertThat(operations(outcomes)).containsOnly("CapNhatTienDoHoSoMC").hasSize(3);
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isEqualTo(1);
    // The first step of a dossier changes its record: sent first, each dossier alone.
    List<List<Publication>> fresh = lives(125, 2);
    publishFirstAttempts(fresh, 2);
    assertThat(allOperations(client.publishAll(firstAttempts(fresh, 2))))
        .containsExactly(
            "DongBoHoSoMC:update", "CapNhatTienDoHoSoMC",
            "DongBoHoSoMC:update", "CapNhatTienDoHoSoMC");
    for (int n = 120; n < 123; n++) {
      assertThat(fake.dossier(Histories.code(n).value()).orElseThrow().steps()).hasSize(2);
    }
  }

  @Test
  void aRefusedSharedStepCallIsRepeatedOneStepAtATimeWithLookUps() {
    List<List<Publication>> lives = lives(130, 3);
    publishFirstAttempts(lives, 7);
    // The portal lost its dossiers (this client still remembers sending their records): the shared
    // call is refused as a whole, and each step is then published alone, looked up first.
    fake.reset();

    List<PublishOutcome> outcomes = client.publishAll(firstAttempts(lives, 7));

    assertThat(allOperations(outcomes))
        .containsExactly(
            "DongBoHoSoMC:create", "CapNhatTienDoHoSoMC",
            "DongBoHoSoMC:create", "CapNhatTienDoHoSoMC",
            "DongBoHoSoMC:create", "CapNhatTienDoHoSoMC");
    // The reset also ended the session; the portal acts on nothing with an expired session, so the
    // shared call was sent again without look-ups, and only the steps sent alone were looked up.
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isEqualTo(3);
    for (int n = 130; n < 133; n++) {
      assertThat(fake.dossier(Histories.code(n).value()).orElseThrow().steps()).hasSize(1);
    }
  }

  @Test
  void aFirstAttemptRetriedAfterAnExpiredSessionIsNotLookedUp() {
    List<List<Publication>> lives = lives(150, 4);
    publishFirstAttempts(lives, 7);
    // The portal answers an expired session without acting on the call: after the new login the
    // steps are sent again as they were, shared or alone.
    fake.expireSessions();
    assertThat(client.publishAll(firstAttempts(lives, 7).subList(0, 3)))
        .allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
    fake.expireSessions();
    Publication alone = firstAttempts(lives, 7).get(3);
    assertThat(client.publish(alone).operations()).containsExactly("CapNhatTienDoHoSoMC");

    assertThat(fake.serviceCallCount("TraCuuHoSo")).isZero();
    assertThat(fake.loginCount()).isEqualTo(3);
    for (int n = 150; n < 154; n++) {
      assertThat(fake.dossier(Histories.code(n).value()).orElseThrow().steps()).hasSize(2);
    }
  }

  @Test
  void aSharedStepChunkOfOneSendsEachStepInACallOfItsOwn() {
    client = client(NationalPortalProfile.defaults().toBuilder().sharedStepChunkSize(1).build());
    List<List<Publication>> lives = lives(140, 3);
    publishFirstAttempts(lives, 7);
    long progress = fake.serviceCallCount("CapNhatTienDoHoSoMC");

    client.publishAll(firstAttempts(lives, 7));

    assertThat(client.batchLimit(lives.get(0).get(7).event())).isEqualTo(1);
    assertThat(fake.serviceCallCount("CapNhatTienDoHoSoMC")).isEqualTo(progress + 3);
    assertThat(fake.serviceCallCount("TraCuuHoSo")).isZero();
    assertThatThrownBy(() -> NationalPortalProfile.defaults().toBuilder().sharedStepChunkSize(0))
        .isInstanceOfSatisfying(
            ConfigurationException.class,
            e -> assertThat(e.code()).isEqualTo("portal.config.national.shared-step-chunk-size"));
  }

  @Test
  void aRefusedSharedCallIsRepeatedOneEventAtATime() {
    List<List<Publication>> lives = lives(60, 3);
    Publication existing = lives.get(1).get(0);
    client.publish(existing.event(), existing.snapshot());

    // The shared create is refused as a whole (one of its dossiers exists): each event is then
    // published alone, the existing dossier's create turning into an update.
    List<PublishOutcome> outcomes = client.publishAll(each(lives, 0));

    assertThat(operations(outcomes))
        .containsExactly("DongBoHoSoMC:create", "DongBoHoSoMC:update", "DongBoHoSoMC:create");
    for (int n = 60; n < 63; n++) {
      assertThat(fake.dossier(Histories.code(n).value())).isPresent();
    }
  }

  @Test
  void anEventThePortalRefusesFailsAloneAndTheOthersOfItsCallAreStored() {
    List<List<Publication>> lives = lives(70, 3);
    client.publishAll(each(lives, 0));
    List<Publication> next = new ArrayList<>(each(lives, 1));
    // Jumping from 1 (submitted) to 10 (returned) is not a legal progression.
    next.set(1, lives.get(1).get(9));

    List<PublishOutcome> outcomes = client.publishAll(next);

    assertThat(outcomes.get(0)).isInstanceOf(PublishOutcome.Published.class);
    assertThat(outcomes.get(2)).isInstanceOf(PublishOutcome.Published.class);
    assertThat(outcomes.get(1))
        .isInstanceOfSatisfying(
            PublishOutcome.Failed.class,
            f ->
                assertThat(f.failure())
                    .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.getMessage()).contains("[remote " + "1003" + "]")));
    assertThat(fake.dossier(Histories.code(70).value()).orElseThrow().status()).isEqualTo(2);
    assertThat(fake.dossier(Histories.code(71).value()).orElseThrow().status()).isEqualTo(1);
    assertThat(fake.dossier(Histories.code(72).value()).orElseThrow().status()).isEqualTo(2);
  }

  @Test
  void aSharedCallThatCannotReachThePortalFailsEachOfItsEvents() {
    fake.failNext(PortalFault.SERVICE_UNAVAILABLE, 1_000);

    List<PublishOutcome> outcomes = client.publishAll(each(lives(80, 3), 0));

    assertThat(outcomes)
        .hasSize(3)
        .allSatisfy(
            o ->
                assertThat(o)
                    .isInstanceOfSatisfying(
                        PublishOutcome.Failed.class,
                        f -> assertThat(f.failure()).isInstanceOf(RetryLaterException.class)));
    fake.clearFaults();
    assertThat(fake.dossiers()).isEmpty();
  }

  @Test
  void eventsOfOneDossierInOneListArePublishedInOrderOneByOne() {
    List<Publication> life = lives(90, 1).get(0);

    List<PublishOutcome> outcomes = client.publishAll(life.subList(0, 3));

    assertThat(outcomes)
        .allSatisfy(o -> assertThat(o).isInstanceOf(PublishOutcome.Published.class));
    NationalPortalFake.StoredDossier stored =
        fake.dossier(Histories.code(90).value()).orElseThrow();
    assertThat(stored.status()).isEqualTo(4);
    assertThat(stored.steps()).hasSize(1);
  }

  @Test
  void anEventThatDoesNotMatchItsSnapshotFailsAloneInASharedCall() {
    List<List<Publication>> lives = lives(95, 4);
    List<Publication> mixed = new ArrayList<>(each(lives, 0).subList(0, 3));
    mixed.set(1, new Publication(lives.get(1).get(0).event(), lives.get(3).get(0).snapshot()));

    List<PublishOutcome> outcomes = client.publishAll(mixed);

    assertThat(outcomes.get(1))
        .isInstanceOfSatisfying(
            PublishOutcome.Failed.class,
            f -> assertThat(f.failure()).isInstanceOf(ConfigurationException.class));
    assertThat(operations(List.of(outcomes.get(0), outcomes.get(2))))
        .containsOnly("DongBoHoSoMC:create");
    assertThat(fake.serviceCallCount("DongBoHoSoMC")).isEqualTo(1);
    assertThat(fake.dossier(Histories.code(96).value())).isEmpty();
    assertThat(fake.dossier(Histories.code(98).value())).isEmpty();
  }

  @Test
  void lookUpReturnsATypedRecord() {
    DossierCode code = Histories.code(9);
    List<DossierEvent> events = new Histories(10).fullLifecycle(code).subList(0, 3);
    publishAll(client, events);
    NationalDossierRecord record = client.lookUp(code).orElseThrow();
    assertThat(record.code()).isEqualTo(code.value());
    assertThat(record.procedureCode()).isEqualTo("1.001193");
    assertThat(record.statusCode()).isEqualTo(4);
    assertThat(record.status()).contains(DossierStatus.IN_PROGRESS);
    assertThat(record.receivedAt()).isEqualTo(events.get(1).occurredAt());
    assertThat(record.identityVerified()).isTrue();
    assertThat(record.digitised()).isTrue();
    assertThat(record.steps()).hasSize(1);
    assertThat(record.steps().get(0).officer()).isEqualTo("Cán bộ 1");
    assertThat(record.toString()).doesNotContain(Histories.APPLICANT);
    assertThat(client.lookUp(Histories.code(999))).isEmpty();
  }

  @Test
  void procedureCatalogueIsReadAsTypedRecords() {
    assertThat(client.procedures())
        .extracting(NationalProcedure::code)
        .contains("1.001193", "2.000908");
    NationalProcedure birth = client.procedure(ProcedureCode.parse("1.001193")).orElseThrow();
    assertThat(birth.name()).isEqualTo("Đăng ký khai sinh");
    assertThat(birth.fieldName()).isEqualTo("Hộ tịch");
    assertThat(birth.workingDays()).hasValue(3);
    assertThat(client.procedure(ProcedureCode.parse("9.999999"))).isEmpty();
  }

  @Test
  void sessionIsCachedAcrossCalls() {
    publishAll(client, new Histories(11).fullLifecycle(Histories.code(20)));
    assertThat(fake.loginCount()).isEqualTo(1);
    assertThat(client.loginCount()).isEqualTo(1);
  }

  @Test
  void expiredSessionIsRenewedExactlyOnceWhenTwentyThreadsHitItTogether() throws Exception {
    Histories h = new Histories(12);
    List<List<DossierEvent>> histories = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      histories.add(h.fullLifecycle(Histories.code(100 + i)).subList(0, 1));
    }
    client.publish(histories.get(0).get(0), Histories.snapshots(histories.get(0)).get(0));
    fake.expireSessions();
    ExecutorService pool = Executors.newFixedThreadPool(20);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<PublishResult>> results = new ArrayList<>();
    for (int i = 1; i < 20; i++) {
      List<DossierEvent> events = histories.get(i);
      results.add(
          pool.submit(
              () -> {
                go.await();
                return client.publish(events.get(0), Histories.snapshots(events).get(0));
              }));
    }
    go.countDown();
    for (Future<PublishResult> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS).operations()).isNotEmpty();
    }
    pool.shutdown();
    assertThat(fake.loginCount()).isEqualTo(2);
    assertThat(client.loginCount()).isEqualTo(2);
    assertThat(fake.dossiers()).hasSize(20);
  }

  @Test
  void wrongPasswordIsAnAuthenticationFailureWithoutRetry() {
    NationalPortalClient wrong =
        NationalPortalClient.builder()
            .adapterUrl(fake.baseUrl())
            .credentials(fake.username(), "not-the-password")
            .unitCode(fake.unitCode())
            .agencyName("UBND xã Tân Hòa")
            .clock(clock)
            .retryPolicy(RetryPolicy.builder().sleeper(clock.sleeper()).build())
            .build();
    List<DossierEvent> events = new Histories(13).fullLifecycle(Histories.code(30));
    assertThatThrownBy(() -> wrong.publish(events.get(0), Histories.snapshots(events).get(0)))
        .isInstanceOfSatisfying(
            MotcuaException.class,
            e -> {
              assertThat(e.code()).isEqualTo("portal.auth.login");
              assertThat(e.getMessage()).doesNotContain("not-the-password");
            });
    assertThat(clock.sleeps).isEmpty();
  }

  @Test
  void renamedFieldsAndServicesFromTheProfileAreSent() {
    NationalPortalProfile profile =
        NationalPortalProfile.builder().fieldName("ChuHoSo", "ChuHoSo").build();
    NationalPortalClient renamed = client(profile);
    publishAll(renamed, new Histories(14).fullLifecycle(Histories.code(40)).subList(0, 1));
    assertThat(fake.dossier(Histories.code(40).value())).isPresent();
    NationalPortalProfile broken =
        NationalPortalProfile.builder().fieldName("MaTTHC", "MaThuTuc").build();
    List<DossierEvent> events = new Histories(15).fullLifecycle(Histories.code(41));
    assertThatThrownBy(
            () -> client(broken).publish(events.get(0), Histories.snapshots(events).get(0)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.getMessage()).contains("[remote " + "1001" + "]"));
  }

  @Test
  void eventAndSnapshotOfDifferentDossiersAreRefusedLocally() {
    List<DossierEvent> a = new Histories(16).fullLifecycle(Histories.code(50));
    List<DossierEvent> b = new Histories(17).fullLifecycle(Histories.code(51));
    assertThatThrownBy(() -> client.publish(a.get(0), Histories.snapshots(b).get(0)))
        .isInstanceOf(ConfigurationException.class)
        .hasFieldOrPropertyWithValue("code", "portal.config.publish.dossier-mismatch");
  }

  @Test
  void builderNamesTheMissingSetting() {
    assertThatThrownBy(() -> NationalPortalClient.builder().build())
        .isInstanceOf(ConfigurationException.class)
        .hasFieldOrPropertyWithValue("code", "portal.config.national.adapter-url");
    assertThatThrownBy(
            () ->
                NationalPortalClient.builder()
                    .adapterUrl("http://x")
                    .unitCode("000.00.31.H56")
                    .agencyName("UBND xã Tân Hòa")
                    .build())
        .hasFieldOrPropertyWithValue("code", "portal.config.national.credentials");
  }

  static String vn(Instant instant) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
        .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
        .format(instant);
  }
}
