package io.github.motcua.core.dossier;

import io.github.motcua.core.dossier.DossierEvent.Accepted;
import io.github.motcua.core.dossier.DossierEvent.PaymentReceived;
import io.github.motcua.core.dossier.DossierEvent.PaymentRequested;
import io.github.motcua.core.dossier.DossierEvent.Rated;
import io.github.motcua.core.dossier.DossierEvent.Received;
import io.github.motcua.core.dossier.DossierEvent.Refused;
import io.github.motcua.core.dossier.DossierEvent.ResultReady;
import io.github.motcua.core.dossier.DossierEvent.ResultReturned;
import io.github.motcua.core.dossier.DossierEvent.StepCompleted;
import io.github.motcua.core.dossier.DossierEvent.Stopped;
import io.github.motcua.core.dossier.DossierEvent.Submitted;
import io.github.motcua.core.dossier.DossierEvent.SupplementReceived;
import io.github.motcua.core.dossier.DossierEvent.SupplementRequested;
import io.github.motcua.core.dossier.DossierEvent.Withdrawn;
import io.github.motcua.core.id.AgencyCode;
import io.github.motcua.core.id.DossierCode;
import io.github.motcua.core.id.PersonalId;
import io.github.motcua.core.id.ProcedureCode;
import io.github.motcua.core.id.TaxCode;
import io.github.motcua.core.money.Vnd;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Seeded generator of valid events and legal histories for tests. The legal transitions are written
 * out here again, from the issue, independently of {@link DossierLifecycle}.
 */
public final class Histories {

  /** The legal transitions, as the issue lists them. */
  public static final Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>> LEGAL =
      withReceipts(
          Map.of(
              DossierStatus.SUBMITTED,
              Map.of(
                  Accepted.class, DossierStatus.ACCEPTED,
                  Refused.class, DossierStatus.REFUSED,
                  Withdrawn.class, DossierStatus.WITHDRAWN),
              DossierStatus.ACCEPTED,
              processing(),
              DossierStatus.IN_PROGRESS,
              processing(),
              DossierStatus.SUPPLEMENT_REQUESTED,
              Map.of(
                  SupplementReceived.class, DossierStatus.IN_PROGRESS,
                  Withdrawn.class, DossierStatus.WITHDRAWN,
                  Stopped.class, DossierStatus.STOPPED),
              DossierStatus.PAYMENT_REQUESTED,
              Map.of(
                  PaymentReceived.class, DossierStatus.IN_PROGRESS,
                  Withdrawn.class, DossierStatus.WITHDRAWN,
                  Stopped.class, DossierStatus.STOPPED),
              DossierStatus.RESULT_READY,
              Map.of(ResultReturned.class, DossierStatus.RETURNED),
              DossierStatus.RETURNED,
              Map.of(Rated.class, DossierStatus.RETURNED),
              DossierStatus.REFUSED,
              Map.of(),
              DossierStatus.WITHDRAWN,
              Map.of(),
              DossierStatus.STOPPED,
              Map.of()));

  /** A receipt document is allowed in every status and leaves it as it is. */
  private static Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>> withReceipts(
      Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>> legal) {
    Map<DossierStatus, Map<Class<? extends DossierEvent>, DossierStatus>> out =
        new java.util.EnumMap<>(DossierStatus.class);
    legal.forEach(
        (status, moves) -> {
          Map<Class<? extends DossierEvent>, DossierStatus> m = new java.util.HashMap<>(moves);
          m.put(DossierEvent.ReceiptRecorded.class, status);
          out.put(status, Map.copyOf(m));
        });
    return Map.copyOf(out);
  }

  private static Map<Class<? extends DossierEvent>, DossierStatus> processing() {
    return Map.of(
        StepCompleted.class, DossierStatus.IN_PROGRESS,
        SupplementRequested.class, DossierStatus.SUPPLEMENT_REQUESTED,
        PaymentRequested.class, DossierStatus.PAYMENT_REQUESTED,
        ResultReady.class, DossierStatus.RESULT_READY,
        Stopped.class, DossierStatus.STOPPED,
        Withdrawn.class, DossierStatus.WITHDRAWN);
  }

