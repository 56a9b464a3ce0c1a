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
 * loopback port.
 *
 * <p>{@code POST /api/thanhtoan/khoitao} takes an order (JSON fields {@code LoaiBanTin ...
 * ThongTinBienLai, MaXacThuc}), checks the partner code, the checksum, the 20-character reference,
 * the amount and the {@code yyyyMMddHHmmss} time, and answers {@code {MaLoi: "00", UrlThanhToan}}
 * ({@code 01} bad checksum, {@code 02} unknown partner, {@code 07} invalid data, {@code 08} the
 * reference was used for a different order). Re-sending the same order is accepted.
 *
 * <p>A test then plays the payer and the platform: {@link #pay(String)} marks an order paid and
 * returns the correctly signed callback (the same one each time it is called again: a replay);
 * {@link #forgedCallback(String)}, {@link #callbackWithAmount(String, long)} and {@link
 * #failedCallback(String, String)} return hostile or failed ones; {@link #deliverCallback(Map,
 * String)} POSTs a callback to the integrator's endpoint and checks the signed reply; {@link
 * #isValidReply(Map)} checks a reply built in-process. The checksum is computed by the fake's own
 * code, not the client's.
 *
 * <p>Thread-safe; no static state; close it to stop it.
 */
public final class PaymentPlatformFake implements AutoCloseable, FaultInjectable {

