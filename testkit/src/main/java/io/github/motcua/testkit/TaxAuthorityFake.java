package io.github.motcua.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.motcua.testkit.internal.portal.FakeServer;
import io.github.motcua.testkit.internal.portal.FakeServer.FakeReply;
import io.github.motcua.testkit.internal.tax.SignedXml;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful fake of the tax authority's receipt gateway (cổng tiếp nhận dữ liệu biên lai điện tử),
 * on a free loopback port, serving the default {@code TaxAuthorityProfile} of motcua's portal
 * client, and checking what Decree 254/2026/NĐ-CP and Circular 91/2026/TT-BTC require of a receipt
 * issued from 1 July 2026, from the texts rather than from the client:
 *
 * <ul>
 *   <li>{@code POST /api/v1/receipts}: one receipt document, JSON ({@code taxCode, formSymbol,
 *       receiptSymbol, number, kind, issuedAt, document} in Base64) or the signed XML itself
 *       ({@code application/xml}, key in {@code X-Receipt-Key}); {@code kind} is {@code ISSUED},
 *       {@code REPLACEMENT}, {@code ADJUSTMENT} or {@code CANCELLATION};
 *   <li>{@code POST /api/v1/receipt-summaries}: a day's summary on form 01/TH-BLĐT;
 *   <li>{@code GET /api/v1/receipts}: what the fake holds.
 * </ul>
 *
 * Checks, each refusal with HTTP 400 and an authority code in {@code code}: the form symbol ({@code
 * EBL} and two digits) and receipt symbol (the year's two digits, {@code T}, two letters) with the
 * year of issue in Vietnam time ({@code BL101}); a number of 1 to 8 digits ({@code BL102}); the
 * document is the receipt named, signed, and its signature and chain valid under the configured
 * trust anchors ({@code BL103}, {@code BL104}); the same number never with another document ({@code
 * BL105}); a correction or cancellation names a receipt it holds and not one cancelled or replaced
 * ({@code BL106}); delivery on the day of issue in Vietnam time ({@code BL107}, refused only when
 * {@link Builder#refuseLateDelivery(boolean)} is set; otherwise counted in {@link
 * #lateDeliveries()}). A repeated transmission of the same document answers the same acceptance
 * code ({@code acceptanceCode}). Numbering without gaps per series and year is checked over what it
 * holds ({@link #gaps()}), since receipts of different dossiers may arrive out of order.
 *
 * <p>The codes are the fake's own: the authority's are not public. Fault presets as for the other
 * fakes ({@link FaultInjectable}). Thread-safe; no static state; close it to stop it.
 */
public final class TaxAuthorityFake implements AutoCloseable, FaultInjectable {

  /** The per-receipt path. */
  public static final String RECEIPTS_PATH = "/api/v1/receipts";

  /** The daily summary path. */
  public static final String SUMMARIES_PATH = "/api/v1/receipt-summaries";

  /** The refusal codes. */
  public static final String SYMBOL = "BL101";

  /** A number outside 1 to 99,999,999. */
  public static final String NUMBER = "BL102";

  /** A document that is not the receipt named. */
  public static final String DOCUMENT = "BL103";

  /** A signature or chain that does not verify. */
  public static final String SIGNATURE = "BL104";

  /** A number already received with another document. */
  public static final String DUPLICATE = "BL105";

  /** A correction of a receipt not held, or cancelled or replaced before. */
  public static final String ORIGINAL = "BL106";

  /** Delivered after the day of issue. */
  public static final String LATE = "BL107";

  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Pattern FORM = Pattern.compile("EBL[0-9]{2}");
  private static final Pattern RECEIPT = Pattern.compile("([0-9]{2})T[A-Z]{2}");
  private static final List<String> KINDS =
      List.of("ISSUED", "REPLACEMENT", "ADJUSTMENT", "CANCELLATION");

  /**
   * A receipt document the fake accepted.
   *
   * @param taxCode the unit's tax code
   * @param formSymbol the form symbol
   * @param receiptSymbol the receipt symbol
   * @param number the number
   * @param kind the kind
   * @param issuedAt when it was issued
   * @param receivedAt when it arrived, on the fake's clock
   * @param acceptanceCode the code the fake answered
   * @param late whether it arrived after its day of issue
   */
  public record Accepted(
      String taxCode,
      String formSymbol,
      String receiptSymbol,
      long number,
      String kind,
      Instant issuedAt,
      Instant receivedAt,
      String acceptanceCode,
      boolean late) {

    /**
     * Returns the series key: tax code, form and receipt symbols.
     *
     * @return the key
     */
    public String series() {
      return taxCode + ":" + formSymbol + ":" + receiptSymbol;
    }
  }

  private final ObjectMapper mapper = new ObjectMapper();
  private final Clock clock;
  private final List<X509Certificate> anchors;
  private final boolean refuseLate;
  private final Map<String, Accepted> accepted = new LinkedHashMap<>();
  private final Map<String, String> digests = new LinkedHashMap<>();
  private final Map<String, String> statusByReceipt = new TreeMap<>();
  private final List<JsonNode> summaries = new ArrayList<>();
  private final Map<String, Long> refusals = new TreeMap<>();
  private long lastCode;
  private final FakeServer server;

  private TaxAuthorityFake(Builder b) {
    this.clock = b.clock;
    this.anchors = List.copyOf(b.anchors);
    this.refuseLate = b.refuseLate;
    this.server =
        new FakeServer(
            "tax-authority-fake",
            this::handle,
            RECEIPTS_PATH,
            r -> FakeReply.json(401, "{\"code\":\"BL401\",\"message\":\"Session expired.\"}"));
  }

  /**
   * Starts a fake with the defaults: system clock, no trust anchors (signatures are checked, their
   * chains are not), late delivery counted but accepted.
   *
   * @return the running fake
   */
  public static TaxAuthorityFake start() {
    return builder().start();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the base URL.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * Returns every accepted document, in order of arrival (a repeat counts once).
   *
   * @return an unmodifiable copy
   */
  public synchronized List<Accepted> accepted() {
    return List.copyOf(accepted.values());
  }

  /**
   * Returns how many distinct documents were accepted.
   *
   * @return the count
   */
  public synchronized int acceptedCount() {
    return accepted.size();
  }

  /**
   * Returns each receipt's state as the fake holds it: {@code ISSUED}, {@code CANCELLED}, {@code
   * REPLACED} or {@code ADJUSTED}, by {@code taxCode:form:symbol:number}.
   *
   * @return an unmodifiable sorted copy
   */
  public synchronized Map<String, String> receiptStates() {
    return Collections.unmodifiableMap(new TreeMap<>(statusByReceipt));
  }

  /**
   * Returns the numbers missing in each series: between 1 and the highest number received.
   *
   * @return missing numbers by series key; empty when numbering has no gap
   */
  public synchronized Map<String, List<Long>> gaps() {
    Map<String, TreeSet<Long>> numbers = new TreeMap<>();
    for (Accepted a : accepted.values()) {
      if (!a.kind().equals("CANCELLATION")) {
        numbers.computeIfAbsent(a.series(), k -> new TreeSet<>()).add(a.number());
      }
    }
    Map<String, List<Long>> out = new TreeMap<>();
    numbers.forEach(
        (series, set) -> {
          List<Long> missing = new ArrayList<>();
          for (long n = 1; n < set.last(); n++) {
            if (!set.contains(n)) {
              missing.add(n);
            }
          }
          if (!missing.isEmpty()) {
            out.put(series, missing);
          }
        });
    return out;
  }

  /**
   * Returns how many accepted documents arrived after their day of issue.
   *
   * @return the count
   */
  public synchronized long lateDeliveries() {
    return accepted.values().stream().filter(Accepted::late).count();
  }

  /**
   * Returns the refusals by code.
   *
   * @return an unmodifiable sorted copy
   */
  public synchronized Map<String, Long> refusals() {
    return Collections.unmodifiableMap(new TreeMap<>(refusals));
  }

  /**
   * Returns the daily summaries received.
   *
   * @return copies, in order of arrival
   */
  public synchronized List<JsonNode> summaries() {
    List<JsonNode> out = new ArrayList<>();
    summaries.forEach(n -> out.add(n.deepCopy()));
    return out;
  }

  /**
   * Returns how many HTTP requests arrived, faults included.
   *
   * @return the count
   */
  public long requestCount() {
    return server.requestCount();
  }

  @Override
  public void inject(Fault fault) {
    server.faults().apply(Objects.requireNonNull(fault, "fault"));
  }

  @Override
  public void clearFaults() {
    server.faults().clear();
  }

  @Override
  public long injectedFaults(PortalFault fault) {
    return server.faults().injected(fault);
  }

  /**
   * Sets how long a {@link PortalFault#TIMEOUT} holds a reply back (default 2 s).
   *
   * @param delay the delay
   */
  public void timeoutDelay(Duration delay) {
    server.timeoutDelay(Objects.requireNonNull(delay, "delay"));
  }

  /** Forgets every document, summary, refusal and fault. */
  public synchronized void reset() {
    accepted.clear();
    digests.clear();
    statusByReceipt.clear();
    summaries.clear();
    refusals.clear();
    lastCode = 0;
    clearFaults();
  }

  @Override
  public void close() {
    server.close();
  }

  // ------------------------------------------------------------------------------------ handling

  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String code;

    Refusal(String code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  /**
   * Answers a request. Parsing and the signature check run outside the lock, so that the fake
   * serves many clients at once; only reading and changing what it holds is serialised.
   */
  private FakeReply handle(LoggedRequest request) {
    String path = request.getUrl();
    int q = path.indexOf('?');
    path = q < 0 ? path : path.substring(0, q);
    String method = request.getMethod().getName();
    try {
      if (path.equals(RECEIPTS_PATH) && method.equals("POST")) {
        return receipt(request);
      }
      if (path.equals(RECEIPTS_PATH) && method.equals("GET")) {
        return FakeReply.json(200, mapper.valueToTree(accepted()).toString());
      }
      if (path.equals(SUMMARIES_PATH) && method.equals("POST")) {
        return summary(request);
      }
    } catch (Refusal r) {
      synchronized (this) {
        refusals.merge(r.code, 1L, Long::sum);
      }
      ObjectNode out = mapper.createObjectNode();
      out.put("code", r.code);
      out.put("message", r.getMessage());
      return FakeReply.json(400, out.toString());
    }
    String serves = "POST and GET " + RECEIPTS_PATH + " and POST " + SUMMARIES_PATH;
    return FakeReply.json(
        404,
        "{\"code\":\"BL404\",\"message\":"
            + mapper.valueToTree(FakeReply.noSuchResource(method, request.getUrl(), serves))
            + "}");
  }

  private FakeReply receipt(LoggedRequest request) {
    String contentType = String.valueOf(request.getHeader("Content-Type"));
    String taxCode;
    String form;
    String symbol;
    String kind;
    long number;
    byte[] xml;
    Instant issuedAt;
    if (contentType.contains("xml")) {
      String key = request.getHeader("X-Receipt-Key");
      String[] parts = key == null ? new String[0] : key.split(":", -1);
      if (parts.length != 5) {
        throw new Refusal(DOCUMENT, "X-Receipt-Key is taxCode:form:symbol:number:kind.");
      }
      taxCode = parts[0];
      form = parts[1];
      symbol = parts[2];
      number = number(parts[3]);
      kind = parts[4];
      xml = request.getBody();
      issuedAt = null;
    } else {
      JsonNode body = json(request.getBodyAsString());
      taxCode = required(body, "taxCode");
      form = required(body, "formSymbol");
      symbol = required(body, "receiptSymbol");
      number = number(required(body, "number"));
      kind = required(body, "kind");
      issuedAt = instant(required(body, "issuedAt"));
      try {
        xml = Base64.getDecoder().decode(required(body, "document"));
      } catch (IllegalArgumentException e) {
        throw new Refusal(DOCUMENT, "document is not Base64.");
      }
    }
    if (!KINDS.contains(kind)) {
      throw new Refusal(DOCUMENT, "kind is one of " + KINDS + ".");
    }
    SignedXml doc;
    try {
      doc = SignedXml.parse(xml);
    } catch (IllegalArgumentException e) {
      throw new Refusal(DOCUMENT, "The document is not well-formed XML.");
    }
    boolean cancellation = kind.equals("CANCELLATION");
    String expectedRoot = cancellation ? "EReceiptCancellation" : "EReceipt";
    if (!expectedRoot.equals(doc.rootName())) {
      throw new Refusal(DOCUMENT, "A " + kind + " document is an " + expectedRoot + ".");
    }
    String docTax =
        cancellation ? doc.text(null, "UnitTaxCode") : doc.text("CollectingUnit", "TaxCode");
    String under = cancellation ? "Original" : "GeneralInfo";
    String docIssued = cancellation ? doc.text(null, "CancelledAt") : doc.text(under, "IssuedAt");
    if (!taxCode.equals(docTax)
        || !form.equals(doc.text(under, "FormSymbol"))
        || !symbol.equals(doc.text(under, "SeriesSymbol"))
        || !String.valueOf(number).equals(doc.text(under, "Number"))) {
      throw new Refusal(DOCUMENT, "The document is not the receipt named in the request.");
    }
    Instant documentIssued = docIssued == null ? null : instant(docIssued);
    if (issuedAt == null) {
      issuedAt = documentIssued;
    } else if (!issuedAt.equals(documentIssued)) {
      throw new Refusal(DOCUMENT, "issuedAt differs from the document's.");
    }
    String receiptKey = taxCode + ":" + form + ":" + symbol + ":" + number;
    String key = receiptKey + ":" + kind;
    String digest = digest(xml);
    synchronized (this) {
      FakeReply repeat = repeat(key, receiptKey, digest);
      if (repeat != null) {
        return repeat;
      }
    }
    Instant receiptIssued = cancellation ? instant(doc.text("Original", "IssuedAt")) : issuedAt;
    checkSymbols(form, symbol, receiptIssued);
    String problem = doc.signatureProblem(anchors, issuedAt);
    if (problem != null) {
      throw new Refusal(SIGNATURE, "Receipt " + receiptKey + ": " + problem + ".");
    }
    String original = null;
    if (cancellation) {
      original = receiptKey;
    } else if (!kind.equals("ISSUED")) {
      original =
          taxCode
              + ":"
              + doc.text("Original", "FormSymbol")
              + ":"
              + doc.text("Original", "SeriesSymbol")
              + ":"
              + doc.text("Original", "Number");
    }
    return store(
        new Arrival(
            taxCode, form, symbol, number, kind, issuedAt, key, receiptKey, digest, original));
  }

  /** A verified document on its way in. */
  private record Arrival(
      String taxCode,
      String form,
      String symbol,
      long number,
      String kind,
      Instant issuedAt,
      String key,
      String receiptKey,
      String digest,
      String original) {}

  /** The answer to a document received before: its acceptance, or a refusal when it differs. */
  private FakeReply repeat(String key, String receiptKey, String digest) {
    Accepted before = accepted.get(key);
    if (before == null) {
      return null;
    }
    if (!digests.get(key).equals(digest)) {
      throw new Refusal(
          DUPLICATE, "Receipt " + receiptKey + " was received with another document.");
    }
    return acceptance(before);
  }

  /** Checks a verified document against what the fake holds, and keeps it. */
  private synchronized FakeReply store(Arrival in) {
    String key = in.key();
    String receiptKey = in.receiptKey();
    String kind = in.kind();
    String original = in.original();
    boolean cancellation = kind.equals("CANCELLATION");
    Instant issuedAt = in.issuedAt();
    FakeReply repeat = repeat(key, receiptKey, in.digest());
    if (repeat != null) {
      return repeat;
    }
    if (!cancellation && statusByReceipt.containsKey(receiptKey)) {
      throw new Refusal(
          DUPLICATE, "Receipt " + receiptKey + " was received with another document.");
    }
    if (original != null) {
      String state = statusByReceipt.get(original);
      if (state == null || state.equals("CANCELLED") || state.equals("REPLACED")) {
        throw new Refusal(
            ORIGINAL,
            "The receipt corrected, "
                + original
                + (state == null ? ", is not held." : ", was " + state.toLowerCase() + " before."));
      }
    }
    Instant now = clock.instant();
    boolean late =
        now.atZone(VIETNAM).toLocalDate().isAfter(issuedAt.atZone(VIETNAM).toLocalDate());
    if (late && refuseLate) {
      throw new Refusal(LATE, "Receipt data reach the tax authority on the day of issue.");
    }
    Accepted a =
        new Accepted(
            in.taxCode(),
            in.form(),
            in.symbol(),
            in.number(),
            kind,
            issuedAt,
            now,
            String.format("TB%010d", ++lastCode),
            late);
    accepted.put(key, a);
    digests.put(key, in.digest());
    if (!cancellation) {
      statusByReceipt.put(receiptKey, "ISSUED");
    }
    if (original != null) {
      statusByReceipt.put(
          original,
          switch (kind) {
            case "CANCELLATION" -> "CANCELLED";
            case "REPLACEMENT" -> "REPLACED";
            default -> "ADJUSTED";
          });
    }
    return acceptance(a);
  }

  private void checkSymbols(String form, String symbol, Instant issuedAt) {
    if (!FORM.matcher(form).matches()) {
      throw new Refusal(SYMBOL, "Form symbol " + form + " is not EBL and two digits.");
    }
    Matcher m = RECEIPT.matcher(symbol);
    if (!m.matches()) {
      throw new Refusal(
          SYMBOL, "Receipt symbol " + symbol + " is not the year's digits, T, two letters.");
    }
    int year = issuedAt.atZone(VIETNAM).getYear();
    if (Integer.parseInt(m.group(1)) != year % 100) {
      throw new Refusal(
          SYMBOL, "Receipt symbol " + symbol + " does not carry the year of issue " + year + ".");
    }
  }

  private FakeReply summary(LoggedRequest request) {
    JsonNode body = json(request.getBodyAsString());
    if (!"01/TH-BLĐT".equals(required(body, "form"))) {
      throw new Refusal(DOCUMENT, "form is 01/TH-BLĐT.");
    }
    required(body, "taxCode");
    LocalDate day;
    try {
      day = LocalDate.parse(required(body, "day"));
    } catch (DateTimeParseException e) {
      throw new Refusal(DOCUMENT, "day is an ISO date.");
    }
    JsonNode lines = body.path("lines");
    if (!lines.isArray() || lines.isEmpty()) {
      throw new Refusal(DOCUMENT, "lines lists the day's receipts.");
    }
    for (JsonNode line : lines) {
      String form = required(line, "formSymbol");
      String symbol = required(line, "receiptSymbol");
      number(required(line, "number"));
      if (!KINDS.contains(required(line, "kind"))) {
        throw new Refusal(DOCUMENT, "kind is one of " + KINDS + ".");
      }
      Instant at = instant(required(line, "issuedAt"));
      if (!at.atZone(VIETNAM).toLocalDate().equals(day)) {
        throw new Refusal(DOCUMENT, "A line's issuedAt is not on the summary's day.");
      }
      checkSymbols(form, symbol, at);
    }
    if (clock.instant().atZone(VIETNAM).toLocalDate().isAfter(day) && refuseLate) {
      throw new Refusal(LATE, "The summary reaches the tax authority on its day.");
    }
    synchronized (this) {
      summaries.add(body.deepCopy());
      ObjectNode out = mapper.createObjectNode();
      out.put("acceptanceCode", String.format("TH%010d", ++lastCode));
      return FakeReply.json(200, out.toString());
    }
  }

  private FakeReply acceptance(Accepted a) {
    ObjectNode out = mapper.createObjectNode();
    out.put("acceptanceCode", a.acceptanceCode());
    out.put("status", "ACCEPTED");
    return FakeReply.json(200, out.toString());
  }

  private JsonNode json(String text) {
    try {
      JsonNode n = text == null || text.isBlank() ? null : mapper.readTree(text);
      if (n == null || !n.isObject()) {
        throw new Refusal(DOCUMENT, "The body is not a JSON object.");
      }
      return n;
    } catch (java.io.IOException e) {
      throw new Refusal(DOCUMENT, "The body is not JSON.");
    }
  }

  private static String required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainerNode() || v.asText().isBlank()) {
      throw new Refusal(DOCUMENT, field + " is required.");
    }
    return v.asText();
  }

  private static long number(String text) {
    if (!text.matches("[0-9]{1,8}") || Long.parseLong(text) < 1) {
      throw new Refusal(NUMBER, "A receipt number has 1 to 8 digits and is at least 1.");
    }
    return Long.parseLong(text);
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new Refusal(DOCUMENT, "A date and time is ISO-8601 with an offset.");
    }
  }

  private static String digest(byte[] xml) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(xml));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Configures a {@link TaxAuthorityFake}. Not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private final List<X509Certificate> anchors = new ArrayList<>();
    private boolean refuseLate;

    private Builder() {}

    /**
     * Sets the fake's clock, which dates arrivals (default UTC system clock).
     *
     * @param clock the clock; not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the trust anchors signers' chains must lead to, such as {@link TestPki#trustAnchors()}.
     * Default none: signatures are checked, chains are not.
     *
     * @param anchors the anchors; not null
     * @return this builder
     */
    public Builder trustAnchors(List<X509Certificate> anchors) {
      this.anchors.clear();
      this.anchors.addAll(anchors);
      return this;
    }

    /**
     * Refuses documents that arrive after their day of issue, with {@code BL107} (default: accept
     * and count them).
     *
     * @param refuse whether to refuse
     * @return this builder
     */
    public Builder refuseLateDelivery(boolean refuse) {
      this.refuseLate = refuse;
      return this;
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake
     */
    public TaxAuthorityFake start() {
      return new TaxAuthorityFake(this);
    }
  }
}