  /** A short path of event types that leads to each status. */
  public static final Map<DossierStatus, List<Class<? extends DossierEvent>>> PATHS =
      Map.of(
          DossierStatus.SUBMITTED, List.of(Submitted.class),
          DossierStatus.ACCEPTED, List.of(Received.class),
          DossierStatus.REFUSED, List.of(Submitted.class, Refused.class),
          DossierStatus.IN_PROGRESS, List.of(Received.class, StepCompleted.class),
          DossierStatus.SUPPLEMENT_REQUESTED, List.of(Received.class, SupplementRequested.class),
          DossierStatus.PAYMENT_REQUESTED,
              List.of(Submitted.class, Accepted.class, PaymentRequested.class),
          DossierStatus.WITHDRAWN, List.of(Submitted.class, Withdrawn.class),
          DossierStatus.STOPPED, List.of(Received.class, Stopped.class),
          DossierStatus.RESULT_READY, List.of(Received.class, ResultReady.class),
          DossierStatus.RETURNED, List.of(Received.class, ResultReady.class, ResultReturned.class));

  private static final Instant EPOCH = Instant.parse("2025-08-15T01:30:00Z");
  private static final String[] WORDS = {
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Văn",
    "Thị",
    "An",
    "Bình",
    "Chi",
    "Dũng",
    "Đức",
    "giấy",
    "khai sinh",
    "đăng ký",
    "hộ tịch",
    "\"quoted\"",
    "back\\slash",
    "tab\there",
    "line\nbreak",
    "emoji 🏛",
    "<tag>",
    "{json}",
    "ư ơ ă â ê ô đ"
  };

  private final Random random;
  private final DossierCode code;
  private Instant clock;
  private int feeSerial;

  /**
   * Creates a generator.
   *
   * @param seed the seed
   */
  public Histories(long seed) {
    this.random = new Random(seed);
    this.code =
        DossierCode.of(
            AgencyCode.parse("000.00.31.H56"),
            LocalDate.of(2025, 8, 15),
            1 + random.nextInt(99_999),
            random.nextBoolean() ? DossierCode.Format.SHORT : DossierCode.Format.LONG);
    this.clock = EPOCH.plusSeconds(random.nextInt(86_400));
  }

  /** The code every event of this generator belongs to. */
  public DossierCode code() {
    return code;
  }

  /** The random source, for tests that shuffle. */
  public Random random() {
    return random;
  }

  /** A random legal history: a random walk over {@link #LEGAL}, at most {@code maxLength}. */
  public List<DossierEvent> legalHistory(int maxLength) {
    List<DossierEvent> events = new ArrayList<>();
    DossierStatus status;
    if (random.nextBoolean()) {
      events.add(event(Submitted.class));
      status = DossierStatus.SUBMITTED;
    } else {
      events.add(event(Received.class));
      status = DossierStatus.ACCEPTED;
    }
    boolean rated = false;
    while (events.size() < maxLength) {
      List<Class<? extends DossierEvent>> allowed = new ArrayList<>(LEGAL.get(status).keySet());
      allowed.sort((a, b) -> a.getSimpleName().compareTo(b.getSimpleName()));
      if (rated) {
        allowed.remove(Rated.class);
      }
      if (allowed.isEmpty()) {
        break;
      }
      // Favour progress over early withdrawal so that long histories are common.
      Class<? extends DossierEvent> type = allowed.get(random.nextInt(allowed.size()));
      if ((type == Withdrawn.class || type == Stopped.class) && random.nextInt(4) != 0) {
        type = allowed.get(random.nextInt(allowed.size()));
      }
      events.add(event(type));
      rated |= type == Rated.class;
      status = LEGAL.get(status).get(type);
    }
    return events;
  }

  /** The events of {@link #PATHS} for a status. */
  public List<DossierEvent> pathTo(DossierStatus status) {
    List<DossierEvent> events = new ArrayList<>();
    for (Class<? extends DossierEvent> type : PATHS.get(status)) {
      events.add(event(type));
    }
    return events;
  }

