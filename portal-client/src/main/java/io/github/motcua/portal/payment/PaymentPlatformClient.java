package io.github.motcua.portal.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.PortalConfigurationException;
import io.github.motcua.portal.PortalProtocolException;
import io.github.motcua.portal.PortalRejectedException;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.internal.PortalHttp;
import io.github.motcua.portal.internal.Reply;
import io.github.motcua.portal.internal.VietnamTime;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A client of the online payment platform of the National Public Service Portal (nền tảng thanh
 * toán trực tuyến): initiates payments of a dossier's fees and verifies the platform's callbacks.
 *
 * <p>Messages follow docs/domain.md §8. An order carries {@code LoaiBanTin, PhienBan, MaDoiTac,
 * MaThamChieu, SoTien, LoaiHinhThanhToan, MaKenhThanhToan, MaThietBi, NgonNgu, MaTienTe,
 * MaNganHang, ThongTinGiaoDich, ThoiGianGD, Ip, ThongTinBienLai} and the checksum {@code MaXacThuc}
 * over those fields in that order. A callback's checksum covers {@code LoaiBanTin, MaLoi, MaDoiTac,
 * MaThamChieu, SoTien, MaTienTe, MaGiaoDich, MaNganHang, ThoiGianGD, ThongTinGiaoDich}. The
 * checksum variant is a {@link ChecksumScheme}.
 *
 * <p>{@link #verifyCallback(Map)} never trusts a callback whose checksum is missing or wrong
 * (compared in constant time), whose partner, reference, amount or currency does not match an order
 * this client initiated, or that reports another transaction for an order already paid. A callback
 * repeated for the same transaction gives an equal {@link PaymentConfirmation}.
 *
 * <p>Thread-safe; build one per partner account and share it.
 *
 * <pre>{@code
 * PaymentPlatformClient payments = PaymentPlatformClient.builder()
 *     .baseUrl("https://thanhtoan.example.gov.vn")
 *     .partnerCode("000.00.31.H56").secretKey(secret)
 *     .build();
 * PaymentInitiation started = payments.initiate(PaymentRequest.of(
 *     payments.newReference(), dossierCode, List.of(FeeItem.of("LP01", "Lệ phí", 50_000)),
 *     Payer.named(applicantName), "Nop le phi ho so"));
 * // redirect the payer to started.paymentUrl(); later, on the callback:
 * PaymentConfirmation paid = payments.verifyCallback(callbackFields);
 * }</pre>
 */
public final class PaymentPlatformClient {

  /** The fields of an order covered by its checksum, in order. */
  public static final List<String> ORDER_CHECKSUM_FIELDS =
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

  /** The fields of a callback covered by its checksum, in order. */
  public static final List<String> CALLBACK_CHECKSUM_FIELDS =
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

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl baseUrl;
  private final String partnerCode;
  private final String secretKey;
  private final ChecksumScheme scheme;
  private final PaymentPlatformProfile profile;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final PaymentOrderStore store;
  private final PortalHttp http;
  private final SecureRandom random = new SecureRandom();

  private PaymentPlatformClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.partnerCode = b.partnerCode;
    this.secretKey = b.secretKey;
    this.scheme = b.scheme;
    this.profile = b.profile;
    this.mapper = b.mapper;
    this.clock = b.clock;
    this.store = b.store;
    this.http = new PortalHttp("payment", b.okHttp, b.retryPolicy, b.clock);
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
   * Makes a fresh 20-character order reference: the current time as {@code yyyyMMddHHmmss} in
   * Vietnam time followed by six random digits.
   *
   * @return a reference such as {@code 20250815093012483920}
   */
  public String newReference() {
    int suffix;
    synchronized (random) {
      suffix = random.nextInt(1_000_000);
    }
    return VietnamTime.format(clock.instant()) + String.format("%06d", suffix);
  }

  /**
   * Sends a payment order and returns where to send the payer. The order is remembered (in the
   * {@link PaymentOrderStore}) before it is sent, so that its callback can be verified. Repeating
   * the call with the same order is safe: the platform sees the same reference.
   *
   * @param order the order
   * @return the payment page and the order time
   * @throws io.github.motcua.portal.PortalRejectedException when the platform refuses the order
   *     (code {@code payment.rejected}, the platform's {@code MaLoi} as remote code)
   * @throws io.github.motcua.portal.PortalUnavailableException when the platform cannot be reached
   * @throws PortalProtocolException when the reply cannot be read
   */
  public PaymentInitiation initiate(PaymentRequest order) {
    Objects.requireNonNull(order, "order");
    Instant requestedAt = clock.instant();
    Map<String, String> fields = orderFields(order, requestedAt);
    ObjectNode body = mapper.createObjectNode();
    fields.forEach(body::put);
    String json = write(body);
    store.save(order);
    HttpUrl url = resolve(profile.initiatePath());
    return http.execute(
        "payment order",
        true,
        attempt -> {
          Reply reply =
              http.send(
                  new Request.Builder()
                      .url(url)
                      .header(PortalHttp.IDEMPOTENCY_KEY, order.reference())
                      .post(RequestBody.create(json, JSON))
                      .build());
          JsonNode node = parse(reply);
          String code = node.path("MaLoi").asText("");
          if (!profile.successCode().equals(code)) {
            throw new PortalRejectedException(
                "payment.rejected",
                "The payment platform refused the order: "
                    + node.path("MoTaLoi").asText("no description"),
                reply.status(),
                code.isEmpty() ? null : code,
                reply.requestId());
          }
          String page = node.path("UrlThanhToan").asText("");
          if (page.isEmpty()) {
            throw new PortalProtocolException(
                "portal.protocol.payment-url",
                "The payment platform's reply has no UrlThanhToan.",
                reply.status(),
                reply.requestId(),
                null);
          }
          try {
            return new PaymentInitiation(order.reference(), URI.create(page), requestedAt);
          } catch (IllegalArgumentException e) {
            throw new PortalProtocolException(
                "portal.protocol.payment-url",
                "The payment platform's UrlThanhToan is not a URL.",
                reply.status(),
                reply.requestId(),
                e);
          }
        });
  }

  /**
   * Returns the fields of an order, checksum included, in the order they are sent.
   *
   * @param order the order
   * @param requestedAt the order time ({@code ThoiGianGD})
   * @return the fields, {@code MaXacThuc} last
   */
  public Map<String, String> orderFields(PaymentRequest order, Instant requestedAt) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("LoaiBanTin", profile.orderMessageType());
    fields.put("PhienBan", profile.version());
    fields.put("MaDoiTac", partnerCode);
    fields.put("MaThamChieu", order.reference());
    fields.put("SoTien", Long.toString(order.amount().amount()));
    fields.put("LoaiHinhThanhToan", profile.paymentKind());
    fields.put("MaKenhThanhToan", profile.channelCode());
    fields.put("MaThietBi", profile.deviceCode());
    fields.put("NgonNgu", profile.language());
    fields.put("MaTienTe", profile.currency());
    fields.put("MaNganHang", order.bankCode() == null ? "" : order.bankCode());
    fields.put("ThongTinGiaoDich", order.description());
    fields.put("ThoiGianGD", VietnamTime.format(requestedAt));
    fields.put("Ip", order.payerIp() == null ? "" : order.payerIp());
    fields.put("ThongTinBienLai", receiptInformation(order));
    fields.put("MaXacThuc", scheme.compute(List.copyOf(fields.values()), secretKey));
    return fields;
  }

  private String receiptInformation(PaymentRequest order) {
    ObjectNode receipt = mapper.createObjectNode();
    receipt.put("MaHoSo", order.dossierCode().value());
    receipt.put("NguoiNop", order.payer().name());
    order.payer().optionalPersonalId().ifPresent(id -> receipt.put("SoDinhDanh", id.value()));
    order.payer().optionalTaxCode().ifPresent(t -> receipt.put("MaSoThue", t.value()));
    if (order.payer().address() != null) {
      receipt.put("DiaChi", order.payer().address());
    }
    ArrayNode items = receipt.putArray("DanhSachPhiLePhi");
    for (FeeItem item : order.items()) {
      ObjectNode n = items.addObject();
      n.put("MaPhiLePhi", item.code());
      n.put("TenPhiLePhi", item.name());
      n.put("SoTien", item.amount().amount());
    }
    receipt.put("TongTien", order.amount().amount());
    return write(receipt);
  }

  /**
   * Verifies a payment callback given as a JSON object of string fields.
   *
   * @param json the callback body
   * @return the confirmation
   * @throws PaymentException with code {@code payment.callback.format} when the body is not a JSON
   *     object, or any code of {@link #verifyCallback(Map)}
   */
  public PaymentConfirmation verifyCallback(String json) {
    JsonNode node;
    try {
      node = json == null ? null : mapper.readTree(json);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new PaymentException(
          "payment.callback.format", "A payment callback is a JSON object of fields.");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isValueNode() && !e.getValue().isNull()) {
        fields.put(e.getKey(), e.getValue().asText());
      }
    }
    return verifyCallback(fields);
  }

  /**
   * Verifies a payment callback: checksum first, then partner, order, amount and currency.
   *
   * @param callback the callback's fields (form or JSON), by name
   * @return the confirmation; {@link PaymentConfirmation#successful()} tells whether the payer
   *     paid. A repeated callback of the same transaction returns an equal confirmation.
   * @throws PaymentException with code {@code payment.callback.field} (a required field missing or
   *     malformed), {@code payment.callback.checksum-missing}, {@code payment.callback.checksum},
   *     {@code payment.callback.partner}, {@code payment.callback.unknown-reference}, {@code
   *     payment.callback.amount}, {@code payment.callback.currency} or {@code
   *     payment.callback.already-paid}
   */
  public PaymentConfirmation verifyCallback(Map<String, String> callback) {
    Objects.requireNonNull(callback, "callback");
    String checksum = callback.get("MaXacThuc");
    if (checksum == null || checksum.isBlank()) {
      throw new PaymentException(
          "payment.callback.checksum-missing", "The payment callback carries no MaXacThuc.");
    }
    for (String name : List.of("MaLoi", "MaDoiTac", "MaThamChieu", "SoTien", "MaGiaoDich")) {
      String v = callback.get(name);
      if (v == null || v.isBlank()) {
        throw new PaymentException(
            "payment.callback.field", "The payment callback lacks the field " + name + ".");
      }
    }
    List<String> covered = new ArrayList<>();
    for (String name : CALLBACK_CHECKSUM_FIELDS) {
      covered.add(callback.getOrDefault(name, ""));
    }
    if (!scheme.verify(covered, secretKey, checksum)) {
      throw new PaymentException(
          "payment.callback.checksum",
          "The payment callback's checksum does not verify; it was not sent by the platform or was"
              + " altered.");
    }
    if (!partnerCode.equals(callback.get("MaDoiTac"))) {
      throw new PaymentException(
          "payment.callback.partner", "The payment callback is addressed to another partner.");
    }
    String reference = callback.get("MaThamChieu");
    PaymentRequest order =
        store
            .find(reference)
            .orElseThrow(
                () ->
                    new PaymentException(
                        "payment.callback.unknown-reference",
                        "The payment callback names an order this client did not initiate."));
    long amount;
    try {
      amount = Long.parseLong(callback.get("SoTien").strip());
    } catch (NumberFormatException e) {
      throw new PaymentException(
          "payment.callback.field", "The payment callback's SoTien is not a whole number.");
    }
    if (amount != order.amount().amount()) {
      throw new PaymentException(
          "payment.callback.amount",
          "The payment callback's amount differs from the order's amount.");
    }
    if (!profile.currency().equals(callback.getOrDefault("MaTienTe", ""))) {
      throw new PaymentException(
          "payment.callback.currency", "The payment callback's currency differs from the order's.");
    }
    Instant paidAt;
    try {
      paidAt = VietnamTime.parse(callback.getOrDefault("ThoiGianGD", ""));
    } catch (DateTimeException e) {
      throw new PaymentException(
          "payment.callback.field", "The payment callback's ThoiGianGD is not yyyyMMddHHmmss.");
    }
    String resultCode = callback.get("MaLoi");
    PaymentConfirmation confirmation =
        new PaymentConfirmation(
            reference,
            callback.get("MaGiaoDich"),
            Vnd.of(amount),
            callback.getOrDefault("MaNganHang", ""),
            paidAt,
            resultCode,
            profile.successCode().equals(resultCode));
    if (!confirmation.successful()) {
      return confirmation;
    }
    PaymentConfirmation recorded = store.confirm(confirmation);
    if (!recorded.transactionId().equals(confirmation.transactionId())) {
      throw new PaymentException(
          "payment.callback.already-paid",
          "The order was already paid by another transaction; refund or investigate this one.");
    }
    return recorded;
  }

  /**
   * Builds the signed reply accepting a verified callback.
   *
   * @param confirmation the verified confirmation
   * @return the reply, {@code MaLoi} {@code 00}
   */
  public CallbackReply callbackReply(PaymentConfirmation confirmation) {
    return reply(profile.successCode(), "Thanh cong", confirmation.reference());
  }

  /**
   * Builds the signed reply refusing a callback.
   *
   * @param refusal why {@link #verifyCallback(Map)} refused it
   * @param callback the refused callback's fields (for its reference), may be empty
   * @return the reply, with {@code MaLoi} {@code 01} (checksum), {@code 02} (unknown order), {@code
   *     03} (amount or currency), {@code 04} (partner), {@code 05} (already paid) or {@code 99}
   *     (malformed); these codes are assumptions documented in the README
   */
  public CallbackReply callbackReply(PaymentException refusal, Map<String, String> callback) {
    String code =
        switch (refusal.code()) {
          case "payment.callback.checksum", "payment.callback.checksum-missing" -> "01";
          case "payment.callback.unknown-reference" -> "02";
          case "payment.callback.amount", "payment.callback.currency" -> "03";
          case "payment.callback.partner" -> "04";
          case "payment.callback.already-paid" -> "05";
          default -> "99";
        };
    String reference = callback == null ? "" : callback.getOrDefault("MaThamChieu", "");
    return reply(code, refusal.code(), reference);
  }

  private CallbackReply reply(String code, String description, String reference) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MaLoi", code);
    fields.put("MoTaLoi", description);
    fields.put("MaDoiTac", partnerCode);
    fields.put("MaThamChieu", reference);
    fields.put("ThoiGian", VietnamTime.format(clock.instant()));
    List<String> covered = new ArrayList<>();
    for (String name : profile.replyChecksumFields()) {
      covered.add(fields.getOrDefault(name, ""));
    }
    fields.put("MaXacThuc", scheme.compute(covered, secretKey));
    ObjectNode node = mapper.createObjectNode();
    fields.forEach(node::put);
    return new CallbackReply(fields, write(node));
  }

  /**
   * Returns the order this client initiated under a reference.
   *
   * @param reference the reference
   * @return the order, when known to the store
   */
  public Optional<PaymentRequest> order(String reference) {
    return store.find(reference);
  }

  /**
   * Returns the checksum scheme in use.
   *
   * @return the scheme
   */
  public ChecksumScheme checksumScheme() {
    return scheme;
  }

  private HttpUrl resolve(String path) {
    return io.github.motcua.portal.internal.Urls.resolve(baseUrl, path, "payment.profile");
  }

  private JsonNode parse(Reply reply) {
    try {
      JsonNode node = mapper.readTree(reply.body());
      if (node == null || !node.isObject()) {
        throw new PortalProtocolException(
            "portal.protocol",
            "The payment platform's reply is not a JSON object.",
            reply.status(),
            reply.requestId(),
            null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new PortalProtocolException(
          "portal.protocol",
          "The payment platform's reply is not JSON.",
          reply.status(),
          reply.requestId(),
          null);
    }
  }

  private String write(JsonNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A JSON tree could not be written", e);
    }
  }

  @Override
  public String toString() {
    return "PaymentPlatformClient[" + baseUrl + ", partner " + partnerCode + ", " + scheme + "]";
  }

  /** Builds a {@link PaymentPlatformClient}. Not thread-safe. */
  public static final class Builder {
    private HttpUrl baseUrl;
    private String partnerCode;
    private String secretKey;
    private ChecksumScheme scheme = ChecksumScheme.SHA256_WITH_KEY;
    private PaymentPlatformProfile profile = PaymentPlatformProfile.defaults();
    private OkHttpClient okHttp;
    private ObjectMapper mapper;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private PaymentOrderStore store;

    private Builder() {}

    /**
     * Sets the platform's base URL (required).
     *
     * @param baseUrl an http or https URL
     * @return this builder
     */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = io.github.motcua.portal.internal.Urls.base(baseUrl, "payment.base-url");
      return this;
    }

    /**
     * Sets the partner code ({@code MaDoiTac}) issued by the platform (required).
     *
     * @param partnerCode the code
     * @return this builder
     */
    public Builder partnerCode(String partnerCode) {
      this.partnerCode = partnerCode;
      return this;
    }

    /**
     * Sets the partner's secret key (required). It is never logged.
     *
     * @param secretKey the key
     * @return this builder
     */
    public Builder secretKey(String secretKey) {
      this.secretKey = secretKey;
      return this;
    }

    /**
     * Sets the checksum variant; default {@link ChecksumScheme#SHA256_WITH_KEY}.
     *
     * @param scheme the scheme
     * @return this builder
     */
    public Builder checksumScheme(ChecksumScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * Sets the profile; default {@link PaymentPlatformProfile#defaults()}.
     *
     * @param profile the profile
     * @return this builder
     */
    public Builder profile(PaymentPlatformProfile profile) {
      this.profile = Objects.requireNonNull(profile, "profile");
      return this;
    }

    /**
     * Sets the HTTP client to derive from (its connection pool and interceptors are shared).
     *
     * @param okHttp the client; default a new one
     * @return this builder
     */
    public Builder okHttpClient(OkHttpClient okHttp) {
      this.okHttp = Objects.requireNonNull(okHttp, "okHttp");
      return this;
    }

    /**
     * Sets the JSON mapper; default a plain {@link ObjectMapper}.
     *
     * @param mapper the mapper
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.mapper = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * Sets the clock for order times and retry budgets; default UTC system clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the retry policy; default {@link RetryPolicy#defaults()}.
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets where orders and confirmations are remembered; default {@link
     * PaymentOrderStore#inMemory()}.
     *
     * @param store the store
     * @return this builder
     */
    public Builder orderStore(PaymentOrderStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws PortalConfigurationException naming the first missing setting ({@code
     *     payment.base-url}, {@code payment.partner-code}, {@code payment.secret-key})
     */
    public PaymentPlatformClient build() {
      if (baseUrl == null) {
        throw new PortalConfigurationException(
            "payment.base-url", "The payment platform's base URL is required.");
      }
      if (partnerCode == null || partnerCode.isBlank() || partnerCode.contains("|")) {
        throw new PortalConfigurationException(
            "payment.partner-code", "The partner code (MaDoiTac) is required, without '|'.");
      }
      if (secretKey == null || secretKey.isEmpty()) {
        throw new PortalConfigurationException(
            "payment.secret-key", "The partner's secret key is required.");
      }
      if (okHttp == null) {
        okHttp = new OkHttpClient();
      }
      if (mapper == null) {
        mapper = new ObjectMapper();
      }
      if (store == null) {
        store = PaymentOrderStore.inMemory();
      }
      return new PaymentPlatformClient(this);
    }
  }
}