  /** The order endpoint's path. */
  public static final String INITIATE_PATH = "/api/thanhtoan/khoitao";

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
          "Ip",
          "ThongTinBienLai");

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

  private static final List<String> REPLY_FIELDS =
      List.of("MaLoi", "MaDoiTac", "MaThamChieu", "ThoiGian");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  /**
   * An order as the fake holds it.
   *
   * @param fields the order's fields as received
   * @param paid whether {@link #pay(String)} was called for it
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
   * @param replySignatureValid whether the reply's checksum verified
   */
  public record CallbackDelivery(
      int status, Map<String, String> reply, boolean replySignatureValid) {}

  private final ObjectMapper mapper = new ObjectMapper();
  private final String partnerCode;
  private final String secretKey;
  private final boolean hmac;
  private final Clock clock;
  private final Random random;
  private final Map<String, Map<String, String>> orders = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> paid = new LinkedHashMap<>();
  private final FakeServer server;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private PaymentPlatformFake(Builder b) {
    this.partnerCode = b.partnerCode;
    this.secretKey = b.secretKey;
    this.hmac = b.hmac;
    this.clock = b.clock;
    this.random = new Random(b.seed);
    this.server = new FakeServer("payment-platform-fake", this::handle, null, this::handle);
  }

  /**
   * Starts a fake with the default settings (partner {@code 000.00.31.H56}, key {@code
   * motcua-payment-key}, SHA-256 with the key appended, seed 1).
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
   * Pays an order and returns the platform's signed success callback. Calling it again for the same
   * order returns the same callback, as a platform re-delivering it would.
   *
   * @param reference the order reference
   * @return the callback fields, {@code MaXacThuc} last
   * @throws IllegalArgumentException when the fake has no such order
   */
  public synchronized Map<String, String> pay(String reference) {
    Map<String, String> order = requireOrder(reference);
    return paid.computeIfAbsent(
        reference,
        r ->
            callback(
                order, "00", order.get("SoTien"), "GD" + (100000000L + random.nextInt(900000000))));
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
    List<String> covered = CALLBACK_FIELDS.stream().map(f -> c.getOrDefault(f, "")).toList();
    c.put("MaXacThuc", FakeChecksums.compute(hmac, covered, secretKey + "-forged"));
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
   * Returns a correctly signed callback reporting a failed payment.
   *
   * @param reference the order reference
   * @param resultCode the failure code ({@code MaLoi}), not {@code 00}
   * @return the callback fields
   */
  public synchronized Map<String, String> failedCallback(String reference, String resultCode) {
    Map<String, String> order = requireOrder(reference);
    return callback(order, resultCode, order.get("SoTien"), "GD777777777");
  }

  /**
   * Checks a reply to a callback: its checksum over {@code MaLoi|MaDoiTac|MaThamChieu|ThoiGian}.
   *
   * @param reply the reply's fields
   * @return true when the checksum verifies and the partner code matches
   */
  public boolean isValidReply(Map<String, String> reply) {
    String received = reply.get("MaXacThuc");
    if (received == null || !partnerCode.equals(reply.get("MaDoiTac"))) {
      return false;
    }
    List<String> covered = REPLY_FIELDS.stream().map(f -> reply.getOrDefault(f, "")).toList();
    return FakeChecksums.compute(hmac, covered, secretKey).equals(received);
  }

  /**
   * POSTs a callback as JSON to the integrator's callback endpoint and reads the signed reply.
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
    return new CallbackDelivery(response.statusCode(), reply, isValidReply(reply));
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

  /** Forgets every order and fault. */
  public synchronized void reset() {
    orders.clear();
    paid.clear();
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

  private Map<String, String> callback(
      Map<String, String> order, String code, String amount, String transaction) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("LoaiBanTin", "2");
    c.put("MaLoi", code);
    c.put("MaDoiTac", partnerCode);
    c.put("MaThamChieu", order.get("MaThamChieu"));
    c.put("SoTien", amount);
    c.put("MaTienTe", order.get("MaTienTe"));
    c.put("MaGiaoDich", transaction);
    c.put("MaNganHang", order.get("MaNganHang").isEmpty() ? "NCB" : order.get("MaNganHang"));
    c.put("ThoiGianGD", TIME.format(clock.instant()));
    c.put("ThongTinGiaoDich", order.get("ThongTinGiaoDich"));
    List<String> covered = CALLBACK_FIELDS.stream().map(f -> c.getOrDefault(f, "")).toList();
    c.put("MaXacThuc", FakeChecksums.compute(hmac, covered, secretKey));
    return Collections.unmodifiableMap(c);
  }

  private synchronized FakeReply handle(LoggedRequest request) {
    String method = request.getMethod().getName();
    if (!request.getUrl().equals(INITIATE_PATH) || !"POST".equals(method)) {
      ObjectNode out = mapper.createObjectNode();
      out.put("error", "not found");
      out.put(
          "message", FakeReply.noSuchResource(method, request.getUrl(), "POST " + INITIATE_PATH));
      return FakeReply.json(404, out.toString());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    try {
      JsonNode node = mapper.readTree(request.getBodyAsString());
      if (node == null || !node.isObject()) {
        return reply("07", "Dữ liệu không hợp lệ", null);
      }
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
      }
    } catch (IOException e) {
      return reply("07", "Dữ liệu không hợp lệ", null);
    }
    if (!partnerCode.equals(fields.get("MaDoiTac"))) {
      return reply("02", "Đối tác không tồn tại", null);
    }
    List<String> covered = ORDER_FIELDS.stream().map(f -> fields.getOrDefault(f, "")).toList();
    if (!FakeChecksums.compute(hmac, covered, secretKey).equals(fields.get("MaXacThuc"))) {
      return reply("01", "Sai mã xác thực", null);
    }
    String reference = fields.getOrDefault("MaThamChieu", "");
    if (!reference.matches("[A-Za-z0-9]{20}")
        || !fields.getOrDefault("SoTien", "").matches("[1-9]\\d{0,15}")
        || !fields.getOrDefault("ThoiGianGD", "").matches("\\d{14}")
        || !"VND".equals(fields.get("MaTienTe"))) {
      return reply("07", "Dữ liệu không hợp lệ", null);
    }
    Map<String, String> earlier = orders.get(reference);
    if (earlier != null && !earlier.get("SoTien").equals(fields.get("SoTien"))) {
      return reply("08", "Mã tham chiếu đã được sử dụng", null);
    }
    if (earlier == null) {
      orders.put(reference, Collections.unmodifiableMap(fields));
    }
    return reply("00", "Thành công", reference);
  }

  private FakeReply reply(String code, String message, String reference) {
    ObjectNode out = mapper.createObjectNode();
    out.put("MaLoi", code);
    out.put("MoTaLoi", message);
    if (reference != null) {
      out.put("MaThamChieu", reference);
      out.put("UrlThanhToan", server.baseUrl() + "/thanhtoan/" + reference);
    }
    return FakeReply.json(200, out.toString());
  }

  /** Configures a {@link PaymentPlatformFake}. Not thread-safe. */
  public static final class Builder {
    private String partnerCode = "000.00.31.H56";
    private String secretKey = "motcua-payment-key";
    private boolean hmac;
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