  /** A valid event of a type, for this generator's dossier, later than the previous one. */
  public DossierEvent event(Class<? extends DossierEvent> type) {
    clock = clock.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 0 : random.nextInt(5_000)));
    UUID id = new UUID(random.nextLong(), random.nextLong());
    Instant at = clock;
    if (type == Submitted.class) {
      return new Submitted(
          id,
          code,
          at,
          procedure(),
          applicant(),
          random.nextBoolean() ? SubmissionChannel.ONLINE_FULL : SubmissionChannel.ONLINE_PARTIAL,
          documents(0),
          fees(0),
          random.nextBoolean());
    }
    if (type == Received.class) {
      return new Received(
          id,
          code,
          at,
          procedure(),
          applicant(),
          random.nextBoolean() ? SubmissionChannel.COUNTER : SubmissionChannel.POSTAL,
          documents(0),
          fees(0),
          random.nextBoolean());
    }
    if (type == Accepted.class) {
      return new Accepted(id, code, at);
    }
    if (type == DossierEvent.ReceiptRecorded.class) {
      String kind =
          DossierEvent.ReceiptRecorded.KINDS.get(
              random.nextInt(DossierEvent.ReceiptRecorded.KINDS.size()));
      return new DossierEvent.ReceiptRecorded(
          id,
          code,
          at,
          kind,
          "0100233488:EBL01:26TAB:" + (1 + random.nextInt(1000)),
          java.util.Base64.getEncoder()
              .encodeToString(text().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    if (type == Refused.class) {
      return new Refused(id, code, at, text());
    }
    if (type == StepCompleted.class) {
      Instant started = at.minus(Duration.ofMinutes(random.nextInt(600)));
      return new StepCompleted(
          id,
          code,
          at,
          new ProcessingStep(
              name(),
              text(),
              text(),
              text(),
              started,
              at,
              random.nextBoolean()
                  ? Optional.of(at.plus(Duration.ofDays(random.nextInt(10))))
                  : Optional.empty()));
    }
    if (type == SupplementRequested.class) {
      List<String> missing = new ArrayList<>();
      int n = 1 + random.nextInt(3);
      for (int i = 0; i < n; i++) {
        missing.add(text());
      }
      return new SupplementRequested(id, code, at, text(), missing);
    }
    if (type == SupplementReceived.class) {
      return new SupplementReceived(id, code, at, documents(1));
    }
    if (type == PaymentRequested.class) {
      return new PaymentRequested(id, code, at, fees(1));
    }
    if (type == PaymentReceived.class) {
      return new PaymentReceived(
          id,
          code,
          at,
          "PAY" + Long.toUnsignedString(random.nextLong(), 36),
          Vnd.of(1 + random.nextInt(5_000_000)),
          random.nextBoolean(),
          random.nextBoolean()
              ? Optional.of(String.format("%07d", random.nextInt(10_000_000)))
              : Optional.empty());
    }
    if (type == Withdrawn.class) {
      return new Withdrawn(
          id, code, at, random.nextBoolean() ? Optional.of(text()) : Optional.empty());
    }
    if (type == Stopped.class) {
      return new Stopped(id, code, at, text());
    }
    if (type == ResultReady.class) {
      return new ResultReady(id, code, at, documents(0));
    }
    if (type == ResultReturned.class) {
      return new ResultReturned(id, code, at);
    }
    if (type == Rated.class) {
      Rating.Satisfaction[] levels = Rating.Satisfaction.values();
      return new Rated(
          id,
          code,
          at,
          new Rating(
              levels[random.nextInt(levels.length)],
              random.nextBoolean() ? Optional.of(text()) : Optional.empty()));
    }
    throw new IllegalArgumentException("unknown event type " + type);
  }

  /** A valid procedure reference. */
  public ProcedureRef procedure() {
    return new ProcedureRef(
        ProcedureCode.parse(
            (1 + random.nextInt(2)) + "." + String.format("%06d", random.nextInt(1_000_000))),
        text(),
        "G09-" + random.nextInt(100),
        text());
  }

  /** A valid applicant of any kind. */
  public Applicant applicant() {
    Applicant.Kind[] kinds = Applicant.Kind.values();
    Applicant.Kind kind = kinds[random.nextInt(kinds.length)];
    Optional<PersonalId> id =
        kind == Applicant.Kind.CITIZEN || random.nextInt(4) == 0
            ? Optional.of(personalId())
            : Optional.empty();
    Optional<TaxCode> tax =
        kind == Applicant.Kind.ENTERPRISE || random.nextInt(4) == 0
            ? Optional.of(taxCode())
            : Optional.empty();
    Contact contact =
        new Contact(
            random.nextBoolean()
                ? Optional.of("09" + (10_000_000 + random.nextInt(89_999_999)))
                : Optional.empty(),
            random.nextBoolean()
                ? Optional.of("a" + random.nextInt(1000) + "@example.vn")
                : Optional.empty(),
            random.nextBoolean() ? Optional.of(text()) : Optional.empty());
    return new Applicant(kind, name(), id, tax, contact);
  }

  /** A well-formed personal ID of someone born in the twentieth century. */
  public PersonalId personalId() {
    String province = String.format("%03d", 1 + random.nextInt(96));
    String century = String.valueOf(random.nextInt(2));
    String year = String.format("%02d", random.nextInt(100));
    String rest = String.format("%06d", random.nextInt(1_000_000));
    return PersonalId.parse(province + century + year + rest);
  }

  /** A valid tax code: an enterprise, a branch or a personal one. */
  public TaxCode taxCode() {
    int pick = random.nextInt(3);
    if (pick == 2) {
      return TaxCode.parse(personalId().value());
    }
    while (true) {
      String nine =
          String.format("%02d", 1 + random.nextInt(98))
              + String.format("%07d", 1 + random.nextInt(9_999_998));
      int check = TaxCode.checkDigit(nine);
      if (check >= 0 && check <= 9) {
        String ten = nine + check;
        return TaxCode.parse(
            pick == 0 ? ten : ten + "-" + String.format("%03d", 1 + random.nextInt(998)));
      }
    }
  }

  /** Between {@code min} and {@code min + 3} valid documents. */
  public List<DossierDocument> documents(int min) {
    List<DossierDocument> out = new ArrayList<>();
    int n = min + random.nextInt(4);
    DossierDocument.CopyKind[] kinds = DossierDocument.CopyKind.values();
    for (int i = 0; i < n; i++) {
      byte[] digest = new byte[32];
      random.nextBytes(digest);
      out.add(
          new DossierDocument(
              UUID.nameUUIDFromBytes(digest).toString(),
              random.nextBoolean() ? Optional.of("TP" + random.nextInt(20)) : Optional.empty(),
              text(),
              random.nextBoolean() ? "application/pdf" : "image/jpeg",
              random.nextInt(20_000_000),
              HexFormat.of().formatHex(digest),
              random.nextBoolean(),
              random.nextBoolean(),
              kinds[random.nextInt(kinds.length)],
              random.nextBoolean()
                  ? Optional.of("https://files.example.vn/" + random.nextInt(1_000_000))
                  : Optional.empty()));
    }
    return out;
  }

  /** Between {@code min} and {@code min + 2} valid fees. */
  public List<Fee> fees(int min) {
    List<Fee> out = new ArrayList<>();
    int n = min + random.nextInt(3);
    Fee.CollectionStage[] stages = Fee.CollectionStage.values();
    for (int i = 0; i < n; i++) {
      out.add(
          new Fee(
              random.nextBoolean() ? Fee.Kind.FEE : Fee.Kind.CHARGE,
              // A fee is due once: a generated fee code is never reused, so a random history
              // never changes a paid fee (FeeDueOnceTest covers that).
              "LP" + random.nextInt(100) + "." + (++feeSerial),
              text(),
              Vnd.of(random.nextInt(3) == 0 ? 0 : random.nextInt(2_000_000) * 1_000L),
              stages[random.nextInt(stages.length)]));
    }
    return out;
  }

  /** A random name of two to four words. */
  public String name() {
    int n = 2 + random.nextInt(3);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[random.nextInt(12)]);
    }
    return out.toString();
  }

  /** A random non-blank text of one to five words, with characters JSON must escape. */
  public String text() {
    int n = 1 + random.nextInt(5);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(' ');
      }
      out.append(WORDS[random.nextInt(WORDS.length)]);
    }
    return out.toString();
  }

  /** The event types, in lifecycle order. */
  public static Set<Class<? extends DossierEvent>> allTypes() {
    return Set.copyOf(DossierEvent.types());
  }
}
