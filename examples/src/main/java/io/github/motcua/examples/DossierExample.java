package io.github.motcua.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Applicant;
import io.github.motcua.core.dossier.Contact;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierDocument;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.core.dossier.DossierLifecycle;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.ProcedureRef;
import io.github.motcua.core.dossier.ProcessingStep;
import io.github.motcua.core.dossier.Rating;
import io.github.motcua.core.dossier.SubmissionChannel;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.json.MotcuaJson;
import io.github.motcua.core.money.Vnd;
import java.io.PrintStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds a dossier from its events and prints the snapshot as canonical JSON: a citizen applies
 * online for a birth-registration extract, the commune asks for one more paper and a fee, and the
 * result is returned and rated.
 */
public final class DossierExample {

  private static final DossierCode CODE = DossierCode.parse("000.00.31.H56-250815-0001");

  private DossierExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing to the given stream.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    List<DossierEvent> events = events();
    DossierLifecycle lifecycle = DossierLifecycle.create();

    Dossier dossier = lifecycle.replay(events);
    out.println("Dossier " + dossier.code() + " after " + dossier.version() + " events:");
    out.println(
        "  status           "
            + dossier.status()
            + " ("
            + dossier.status().nationalCode()
            + ", "
            + dossier.status().vietnameseName()
            + ")");
    out.println(
        "  applicant        "
            + dossier.applicant().name().charAt(0)
            + "***, ID "
            + dossier.applicant().personalId().orElseThrow());
    out.println(
        "  paid online      " + dossier.paidOnline() + ", digitised " + dossier.digitised());

    // Delivery may repeat: the same event applied again changes nothing.
    Dossier again = lifecycle.apply(dossier, events.get(3));
    out.println("  re-delivered     " + (again == dossier ? "ignored (same event)" : "applied?"));

    // The law decides what may happen next: a returned dossier cannot be accepted again.
    try {
      lifecycle.apply(
          dossier, new DossierEvent.Accepted(id(99), CODE, at("2025-08-29T10:00:00+07:00")));
    } catch (InvalidInputException e) {
      out.println("  refused          [" + e.code() + "] " + e.getMessage());
    }

    out.println();
    out.println("Snapshot as canonical JSON:");
    ObjectMapper mapper = MotcuaJson.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    try {
      out.println(mapper.writeValueAsString(dossier));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Returns the example's history, one event of each step.
   *
   * @return the events in order
   */
  public static List<DossierEvent> events() {
    Applicant citizen =
        new Applicant(
            Applicant.Kind.CITIZEN,
            "Nguyễn Văn An",
            Optional.of(PersonalId.parse("038203001234")),
            Optional.empty(),
            new Contact(
                Optional.of("0912345678"), Optional.of("an.nguyen@example.vn"), Optional.empty()));
    ProcedureRef procedure =
        new ProcedureRef(
            ProcedureCode.parse("2.000635"), "Cấp bản sao trích lục hộ tịch", "G09-HT", "Hộ tịch");
    DossierDocument form =
        new DossierDocument(
            "f7d1c0e2-tokhai",
            Optional.of("TP1"),
            "Tờ khai cấp bản sao trích lục",
            "application/pdf",
            182_344,
            "9f2c4b1e5a7d3c8f0e6b2a4d1c9e7f5a3b8d6c4e2f0a9b7c5d3e1f8a6b4c2d0e",
            false,
            false,
            DossierDocument.CopyKind.ELECTRONIC,
            Optional.of("https://files.example.vn/hs/0001/tokhai.pdf"));
    DossierDocument authorisation =
        new DossierDocument(
            "a3e5-uyquyen",
            Optional.of("TP2"),
            "Giấy ủy quyền",
            "image/jpeg",
            845_120,
            "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809",
            true,
            false,
            DossierDocument.CopyKind.COPY,
            Optional.empty());
    DossierDocument extract =
        new DossierDocument(
            "kq-0001",
            Optional.of("KQ1"),
            "Bản sao trích lục khai sinh (có chữ ký số)",
            "application/pdf",
            96_512,
            "c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00",
            false,
            false,
            DossierDocument.CopyKind.ELECTRONIC,
            Optional.of("https://files.example.vn/hs/0001/ketqua.pdf"));
    Fee copyFee =
        new Fee(
            Fee.Kind.CHARGE,
            "LP-HT-03",
            "Lệ phí cấp bản sao trích lục",
            Vnd.of(8_000),
            Fee.CollectionStage.AT_RESULT);
    return List.of(
        new DossierEvent.Submitted(
            id(1),
            CODE,
            at("2025-08-15T08:30:00+07:00"),
            procedure,
            citizen,
            SubmissionChannel.ONLINE_FULL,
            List.of(form),
            List.of(),
            true),
        new DossierEvent.Accepted(id(2), CODE, at("2025-08-15T09:05:00+07:00")),
        new DossierEvent.StepCompleted(
            id(3),
            CODE,
            at("2025-08-15T15:40:00+07:00"),
            new ProcessingStep(
                "Trần Thị Bình",
                "Công chức tư pháp - hộ tịch",
                "Bộ phận một cửa",
                "Kiểm tra hồ sơ, đối chiếu sổ hộ tịch",
                at("2025-08-15T09:05:00+07:00"),
                at("2025-08-15T15:40:00+07:00"),
                Optional.of(at("2025-08-18T17:00:00+07:00")))),
        new DossierEvent.SupplementRequested(
            id(4),
            CODE,
            at("2025-08-18T10:00:00+07:00"),
            "Người nộp không phải chủ hồ sơ",
            List.of("Giấy ủy quyền có chứng thực")),
        new DossierEvent.SupplementReceived(
            id(5), CODE, at("2025-08-19T14:20:00+07:00"), List.of(authorisation)),
        new DossierEvent.PaymentRequested(
            id(6), CODE, at("2025-08-20T09:00:00+07:00"), List.of(copyFee)),
        new DossierEvent.PaymentReceived(
            id(7),
            CODE,
            at("2025-08-20T09:12:31+07:00"),
            "DVCQG-20250820-000731",
            Vnd.of(8_000),
            true,
            Optional.of("0000127")),
        new DossierEvent.ResultReady(
            id(8), CODE, at("2025-08-21T16:00:00+07:00"), List.of(extract)),
        new DossierEvent.ResultReturned(id(9), CODE, at("2025-08-22T08:15:00+07:00")),
        new DossierEvent.Rated(
            id(10),
            CODE,
            at("2025-08-22T20:03:00+07:00"),
            new Rating(
                Rating.Satisfaction.VERY_SATISFIED, Optional.of("Nhanh, không phải đi lại"))));
  }

  private static UUID id(int n) {
    return UUID.fromString(String.format("3f1c2a9e-0b7d-4c55-9a51-%012d", n));
  }

  private static Instant at(String text) {
    return OffsetDateTime.parse(text).toInstant();
  }
}
