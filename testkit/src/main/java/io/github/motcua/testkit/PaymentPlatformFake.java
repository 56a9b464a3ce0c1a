package io.github.motcua.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.motcua.testkit.internal.payment.FakeChecksums;
import io.github.motcua.testkit.internal.portal.FakeServer;
import io.github.motcua.testkit.internal.portal.FakeServer.FakeReply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * A stateful fake of the national portal's online payment platform (docs/domain.md §8) on a free
 * loopback port, written from public code that talks to the platform (not from motcua's client).
 *
 * <p>Endpoints (POST, JSON): {@value #INITIATE_PATH} takes an order ({@code LoaiBanTin} {@code
 * INIT}) and checks what public code sends: the version, the constants, the partner, the checksum
 * over the fourteen fields from {@code LoaiBanTin} to {@code Ip} ({@code ThongTinBienLai} is not
 * covered), the reference, amount and {@code yyyyMMddHHmmss} time, and {@code ThongTinBienLai} as a
 * JSON object with the payer, the content, {@code PhiLePhi} and {@code DSKhoanNop} summing to the
 * amount. It answers {@code {MaLoi: "00", UrlThanhToan}} or an error code: {@code 01} checksum,
 * {@code 02} partner, {@code 07} invalid data, {@code 08} reference used for another order. {@value
 * #QUERY_PATH} answers a status query ({@code QUERY}, checksum over {@code LoaiBanTin, PhienBan,
 * MaDoiTac, MaThamChieu, ThoiGianGD}, which must name the order's time) with {@code TrangThaiGD}
 * {@code 1} paid, {@code 3} pending, {@code 4} failed ({@code 09}: no such order); {@value
 * #BILL_PATH} returns the bill of a paid order ({@code GET_BILL}) as a PDF.
 *
 * <p>A test plays the payer: {@link #pay(String)} pays an order and returns the signed callback
 * (the same one on replay); {@link #payAndNotify(String)} pays and returns the callbacks the
 * platform sends now, under the callback faults set with {@link #callbackFault(CallbackFault,
 * double)} (dropped, sent twice, held back, or paid only after the partner gave the order up), and
 * {@link #releaseHeldCallbacks()} sends the held ones. {@link #forgedCallback(String)}, {@link
 * #callbackWithAmount(String, long)} and {@link #failedCallback(String, String)} return hostile or
 * failed callbacks; {@link #deliverCallback(Map, String)} POSTs one to the integrator's endpoint
 * and checks the reply, which echoes the callback's {@code ThoiGianGD} and {@code MaXacThuc}.
 * Network faults ({@link #inject(Fault)}) apply to every endpoint.
 *
 * <p>Recipes: {@link Builder#hmac(boolean)} signs with HMAC-SHA256 instead of SHA-256 with the key
 * appended; {@link Builder#opencps()} also uses OpenCPS's callback fields.
 *
 * <p>Thread-safe; no static state; close it to stop it.
 */
public final class PaymentPlatformFake implements AutoCloseable, FaultInjectable {

  /** The order endpoint's path. */
  public static final String INITIATE_PATH = "/api/thanhtoan/khoitao";

  /** The status query endpoint's path. */
  public static final String QUERY_PATH = "/api/thanhtoan/truyvan";

  /** The bill endpoint's path. */
  public static final String BILL_PATH = "/api/thanhtoan/bienlai";

  /** What happens to the callback of a payment made with {@link #payAndNotify(String)}. */
  public enum CallbackFault {
    /** The payment is made; its callback is lost. */
    DROP,
    /** The payment is made; its callback is sent twice. */
    DUPLICATE,
    /** The payment is made; its callback is held until {@link #releaseHeldCallbacks()}. */
    LATE,
    /**
     * The payer pays only at {@link #releaseHeldCallbacks()}: until then the order is pending, so
     * the partner may give it up; then the callback comes.
     */
    AFTER_EXPIRY
  }

  // The order's checksum covers these fields, in this order (DvcPaymentService.cs, PayGateUtil).
  private static final List<String> ORDER_FIELDS =
      List.of(
          "LoaiBanTin",
          "PhienBan",
          "MaDoiTac",
          "MaThamChieu",
          "SoTien",
          "LoaiHinhThanhToan",
          "MaKenhThanhToan",
          "MaThietBi",
          "NgonNgu",
          "MaTienTe",
          "MaNganHang",
          "ThongTinGiaoDich",
          "ThoiGianGD",
          "Ip");

  // ConfirmDvcPaymentCommandHandler.cs.
  private static final List<String> CALLBACK_FIELDS =
      List.of(
          "LoaiBanTin",
          "MaLoi",
          "MaDoiTac",
          "MaThamChieu",
          "SoTien",
          "MaTienTe",
          "MaGiaoDich",
          "MaNganHang",
          "ThoiGianGD",
          "ThongTinGiaoDich");

  // PayGateUtil.generateChecksum of a callback in OpenCPS: a trailing empty element.
  private static final List<String> OPENCPS_CALLBACK_FIELDS =
      List.of(
          "LoaiBanTin",
          "MaDoiTac",
          "MaThamChieu",
          "SoTien",
          "MaTienTe",
          "MaNganHang",
          "ThongTinGiaoDich",
          "ThoiGianGD",
          "");

  // CheckPaymentStatusRequest and BienLaiDvcPaymentRequest.
  private static final List<String> LOOKUP_FIELDS =
      List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "ThoiGianGD");

  private static final List<String> RECEIPT_TEXT_FIELDS =
      List.of(
          "MaDichVu",
          "MaDVC",
          "TenDVC",
          "MaTTHC",
          "TenTTHC",
          "MaDonVi",
          "TenDonVi",
          "MaHoSo",
          "TKThuHuong",
          "MaNHThuHuong",
          "TenTKThuHuong",
          "NoiDungThanhToan",
          "HoTenNguoiNop",
          "SoCMNDNguoiNop",
          "DiaChiNguoiNop");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
          .withZone(ZoneId.of("Asia/Ho_Chi_Minh"))
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  /**
   * An order as the fake holds it.
   *
   * @param fields the order's scalar fields as received, with {@code ThongTinBienLai} as JSON text
   * @param paid whether it was paid
   */
  public record Order(Map<String, String> fields, boolean paid) {

    /**
     * Returns the amount.
     *
     * @return {@code SoTien} in đồng
     */
    public long amount() {
      return Long.parseLong(fields.get("SoTien"));
    }
  }

  /**
   * The result of delivering a callback over HTTP.
   *
   * @param status the HTTP status of the integrator's reply
   * @param reply the reply's fields
   * @param replySignatureValid whether the reply is well formed: the partner, and the callback's
   *     {@code ThoiGianGD} and {@code MaXacThuc} echoed
   */
  public record CallbackDelivery(
      int status, Map<String, String> reply, boolean replySignatureValid) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final String partnerCode;
  private final String secretKey;
  private final boolean hmac;
  private final List<String> callbackFields;
  private final String version;
  private final Clock clock;
  private final Random random;
  private final Map<String, Map<String, String>> orders = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> paid = new LinkedHashMap<>();
  private final Map<String, String> failed = new LinkedHashMap<>();
  private final Map<String, CallbackFault> held = new LinkedHashMap<>();
  private final Map<CallbackFault, Double> faultShares =
      new java.util.EnumMap<>(CallbackFault.class);
  private final Map<CallbackFault, Long> faultCounts = new java.util.EnumMap<>(CallbackFault.class);
  private volatile boolean envelope;
  private final FakeServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PaymentPlatformFake(Builder b) {
    this.partnerCode = b.partnerCode;
    this.secretKey = b.secretKey;
    this.hmac = b.hmac;
    this.callbackFields = b.opencps ? OPENCPS_CALLBACK_FIELDS : CALLBACK_FIELDS;
    this.version = b.version;
    this.clock = b.clock;
    this.random = new Random(b.seed);
    this.server = new FakeServer("payment-platform-fake", this::handle, null, this::handle);
  }

  /**
   * Starts a fake with the default settings (partner {@code 000.00.31.H56}, key {@code
   * motcua-payment-key}, version {@code 1.0.6}, SHA-256 with the key appended, seed 1).
   *
   * @return the running fake
   */
  public static PaymentPlatformFake start() {
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
   * Returns the platform's base URL.
   *
   * @return for example {@code http://127.0.0.1:41234}
   */
  public String baseUrl() {
    return server.baseUrl();
  }

  /**
   * Returns the partner code the fake accepts.
   *
   * @return the code
   */
  public String partnerCode() {
    return partnerCode;
  }

  /**
   * Returns the partner's secret key.
   *
   * @return the key
   */
  public String secretKey() {
    return secretKey;
  }

  /**
   * Tells whether the fake uses HMAC-SHA256 rather than SHA-256 with the key appended.
   *
   * @return true for HMAC-SHA256
   */
  public boolean usesHmac() {
    return hmac;
  }

  /**
   * Wraps every answer in a gateway's envelope {@code {error_code: "0", message: "<answer as JSON
   * text>"}}, as public code behind a gateway reads it.
   *
   * @param on true to wrap
   */
  public void envelope(boolean on) {
    this.envelope = on;
  }

  /**
   * Returns an order the fake accepted.
   *
   * @param reference the reference
   * @return the order, empty when unknown
   */
  public synchronized Optional<Order> order(String reference) {
    Map<String, String> o = orders.get(reference);
    return o == null
        ? Optional.empty()
        : Optional.of(new Order(Map.copyOf(o), paid.containsKey(reference)));
  }

  /**
   * Returns the references of the orders paid so far, in the order they were paid.
   *
   * @return the references
   */
  public synchronized List<String> paidReferences() {
    return List.copyOf(paid.keySet());
  }

  /**
   * Returns how many orders the fake accepted.
   *
   * @return the count
   */
  public synchronized int orderCount() {
    return orders.size();
  }

  /**
   * Pays an order and returns the platform's signed success callback. Calling it again for the same
   * order returns the same callback, as a platform re-delivering it would. Callback faults do not
   * apply.
   *
   * @param reference the order reference
   * @return the callback fields, {@code MaXacThuc} last
   * @throws IllegalArgumentException when the fake has no such order
   */
  public synchronized Map<String, String> pay(String reference) {
    Map<String, String> order = requireOrder(reference);
    held.remove(reference);
    return paid.computeIfAbsent(
        reference,
        r ->
            callback(
                order, "00", order.get("SoTien"), "GD" + (100000000L + random.nextInt(900000000))));
  }

  /**
   * Makes a share of the payments made with {@link #payAndNotify(String)} suffer a callback fault,
   * drawn with the fake's seed. Shares of several faults add up (at most 1 in total).
   *
   * @param fault the fault
   * @param share from 0 (never) to 1 (always)
   */
  public synchronized void callbackFault(CallbackFault fault, double share) {
    Objects.requireNonNull(fault, "fault");
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("A share is between 0 and 1.");
    }
    faultShares.put(fault, share);
  }

  /**
   * Returns how often a callback fault struck.
   *
   * @param fault the fault
   * @return the count
   */
  public synchronized long callbackFaults(CallbackFault fault) {
    return faultCounts.getOrDefault(fault, 0L);
  }

  /**
   * The payer pays an order; returns the callbacks the platform sends now: one, or none when the
   * callback is dropped or held, or two identical ones when it is sent twice.
   *
   * @param reference the order reference
   * @return the callbacks, possibly empty
   * @throws IllegalArgumentException when the fake has no such order
   */
  public synchronized List<Map<String, String>> payAndNotify(String reference) {
    requireOrder(reference);
    CallbackFault fault = drawFault();
    if (fault != null) {
      faultCounts.merge(fault, 1L, Long::sum);
    }
    if (fault == CallbackFault.AFTER_EXPIRY) {
      held.put(reference, fault);
      return List.of();
    }
    Map<String, String> callback = pay(reference);
    if (fault == null) {
      return List.of(callback);
    }
    return switch (fault) {
      case DROP -> List.of();
      case DUPLICATE -> List.of(callback, callback);
      default -> {
        held.put(reference, fault);
        yield List.of();
      }
    };
  }

  /**
   * Sends the callbacks held back: late ones as they were signed, and for orders paid after their
   * expiry, the payment is made now and its callback sent.
   *
   * @return the callbacks, in the order they were held
   */
  public synchronized List<Map<String, String>> releaseHeldCallbacks() {
    List<Map<String, String>> out = new java.util.ArrayList<>();
    for (String reference : List.copyOf(held.keySet())) {
      out.add(pay(reference));
    }
    held.clear();
    return out;
  }

  private CallbackFault drawFault() {
    double draw = random.nextDouble();
    double sum = 0;
    for (Map.Entry<CallbackFault, Double> e : faultShares.entrySet()) {
      sum += e.getValue();
      if (draw < sum) {
        return e.getKey();
      }
    }
    return null;
  }

  /**
   * Returns a callback for an order signed with the wrong key (a forgery).
   *
   * @param reference the order reference
   * @return the callback fields
   */
  public synchronized Map<String, String> forgedCallback(String reference) {
    Map<String, String> c =
        new LinkedHashMap<>(
            callback(
                requireOrder(reference),
                "00",
                requireOrder(reference).get("SoTien"),
                "GD999999999"));
    c.put("MaXacThuc", FakeChecksums.compute(hmac, covered(callbackFields, c), secretKey + "-x"));
    return Collections.unmodifiableMap(c);
  }

  /**
   * Returns a correctly signed success callback whose amount differs from the order's.
   *
   * @param reference the order reference
   * @param amount the amount to report
   * @return the callback fields
   */
  public synchronized Map<String, String> callbackWithAmount(String reference, long amount) {
    return callback(requireOrder(reference), "00", Long.toString(amount), "GD888888888");
  }

  /**
   * Returns a correctly signed callback reporting a failed payment; a status query then reports the
   * order failed.
   *
   * @param reference the order reference
   * @param resultCode the failure code ({@code MaLoi}), not {@code 00}
   * @return the callback fields
   */
  public synchronized Map<String, String> failedCallback(String reference, String resultCode) {
    Map<String, String> order = requireOrder(reference);
    failed.put(reference, resultCode);
    return callback(order, resultCode, order.get("SoTien"), "GD777777777");
  }

  /**
   * Checks a reply to a callback as public code builds it: the partner, and the callback's {@code
   * ThoiGianGD} and {@code MaXacThuc} echoed back.
   *
   * @param callback the callback answered
   * @param reply the reply's fields
   * @return true when well formed
   */
  public boolean isValidReply(Map<String, String> callback, Map<String, String> reply) {
    return partnerCode.equals(reply.get("MaDoiTac"))
        && reply.get("MaLoi") != null
        && Objects.equals(callback.get("ThoiGianGD"), reply.get("ThoiGianGD"))
        && Objects.equals(callback.get("MaXacThuc"), reply.get("MaXacThuc"));
  }

  /**
   * POSTs a callback as JSON to the integrator's callback endpoint and reads the reply.
   *
   * @param callback the callback fields (from {@link #pay(String)} or a hostile variant)
   * @param url the integrator's endpoint
   * @return the delivery result
   * @throws IOException when the endpoint cannot be reached
   * @throws InterruptedException when interrupted
   */
  public CallbackDelivery deliverCallback(Map<String, String> callback, String url)
      throws IOException, InterruptedException {
    ObjectNode body = mapper.createObjectNode();
    callback.forEach(body::put);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Map<String, String> reply = new LinkedHashMap<>();
    try {
      JsonNode node = mapper.readTree(response.body());
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        reply.put(e.getKey(), e.getValue().asText());
      }
    } catch (IOException | RuntimeException e) {
      return new CallbackDelivery(response.statusCode(), Map.of(), false);
    }
    return new CallbackDelivery(response.statusCode(), reply, isValidReply(callback, reply));
  }

  /**
   * Applies a fault preset (see {@link Fault}) to every endpoint.
   *
   * @param fault the preset; not null
   */
  @Override
  public void inject(Fault fault) {
    server.faults().apply(java.util.Objects.requireNonNull(fault, "fault"));
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

  /** Removes every injected fault. */
  @Override
  public void clearFaults() {
    server.faults().clear();
  }

  /**
   * Sets how long a {@link PortalFault#TIMEOUT} holds a reply back (default 2 s).
   *
   * @param delay the delay
   */
  public void timeoutDelay(Duration delay) {
    server.timeoutDelay(Objects.requireNonNull(delay, "delay"));
  }

  /** Forgets every order, payment, callback fault and network fault. */
  public synchronized void reset() {
    orders.clear();
    paid.clear();
    failed.clear();
    held.clear();
    faultShares.clear();
    faultCounts.clear();
    envelope = false;
    clearFaults();
  }

  @Override
  public void close() {
    server.close();
  }

  private Map<String, String> requireOrder(String reference) {
    Map<String, String> order = orders.get(reference);
    if (order == null) {
      throw new IllegalArgumentException("The payment fake has no order with that reference.");
    }
    return order;
  }

  private static List<String> covered(List<String> names, Map<String, String> fields) {
    return names.stream().map(f -> fields.getOrDefault(f, "")).toList();
  }

  private Map<String, String> callback(
      Map<String, String> order, String code, String amount, String transaction) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("LoaiBanTin", "PAY");
    c.put("MaLoi", code);
    c.put("MaDoiTac", partnerCode);
    c.put("MaThamChieu", order.get("MaThamChieu"));
    c.put("SoTien", amount);
    c.put("MaTienTe", order.get("MaTienTe"));
    c.put("MaGiaoDich", transaction);
    c.put(
        "MaNganHang", "PAYMENT".equals(order.get("MaNganHang")) ? "NCB" : order.get("MaNganHang"));
    c.put("ThoiGianGD", TIME.format(clock.instant()));
    c.put("ThongTinGiaoDich", order.get("ThongTinGiaoDich"));
    c.put("MaXacThuc", FakeChecksums.compute(hmac, covered(callbackFields, c), secretKey));
    return Collections.unmodifiableMap(c);
  }

  private synchronized FakeReply handle(LoggedRequest request) {
    String method = request.getMethod().getName();
    String url = request.getUrl();
    boolean known = url.equals(INITIATE_PATH) || url.equals(QUERY_PATH) || url.equals(BILL_PATH);
    if (!known || !"POST".equals(method)) {
      ObjectNode out = mapper.createObjectNode();
      out.put("error", "not found");
      out.put(
          "message",
          FakeReply.noSuchResource(
              method,
              url,
              "POST " + INITIATE_PATH + ", POST " + QUERY_PATH + ", POST " + BILL_PATH));
      return FakeReply.json(404, out.toString());
    }
    JsonNode node;
    try {
      node = mapper.readTree(request.getBodyAsString());
    } catch (IOException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      return error("07", "Dữ liệu không hợp lệ");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isValueNode()) {
        fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
    }
    return switch (url) {
      case INITIATE_PATH -> initiate(node, fields);
      case QUERY_PATH -> lookup(fields, "QUERY", false);
      default -> lookup(fields, "GET_BILL", true);
    };
  }

  private FakeReply initiate(JsonNode node, Map<String, String> fields) {
    if (!"INIT".equals(fields.get("LoaiBanTin")) || !version.equals(fields.get("PhienBan"))) {
      return error("07", "Loại bản tin hoặc phiên bản không hợp lệ");
    }
    if (!partnerCode.equals(fields.get("MaDoiTac"))) {
      return error("02", "Đối tác không tồn tại");
    }
    if (!checksumOk(ORDER_FIELDS, fields)) {
      return error("01", "Sai mã xác thực");
    }
    for (String f : ORDER_FIELDS) {
      if (fields.getOrDefault(f, "").isBlank()) {
        return error("07", "Thiếu trường " + f);
      }
    }
    String reference = fields.get("MaThamChieu");
    if (!reference.matches("[A-Za-z0-9-]{1,50}")
        || !fields.get("SoTien").matches("[1-9]\\d{0,15}")
        || !validTime(fields.get("ThoiGianGD"))
        || !"PAY".equals(fields.get("LoaiHinhThanhToan"))
        || !"VND".equals(fields.get("MaTienTe"))
        || !List.of("vi-VN", "en-US").contains(fields.get("NgonNgu"))) {
      return error("07", "Dữ liệu không hợp lệ");
    }
    String receiptProblem = receiptProblem(node.get("ThongTinBienLai"), fields.get("SoTien"));
    if (receiptProblem != null) {
      return error("07", receiptProblem);
    }
    fields.put("ThongTinBienLai", node.get("ThongTinBienLai").toString());
    Map<String, String> earlier = orders.get(reference);
    if (earlier != null
        && (!earlier.get("SoTien").equals(fields.get("SoTien"))
            || !earlier.get("ThoiGianGD").equals(fields.get("ThoiGianGD")))) {
      return error("08", "Mã tham chiếu đã được sử dụng");
    }
    if (earlier == null) {
      orders.put(reference, Collections.unmodifiableMap(fields));
    }
    ObjectNode out = mapper.createObjectNode();
    out.put("MaLoi", "00");
    out.put("MoTaLoi", "Thành công");
    out.put("MaThamChieu", reference);
    out.put("UrlThanhToan", server.baseUrl() + "/thanhtoan/" + reference);
    return answer(out);
  }

  /** Why {@code ThongTinBienLai} is not what public code sends, or null. */
  private static String receiptProblem(JsonNode r, String amount) {
    if (r == null || !r.isObject()) {
      return "ThongTinBienLai phải là một đối tượng JSON";
    }
    for (String f : RECEIPT_TEXT_FIELDS) {
      if (!r.path(f).isTextual()) {
        return "ThongTinBienLai thiếu trường " + f;
      }
    }
    if (r.path("HoTenNguoiNop").asText().isBlank()
        || r.path("NoiDungThanhToan").asText().isBlank()
        || ("2".equals(r.path("MaDichVu").asText()) && r.path("MaHoSo").asText().isBlank())) {
      return "ThongTinBienLai thiếu người nộp, nội dung hoặc mã hồ sơ";
    }
    JsonNode fees = r.path("PhiLePhi");
    JsonNode items = r.path("DSKhoanNop");
    if (!fees.isArray() || !items.isArray() || items.isEmpty()) {
      return "ThongTinBienLai thiếu PhiLePhi hoặc DSKhoanNop";
    }
    for (JsonNode f : fees) {
      for (String k : List.of("LoaiPhiLePhi", "MaPhiLePhi", "TenPhiLePhi", "SoTien")) {
        if (!f.hasNonNull(k)) {
          return "PhiLePhi thiếu trường " + k;
        }
      }
    }
    long sum = 0;
    for (JsonNode i : items) {
      if (!i.path("NoiDung").isTextual() || !i.path("SoTien").asText("").matches("\\d{1,16}")) {
        return "DSKhoanNop không hợp lệ";
      }
      sum += Long.parseLong(i.path("SoTien").asText());
    }
    return Long.toString(sum).equals(amount) ? null : "DSKhoanNop không khớp SoTien";
  }

  private FakeReply lookup(Map<String, String> fields, String type, boolean bill) {
    if (!type.equals(fields.get("LoaiBanTin")) || !version.equals(fields.get("PhienBan"))) {
      return error("07", "Loại bản tin hoặc phiên bản không hợp lệ");
    }
    if (!partnerCode.equals(fields.get("MaDoiTac"))) {
      return error("02", "Đối tác không tồn tại");
    }
    if (!checksumOk(LOOKUP_FIELDS, fields)) {
      return error("01", "Sai mã xác thực");
    }
    String reference = fields.getOrDefault("MaThamChieu", "");
    Map<String, String> order = orders.get(reference);
    if (order == null || !order.get("ThoiGianGD").equals(fields.get("ThoiGianGD"))) {
      return error("09", "Không tìm thấy giao dịch");
    }
    Map<String, String> callback = paid.get(reference);
    if (bill) {
      if (callback == null) {
        return error("10", "Giao dịch chưa thanh toán");
      }
      return new FakeReply(200, billPdf(reference), Map.of("Content-Type", "application/pdf"));
    }
    ObjectNode out = mapper.createObjectNode();
    out.put("MaLoi", "00");
    out.put("MoTaLoi", "");
    out.put("LoaiBanTin", "QUERY");
    out.put("MaDoiTac", partnerCode);
    out.put("MaThamChieu", reference);
    out.put("SoTien", Long.parseLong(order.get("SoTien")));
    out.put("MaTienTe", order.get("MaTienTe"));
    out.put("ThongTinGiaoDich", order.get("ThongTinGiaoDich"));
    if (callback != null) {
      out.put("TrangThaiGD", "1");
      out.put("MaGiaoDich", callback.get("MaGiaoDich"));
      out.put("MaNganHang", callback.get("MaNganHang"));
      out.put("ThoiGianGD", callback.get("ThoiGianGD"));
    } else {
      out.put("TrangThaiGD", failed.containsKey(reference) ? "4" : "3");
    }
    return answer(out);
  }

  private static String billPdf(String reference) {
    String text = "BIEN LAI THANH TOAN " + reference;
    String stream = "BT /F1 12 Tf 40 780 Td (" + text + ") Tj ET";
    return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
        + "/Resources<</Font<</F1<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>>>>>>>endobj\n"
        + "4 0 obj<</Length "
        + stream.length()
        + ">>stream\n"
        + stream
        + "\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
  }

  private boolean checksumOk(List<String> names, Map<String, String> fields) {
    String received = fields.get("MaXacThuc");
    return received != null
        && FakeChecksums.compute(hmac, covered(names, fields), secretKey).equals(received);
  }

  private static boolean validTime(String t) {
    try {
      TIME.parse(t);
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  private FakeReply error(String code, String message) {
    ObjectNode out = mapper.createObjectNode();
    out.put("MaLoi", code);
    out.put("MoTaLoi", message);
    return answer(out);
  }

  private FakeReply answer(ObjectNode out) {
    if (!envelope) {
      return FakeReply.json(200, out.toString());
    }
    ObjectNode wrapped = mapper.createObjectNode();
    wrapped.put("error_code", "0");
    wrapped.put("message", out.toString());
    return FakeReply.json(200, wrapped.toString());
  }

  /** Configures a {@link PaymentPlatformFake}. Not thread-safe. */
  public static final class Builder {
    private String partnerCode = "000.00.31.H56";
    private String secretKey = "motcua-payment-key";
    private boolean hmac;
    private boolean opencps;
    private String version = "1.0.6";
    private Clock clock = Clock.systemUTC();
    private long seed = 1;

    private Builder() {}

    /**
     * Sets the partner account.
     *
     * @param partnerCode the partner code ({@code MaDoiTac})
     * @param secretKey the shared secret key
     * @return this builder
     */
    public Builder partner(String partnerCode, String secretKey) {
      this.partnerCode = Objects.requireNonNull(partnerCode, "partnerCode");
      this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
      return this;
    }

    /**
     * Uses HMAC-SHA256 instead of SHA-256 with the key appended.
     *
     * @param hmac true for HMAC-SHA256
     * @return this builder
     */
    public Builder hmac(boolean hmac) {
      this.hmac = hmac;
      return this;
    }

    /**
     * Uses OpenCPS's recipe: HMAC-SHA256, and a callback checksum over {@code LoaiBanTin, MaDoiTac,
     * MaThamChieu, SoTien, MaTienTe, MaNganHang, ThongTinGiaoDich, ThoiGianGD} and an empty field.
     *
     * @return this builder
     */
    public Builder opencps() {
      this.hmac = true;
      this.opencps = true;
      return this;
    }

    /**
     * Sets the version ({@code PhienBan}) the fake accepts (default {@code 1.0.6}).
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets the clock of callback times (default UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the seed of transaction ids.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Starts the fake on a free loopback port.
     *
     * @return the running fake
     */
    public PaymentPlatformFake start() {
      return new PaymentPlatformFake(this);
    }
  }
}
