package io.github.motcua.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.motcua.testkit.internal.portal.FakeServer;
import io.github.motcua.testkit.internal.portal.FakeServer.FakeReply;
import io.github.motcua.testkit.internal.portal.NationalRules;
import io.github.motcua.testkit.internal.portal.NationalRules.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A stateful fake of the National Public Service Portal's adapter (Cổng Dịch vụ công quốc gia),
 * speaking the protocol of docs/domain.md §4 on a free loopback port.
 *
 * <p>Login: POST {@code {username, password}} to {@link #LOGIN_PATH} with the header {@code
 * dstcode} (the unit code) returns {@code {error_code: 0, session}}. Every other call is a POST of
 * {@code {session, madonvi, service, ...}} to {@link #SERVICE_PATH}, with the {@code dstcode}
 * header again. Services: {@code DongBoHoSoMC} ({@code isUpdating} "True"/"False", {@code data[]}),
 * {@code CapNhatTienDoHoSoMC} ({@code data[]} of processing steps, at most {@code maxStepsPerCall}
 * a call), {@code TraCuuHoSo} ({@code mahoso}; {@code result} an array, empty for an unknown
 * dossier), {@code LayThuTuc} ({@code maTTHC}; {@code result} an array of upper-case catalogue
 * records), {@code LayDanhSachTTHC} ({@code MATTHC, TENTTHC}), {@code TraCuuTechID} ({@code
 * provider, mstorcmnd}; {@code result[].TECHNICALID}), {@code DongBoDanhGia} ({@code data[]} of
 * ratings: {@code MaHoSo, MucDoHaiLong} 1-5, {@code NoiDungDanhGia}, {@code ThoiDiemDanhGia}).
 * Replies are {@code {error_code, message}} (HTTP 200), plus {@code result} for look-ups. Its rules
 * are written from docs/domain.md §3-4, not from the client.
 *
 * <p>It checks what a real portal checks: the session (and its expiry), the {@code dstcode} header
 * and the unit code of the call and of each dossier code, required fields, {@code yyyyMMddHHmmss}
 * dates, every code a JSON string within its value set (status 1-10, applicant kind 1-4, channel
 * {@code KenhThucHien} 1-3, return form {@code HinhThuc} 0-1, fee kind 1-2, collection stage 1/2/4,
 * identifier type 1-2 with 12 or 9 digits, flags 0/1, reuse 0-2), {@code DonViXuLy} an agency name
 * rather than a code, that a status change is a legal progression, and that a step's status does
 * not contradict the dossier's. Error codes: {@code 401} session invalid or expired, {@code 403}
 * login refused, {@code 1001} missing field, {@code 1002} bad format, {@code 1003} illegal status
 * change, {@code 1004} wrong unit, {@code -3} "Hồ sơ ... đã tồn tại" (already exists), {@code 1006}
 * "Hồ sơ không tồn tại" (not found), {@code 1007} unknown service, {@code 1008} too many records.
 * Processing steps are appended, as on the real portal: a step sent twice is stored twice, which is
 * what tests of duplicate delivery look for.
 *
 * <p>Tests read its state ({@link #dossier(String)}, {@link #dossiers()}), count logins, expire
 * sessions and inject {@link PortalFault}s. Thread-safe; no static state; close it to stop it.
 */
public final class NationalPortalFake implements AutoCloseable, FaultInjectable {

  /** The login path. */
  public static final String LOGIN_PATH = "/api/adapter/login";

  /** The integration endpoint. */
  public static final String SERVICE_PATH = "/api/adapter/service";

  /**
   * A dossier as the fake holds it. The JSON nodes are copies: changing them changes nothing.
   *
   * @param code the dossier code ({@code MaHoSo})
   * @param current the latest record received
   * @param history every record received, oldest first (the create, then each update)
   * @param steps every processing step received, in arrival order
   * @param rating the latest rating received, or null
   */
  public record StoredDossier(
      String code,
      JsonNode current,
      List<JsonNode> history,
      List<JsonNode> steps,
      JsonNode rating) {

    /**
     * Returns the current status ({@code TrangThaiHoSo}).
     *
     * @return the national status code
     */
    public int status() {
      return current.path("TrangThaiHoSo").asInt();
    }

    /**
     * Returns the rating.
     *
     * @return the latest rating, when one was received
     */
    public Optional<JsonNode> optionalRating() {
      return Optional.ofNullable(rating);
    }
  }

  private static final class Stored {
    ObjectNode current;
    final List<ObjectNode> history = new ArrayList<>();
    final List<ObjectNode> steps = new ArrayList<>();
    ObjectNode rating;
  }

  private record Session(String unit, Instant expiresAt) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final String unitCode;
  private final String dstCode;
  private final Map<String, String> accounts;
  private final String username;
  private final String password;
  private final Duration sessionTtl;
  private final Clock clock;
  private final int maxStepsPerCall;
  private final Map<String, ObjectNode> procedures;
  private final Map<String, Stored> dossiers = new TreeMap<>();
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, Long> serviceCalls = new TreeMap<>();
  private long logins;
  private final FakeServer server;

  private NationalPortalFake(Builder b) {
    this.unitCode = b.unitCode;
    this.dstCode = b.dstCode == null ? b.unitCode : b.dstCode;
    this.accounts = new LinkedHashMap<>(b.accounts);
    this.username = b.username;
    this.password = b.password;
    this.sessionTtl = b.sessionTtl;
    this.clock = b.clock;
    this.maxStepsPerCall = b.maxStepsPerCall;
    this.procedures = new LinkedHashMap<>(b.procedures);
    this.server = new FakeServer("national-portal-fake", this::handle, SERVICE_PATH, this::expire);
  }

  /**
   * Starts a fake with the default settings (unit {@code 000.00.31.H56}, user {@code
   * motcua-adapter}, password {@code motcua-secret}).
   *
   * @return the running fake
   */
  public static NationalPortalFake start() {
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
   * Returns the adapter's base URL (give it to the client).
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * Returns the unit code ({@code dstcode}, {@code madonvi}) the fake accepts.
   *
   * @return the unit code
   */
  public String unitCode() {
    return unitCode;
  }

  /**
   * Returns the user name the fake accepts.
   *
   * @return the user name
   */
  public String username() {
    return username;
  }

  /**
   * Returns the password the fake accepts.
   *
   * @return the password
   */
  public String password() {
    return password;
  }

  /**
   * Returns a stored dossier.
   *
   * @param code the dossier code
   * @return the dossier, empty when the fake never received it
   */
  public synchronized Optional<StoredDossier> dossier(String code) {
    Stored s = dossiers.get(code);
    return s == null ? Optional.empty() : Optional.of(view(code, s));
  }

  /**
   * Returns every stored dossier by code.
   *
   * @return an unmodifiable sorted copy
   */
  public synchronized Map<String, StoredDossier> dossiers() {
    Map<String, StoredDossier> out = new TreeMap<>();
    dossiers.forEach((code, s) -> out.put(code, view(code, s)));
    return Collections.unmodifiableMap(out);
  }

  private StoredDossier view(String code, Stored s) {
    return new StoredDossier(
        code,
        s.current.deepCopy(),
        s.history.stream().map(n -> (JsonNode) n.deepCopy()).toList(),
        s.steps.stream().map(n -> (JsonNode) n.deepCopy()).toList(),
        s.rating == null ? null : s.rating.deepCopy());
  }

  /**
   * Returns how many successful logins the fake answered.
   *
   * @return the count
   */
  public synchronized long loginCount() {
    return logins;
  }

  /**
   * Returns how many calls of a service were answered (faults excluded).
   *
   * @param service the service name, such as {@code DongBoHoSoMC}
   * @return the count
   */
  public synchronized long serviceCallCount(String service) {
    return serviceCalls.getOrDefault(service, 0L);
  }

  /**
   * Returns how many HTTP requests arrived, faults included.
   *
   * @return the count
   */
  public long requestCount() {
    return server.requestCount();
  }

  /** Expires every session now: the next call of each client is refused with code 401. */
  public synchronized void expireSessions() {
    sessions.clear();
  }

  /**
   * Applies a fault preset (see {@link Fault}).
   *
   * @param fault the preset; not null
   */
  @Override
  public void inject(Fault fault) {
    server.faults().apply(java.util.Objects.requireNonNull(fault, "fault"));
  }

  /** Removes every injected fault. */
  @Override
  public void clearFaults() {
    server.faults().clear();
  }

  /**
   * Returns how often a fault was injected.
   *
   * @param fault the fault
   * @return the count
   */
  @Override
  public long injectedFaults(PortalFault fault) {
    return server.faults().injected(fault);
  }

  /**
   * Sets how long a {@link PortalFault#TIMEOUT} holds a reply back (default 2 s); set it above the
   * client's read timeout.
   *
   * @param delay the delay
   */
  public void timeoutDelay(Duration delay) {
    server.timeoutDelay(Objects.requireNonNull(delay, "delay"));
  }

  /** Forgets every dossier, session and fault. */
  public synchronized void reset() {
    dossiers.clear();
    sessions.clear();
    serviceCalls.clear();
    logins = 0;
    clearFaults();
  }

  @Override
  public void close() {
    server.close();
  }

  private synchronized FakeReply expire(LoggedRequest request) {
    JsonNode body = parse(request.getBodyAsString());
    if (body != null) {
      sessions.remove(NationalRules.text(body, "session"));
    }
    return reply(NationalRules.SESSION_INVALID, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
  }

  private synchronized FakeReply handle(LoggedRequest request) {
    String path = request.getUrl();
    String method = request.getMethod().getName();
    if (!path.equals(LOGIN_PATH) && !path.equals(SERVICE_PATH)) {
      String serves = "POST " + LOGIN_PATH + " and POST " + SERVICE_PATH;
      return httpError(404, "not found", FakeReply.noSuchResource(method, path, serves));
    }
    if (!"POST".equals(method)) {
      return httpError(405, "method not allowed", path + " takes POST, not " + method + ".");
    }
    JsonNode body = parse(request.getBodyAsString());
    if (body == null || !body.isObject()) {
      return reply(NationalRules.BAD_FORMAT, "Dữ liệu gửi lên không phải JSON");
    }
    try {
      if (path.equals(LOGIN_PATH)) {
        return login(request, body);
      }
      return service(body, request.getHeader("dstcode"));
    } catch (Refusal r) {
      return reply(r.code, r.getMessage());
    }
  }

  private FakeReply login(LoggedRequest request, JsonNode body) {
    String dst = request.getHeader("dstcode");
    if (!dstCode.equals(dst)
        || !username.equals(NationalRules.text(body, "username"))
        || !password.equals(NationalRules.text(body, "password"))) {
      return reply(NationalRules.LOGIN_REFUSED, "Sai tên đăng nhập, mật khẩu hoặc mã đơn vị");
    }
    String session = UUID.randomUUID().toString().replace("-", "");
    sessions.put(session, new Session(unitCode, clock.instant().plus(sessionTtl)));
    logins++;
    ObjectNode out = replyNode(NationalRules.OK, "Đăng nhập thành công");
    out.put("session", session);
    return FakeReply.json(200, out.toString());
  }

  private FakeReply service(JsonNode body, String dst) {
    Session session = sessions.get(NationalRules.text(body, "session"));
    if (session == null || !clock.instant().isBefore(session.expiresAt())) {
      sessions.remove(NationalRules.text(body, "session"));
      return reply(NationalRules.SESSION_INVALID, "Phiên làm việc không hợp lệ hoặc đã hết hạn");
    }
    if (!session.unit().equals(NationalRules.text(body, "madonvi"))) {
      return reply(NationalRules.WRONG_UNIT, "madonvi không khớp phiên làm việc");
    }
    if (!dstCode.equals(dst)) {
      return reply(NationalRules.WRONG_UNIT, "Thiếu hoặc sai header dstcode");
    }
    String service = NationalRules.text(body, "service");
    FakeReply reply =
        switch (service) {
          case "DongBoHoSoMC" -> syncDossiers(body);
          case "CapNhatTienDoHoSoMC" -> syncSteps(body);
          case "TraCuuHoSo" -> lookUp(body);
          case "LayThuTuc" -> procedure(body);
          case "LayDanhSachTTHC" -> procedures();
          case "DongBoDanhGia" -> syncRatings(body);
          case "TraCuuTechID" -> accountId(body);
          default -> reply(NationalRules.UNKNOWN_SERVICE, "Dịch vụ không tồn tại");
        };
    serviceCalls.merge(service, 1L, Long::sum);
    return reply;
  }

  private FakeReply syncDossiers(JsonNode body) {
    boolean updating = updating(body.get("isUpdating"));
    List<ObjectNode> records = data(body);
    for (ObjectNode record : records) {
      NationalRules.checkRecord(record, unitCode);
      NationalRules.checkNationalRecord(record);
      Stored existing = dossiers.get(NationalRules.text(record, "MaHoSo"));
      if (!updating && existing != null) {
        throw new Refusal(
            NationalRules.ALREADY_EXISTS,
            "Hồ sơ " + NationalRules.text(record, "MaHoSo") + " đã tồn tại");
      }
      if (updating && existing == null) {
        throw new Refusal(NationalRules.NOT_FOUND, "Hồ sơ không tồn tại");
      }
      if (existing != null) {
        NationalRules.checkProgression(
            status(existing.current, "TrangThaiHoSo"), status(record, "TrangThaiHoSo"));
      }
    }
    for (ObjectNode record : records) {
      Stored s = dossiers.computeIfAbsent(NationalRules.text(record, "MaHoSo"), k -> new Stored());
      s.current = record.deepCopy();
      s.history.add(record.deepCopy());
    }
    return reply(NationalRules.OK, "Đồng bộ hồ sơ thành công");
  }

  /** {@code isUpdating}: absent (a create), or "True" / "False" as public code sends it. */
  private static boolean updating(JsonNode v) {
    if (v == null || v.isNull()) {
      return false;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    String t = v.asText();
    if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
      return "true".equalsIgnoreCase(t);
    }
    throw new Refusal(NationalRules.BAD_FORMAT, "isUpdating phải là True hoặc False");
  }

  private static int status(JsonNode node, String field) {
    return Integer.parseInt(NationalRules.text(node, field));
  }

  private FakeReply syncSteps(JsonNode body) {
    List<ObjectNode> steps = data(body);
    if (steps.size() > maxStepsPerCall) {
      throw new Refusal(
          NationalRules.TOO_MANY_RECORDS, "Tối đa " + maxStepsPerCall + " bản ghi mỗi lần gửi");
    }
    for (ObjectNode step : steps) {
      NationalRules.checkStep(step);
      Stored s = dossiers.get(NationalRules.text(step, "MaHoSo"));
      if (s == null) {
        throw new Refusal(NationalRules.NOT_FOUND, "Hồ sơ không tồn tại");
      }
      NationalRules.checkStepStatus(status(step, "TrangThai"), status(s.current, "TrangThaiHoSo"));
    }
    for (ObjectNode step : steps) {
      dossiers.get(NationalRules.text(step, "MaHoSo")).steps.add(step.deepCopy());
    }
    return reply(NationalRules.OK, "Cập nhật tiến độ thành công");
  }

  private FakeReply syncRatings(JsonNode body) {
    List<ObjectNode> ratings = data(body);
    for (ObjectNode rating : ratings) {
      Stored s = dossiers.get(NationalRules.text(rating, "MaHoSo"));
      if (s == null) {
        throw new Refusal(NationalRules.NOT_FOUND, "Hồ sơ không tồn tại");
      }
      String level = NationalRules.text(rating, "MucDoHaiLong");
      if (!level.matches("[1-5]")) {
        throw new Refusal(NationalRules.BAD_FORMAT, "MucDoHaiLong ngoài miền giá trị");
      }
    }
    for (ObjectNode rating : ratings) {
      dossiers.get(NationalRules.text(rating, "MaHoSo")).rating = rating.deepCopy();
    }
    return reply(NationalRules.OK, "Đồng bộ đánh giá thành công");
  }

  /**
   * {@code TraCuuHoSo} with {@code mahoso}: {@code result} is an array, empty for an unknown
   * dossier, as public code reads it.
   */
  private FakeReply lookUp(JsonNode body) {
    if (!body.has("mahoso")) {
      throw new Refusal(NationalRules.MISSING_FIELD, "Thiếu tham số mahoso");
    }
    Stored s = dossiers.get(NationalRules.text(body, "mahoso"));
    ObjectNode out = replyNode(NationalRules.OK, "Thành công");
    ArrayNode result = out.putArray("result");
    if (s != null) {
      ObjectNode record = s.current.deepCopy();
      ArrayNode steps = record.putArray("QuaTrinhXuLy");
      s.steps.forEach(step -> steps.add(step.deepCopy()));
      result.add(record);
    }
    return FakeReply.json(200, out.toString());
  }

  /** {@code LayThuTuc} with {@code maTTHC}: {@code result} is an array of upper-case records. */
  private FakeReply procedure(JsonNode body) {
    if (!body.has("maTTHC")) {
      throw new Refusal(NationalRules.MISSING_FIELD, "Thiếu tham số maTTHC");
    }
    ObjectNode p = procedures.get(NationalRules.text(body, "maTTHC"));
    ObjectNode out = replyNode(NationalRules.OK, "Thành công");
    ArrayNode result = out.putArray("result");
    if (p != null) {
      result.add(p.deepCopy());
    }
    return FakeReply.json(200, out.toString());
  }

  private FakeReply procedures() {
    ObjectNode out = replyNode(NationalRules.OK, "Thành công");
    ArrayNode list = out.putArray("result");
    procedures
        .values()
        .forEach(
            p -> {
              ObjectNode item = list.addObject();
              item.set("MATTHC", p.get("MATTHC"));
              item.set("TENTTHC", p.get("TENTTHC"));
            });
    return FakeReply.json(200, out.toString());
  }

  /**
   * {@code TraCuuTechID} with {@code provider} and {@code mstorcmnd}: {@code result} is an array of
   * {@code {TECHNICALID}}, empty when no account is known.
   */
  private FakeReply accountId(JsonNode body) {
    String number = NationalRules.text(body, "mstorcmnd");
    if (number.isEmpty() || NationalRules.text(body, "provider").isEmpty()) {
      throw new Refusal(NationalRules.MISSING_FIELD, "Thiếu tham số provider hoặc mstorcmnd");
    }
    ObjectNode out = replyNode(NationalRules.OK, "Thành công");
    ArrayNode result = out.putArray("result");
    String id = accounts.get(number);
    if (id != null) {
      result.addObject().put("TECHNICALID", id);
    }
    return FakeReply.json(200, out.toString());
  }

  private List<ObjectNode> data(JsonNode body) {
    JsonNode data = body.get("data");
    if (data == null || !data.isArray() || data.isEmpty()) {
      throw new Refusal(NationalRules.MISSING_FIELD, "Thiếu trường bắt buộc data");
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode n : data) {
      if (!n.isObject()) {
        throw new Refusal(NationalRules.BAD_FORMAT, "data chứa phần tử không hợp lệ");
      }
      out.add((ObjectNode) n);
    }
    return out;
  }

  private JsonNode parse(String text) {
    try {
      return text == null || text.isBlank() ? null : mapper.readTree(text);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** An HTTP-level refusal, before the adapter protocol's own replies (always HTTP 200). */
  private FakeReply httpError(int status, String error, String message) {
    ObjectNode out = mapper.createObjectNode();
    out.put("error", error);
    out.put("message", message);
    return FakeReply.json(status, out.toString());
  }

  private ObjectNode replyNode(int code, String message) {
    ObjectNode out = mapper.createObjectNode();
    out.put("error_code", code);
    out.put("message", message);
    return out;
  }

  private FakeReply reply(int code, String message) {
    return FakeReply.json(200, replyNode(code, message).toString());
  }

  /** Configures a {@link NationalPortalFake}. Not thread-safe. */
  public static final class Builder {
    private String unitCode = "000.00.31.H56";
    private String dstCode;
    private final Map<String, String> accounts = new LinkedHashMap<>();
    private String username = "motcua-adapter";
    private String password = "motcua-secret";
    private Duration sessionTtl = Duration.ofMinutes(30);
    private Clock clock = Clock.systemUTC();
    private int maxStepsPerCall = 10;
    private final Map<String, ObjectNode> procedures = new LinkedHashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();

    private Builder() {
      procedure("1.001193", "Đăng ký khai sinh", "HT", "Hộ tịch", 3);
      procedure("2.000908", "Chứng thực bản sao từ bản chính", "CT", "Chứng thực", 1);
      procedure("1.004227", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "XD", "Xây dựng", 15);
    }

    /**
     * Sets the unit code accepted at login and in every call.
     *
     * @param unitCode an agency code such as {@code 000.00.31.H56}
     * @return this builder
     */
    public Builder unitCode(String unitCode) {
      this.unitCode = Objects.requireNonNull(unitCode, "unitCode");
      return this;
    }

    /**
     * Sets the {@code dstcode} header expected at login and with every call, when it differs from
     * the unit code ({@code madonvi}); default the unit code.
     *
     * @param dstCode the code
     * @return this builder
     */
    public Builder dstCode(String dstCode) {
      this.dstCode = Objects.requireNonNull(dstCode, "dstCode");
      return this;
    }

    /**
     * Adds a national-portal account that {@code TraCuuTechID} finds by a personal ID or tax code.
     *
     * @param idNumberOrTaxCode the number sent as {@code mstorcmnd}
     * @param techId the account id answered as {@code TECHNICALID}
     * @return this builder
     */
    public Builder account(String idNumberOrTaxCode, String techId) {
      accounts.put(
          Objects.requireNonNull(idNumberOrTaxCode, "idNumberOrTaxCode"),
          Objects.requireNonNull(techId, "techId"));
      return this;
    }

    /**
     * Sets the adapter credentials.
     *
     * @param username the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String username, String password) {
      this.username = Objects.requireNonNull(username, "username");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets how long a session lives on the fake's clock (default 30 minutes).
     *
     * @param ttl the lifetime
     * @return this builder
     */
    public Builder sessionTtl(Duration ttl) {
      this.sessionTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Sets the fake's clock (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the largest number of processing steps accepted in one call (default 10).
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxStepsPerCall(int max) {
      this.maxStepsPerCall = max;
      return this;
    }

    /**
     * Adds a procedure to the catalogue ({@code LayThuTuc}, {@code LayDanhSachTTHC}).
     *
     * @param code the procedure code ({@code MaTTHC})
     * @param name the name ({@code TenTTHC})
     * @param fieldCode the field code ({@code MaLinhVuc})
     * @param fieldName the field name ({@code TenLinhVuc})
     * @param workingDays the processing time in working days ({@code ThoiHanGiaiQuyet})
     * @return this builder
     */
    public Builder procedure(
        String code, String name, String fieldCode, String fieldName, int workingDays) {
      ObjectNode p = mapper.createObjectNode();
      p.put("MATTHC", code);
      p.put("TENTTHC", name);
      ObjectNode field = p.putArray("LINHVUCTHUCHIEN").addObject();
      field.put("MALINHVUC", fieldCode);
      field.put("TENLINHVUC", fieldName);
      ObjectNode time =
          p.putArray("CACHTHUCTHUCHIEN")
              .addObject()
              .put("KENH", "1")
              .putArray("THOIGIAN")
              .addObject();
      time.put("THOIGIANGIAIQUYET", String.valueOf(workingDays));
      time.put("DONVITINH", "Ngày làm việc");
      procedures.put(code, p);
      return this;
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake
     */
    public NationalPortalFake start() {
      return new NationalPortalFake(this);
    }
  }
}
