package io.github.motcua.portal.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.money.Vnd;
import io.github.motcua.portal.RetryPolicy;
import io.github.motcua.portal.internal.Failures;
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
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A client of the online payment platform of the National Public Service Portal (nền tảng thanh
 * toán trực tuyến): sends orders for a dossier's fees, verifies the platform's callbacks, asks the
 * platform what became of an order and fetches its bill.
 *
 * <p>Messages follow docs/domain.md §8 and the {@link PaymentPlatformProfile}: an order carries
 * {@code LoaiBanTin, PhienBan, MaDoiTac, MaThamChieu, SoTien, LoaiHinhThanhToan, MaKenhThanhToan,
 * MaThietBi, NgonNgu, MaTienTe, MaNganHang, ThongTinGiaoDich, ThoiGianGD, Ip}, the object {@code
 * ThongTinBienLai} and the checksum {@code MaXacThuc} over the profile's order fields; callbacks,
 * status queries and bill requests are signed by the profile's recipes as well.
 *
 * <p>Every order is saved in the {@link PaymentOrderStore} before it is sent: a callback is checked
 * against it even after a restart or in another instance sharing the store. {@link
 * #verifyCallback(Map)} never trusts a callback whose checksum is missing or wrong (compared in
 * constant time), whose partner, reference, amount or currency does not match a stored order, that
 * reports another transaction for an order already paid, or that pays an order the reconciler gave
 * up. An order is settled once, by the first verified callback or by the {@link PaymentReconciler};
 * a repeat gives an equal {@link PaymentConfirmation}.
 *
 * <p>Thread-safe; build one per partner account and share it.
 *
 * <pre>{@code
 * PaymentPlatformClient payments = PaymentPlatformClient.builder()
 *     .baseUrl("https://thanhtoan.example.gov.vn")
 *     .partnerCode("000.00.31.H56").secretKey(secret)
 *     .dataSource(dataSource)                          // orders survive restarts
 *     .build();
 * PaymentInitiation started = payments.initiate(PaymentRequest.of(
 *     payments.newReference(), dossierCode, List.of(Fee.charge("LP01", "Lệ phí", Vnd.of(50_000))),
 *     Payer.named(applicantName), "Nop le phi ho so"));
 * // redirect the payer to started.paymentUrl(); later, on the callback:
 * CallbackOutcome outcome = payments.handleCallback(callbackFields);
 * // answer outcome.reply().json(); issue the receipt when outcome.settledNow()
 * }</pre>
 */
public final class PaymentPlatformClient {

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private final HttpUrl baseUrl;
  private final String partnerCode;
  private final String secretKey;
  private final PaymentPlatformProfile profile;
  private final ChecksumScheme scheme;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final PaymentOrderStore store;
  private final PortalHttp http;
  private final String ipAddress;
  private final ReceiptDetails receiptDefaults;
  private final PaymentSettlementListener listener;
  private final SecureRandom random = new SecureRandom();

  private PaymentPlatformClient(Builder b) {
    this.baseUrl = b.baseUrl;
    this.partnerCode = b.partnerCode;
    this.secretKey = b.secretKey;
    this.profile = b.profile;
    this.scheme = b.profile.checksumScheme();
    this.mapper = b.mapper;
    this.clock = b.clock;
    this.store = b.store;
    this.ipAddress = b.ipAddress;
    this.receiptDefaults = b.receiptDefaults;
    this.listener = b.listener;
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
   * Sends a payment order and returns where to send the payer. The order is saved in the {@link
   * PaymentOrderStore} before it is sent. Repeating the call with the same order is safe: the
   * platform sees the same reference and order time.
   *
   * @param order the order
   * @return the payment page and the order time
   * @throws InvalidInputException with code {@code payment.reference-reused} when another order was
   *     sent under that reference
   * @throws io.github.motcua.core.InvalidInputException when the platform refuses the order (code
   *     {@code payment.rejected}, the platform's {@code MaLoi} as remote code)
   * @throws io.github.motcua.core.RetryLaterException when the platform cannot be reached
   * @throws RetryLaterException when the reply cannot be read
   */
  public PaymentInitiation initiate(PaymentRequest order) {
    Objects.requireNonNull(order, "order");
    PaymentOrder stored = store.save(PaymentOrder.open(order, clock.instant()));
    PaymentRequest earlier = stored.request();
    if (!earlier.dossierCode().equals(order.dossierCode())
        || !earlier.amount().equals(order.amount())) {
      throw new InvalidInputException(
          "payment.reference-reused",
          "Another order (other dossier or amount) was sent under this reference.");
    }
    Instant requestedAt = stored.requestedAt();
    String json = orderJson(order, requestedAt);
    HttpUrl url = resolve(profile.initiatePath());
    return http.execute(
        "payment order",
        true,
        attempt -> {
          Reply reply = post(url, json, order.reference());
          JsonNode node = answer(reply, "payment.rejected", "order");
          String page = node.path("UrlThanhToan").asText("");
          try {
            if (page.isEmpty()) {
              throw new IllegalArgumentException("no UrlThanhToan");
            }
            return new PaymentInitiation(order.reference(), URI.create(page), requestedAt);
          } catch (IllegalArgumentException e) {
            throw new RetryLaterException(
                "portal.protocol.payment-url",
                Failures.detail(
                    "The payment platform's reply has no usable UrlThanhToan.",
                    reply.status(),
                    null,
                    reply.requestId()),
                e);
          }
        });
  }

  /**
   * Returns the flat fields of an order, checksum included, in the order they are sent; {@code
   * ThongTinBienLai} (an object) is left out: see {@link #orderJson}.
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
    fields.put(
        "MaNganHang", order.bankCode() == null ? profile.defaultBankCode() : order.bankCode());
    fields.put("ThongTinGiaoDich", order.description());
    fields.put("ThoiGianGD", VietnamTime.format(requestedAt));
    fields.put("Ip", order.payerIp() == null ? ipAddress : order.payerIp());
    fields.put("MaXacThuc", checksum(profile.orderChecksumFields(), fields));
    return fields;
  }

  /**
   * Returns the body of an order as sent: the fields of {@link #orderFields} with {@code
   * ThongTinBienLai} as a JSON object before {@code MaXacThuc}.
   *
   * @param order the order
   * @param requestedAt the order time
   * @return the JSON text
   */
  public String orderJson(PaymentRequest order, Instant requestedAt) {
    Map<String, String> fields = orderFields(order, requestedAt);
    ObjectNode body = mapper.createObjectNode();
    fields.forEach(
        (k, v) -> {
          if (k.equals("MaXacThuc")) {
            body.set("ThongTinBienLai", receiptInformation(order));
          }
          body.put(k, v);
        });
    return write(body);
  }

  private ObjectNode receiptInformation(PaymentRequest order) {
    ReceiptDetails d = order.receipt().orElse(receiptDefaults);
    String amount = Long.toString(order.amount().amount());
    ObjectNode r = mapper.createObjectNode();
    r.put("MaDichVu", profile.serviceKind());
    r.put("MaDVC", d.serviceCode());
    r.put("TenDVC", d.serviceName());
    r.put("MaTTHC", d.procedureCode());
    r.put("TenTTHC", d.procedureName());
    r.put("MaDonVi", d.agencyCode());
    r.put("TenDonVi", d.agencyName());
    r.put("MaHoSo", order.dossierCode().value());
    r.put("TKThuHuong", d.beneficiaryAccount());
    r.put("MaNHThuHuong", d.beneficiaryBank());
    r.put("TenTKThuHuong", d.beneficiaryName());
    r.put("NoiDungThanhToan", order.description());
    r.put("HoTenNguoiNop", order.payer().name());
    r.put(
        "SoCMNDNguoiNop",
        order
            .payer()
            .personalId()
            .map(id -> id.value())
            .or(() -> order.payer().taxCode().map(t -> t.value()))
            .orElse(""));
    r.put("DiaChiNguoiNop", order.payer().address().orElse(""));
    r.put("HuyenNguoiNop", "");
    r.put("TinhNguoiNop", "");
    // The fields of a fine (MaDichVu 1), sent empty for fees as public code sends them.
    for (String fine :
        List.of(
            "MaLoaiHinhThuPhat",
            "TenLoaiHinhThuPhat",
            "MaCoQuanQD",
            "TenCoQuanQD",
            "KhoBac",
            "NgayQD",
            "SoQD",
            "ThoiGianViPham",
            "DiaDiemViPham",
            "TenNguoiViPham",
            "TaiKhoanThuNSNN")) {
      r.put(fine, "");
    }
    ArrayNode fees = r.putArray("PhiLePhi");
    for (Fee item : order.items()) {
      fees.addObject()
          .put("LoaiPhiLePhi", profile.feeKind())
          .put("MaPhiLePhi", item.code())
          .put("TenPhiLePhi", item.name())
          .put("SoTien", Long.toString(item.amount().amount()));
    }
    r.putArray("DSKhoanNop").addObject().put("NoiDung", order.description()).put("SoTien", amount);
    return r;
  }

  /**
   * Verifies a payment callback given as a JSON object of fields.
   *
   * @param json the callback body
   * @return the confirmation
   * @throws InvalidInputException with code {@code payment.callback.format} when the body is not a
   *     JSON object, or any code of {@link #verifyCallback(Map)}
   */
  public PaymentConfirmation verifyCallback(String json) {
    return verifyCallback(callbackFields(json));
  }

  /**
   * Reads a callback body into its fields.
   *
   * @param json the body
   * @return the scalar fields by name
   * @throws InvalidInputException with code {@code payment.callback.format} when the body is not a
   *     JSON object
   */
  public Map<String, String> callbackFields(String json) {
    JsonNode node;
    try {
      node = json == null ? null : mapper.readTree(json);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(
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
    return fields;
  }

  /**
   * Verifies a payment callback: checksum first, then partner, order, amount and currency; a
   * successful payment settles the order (once).
   *
   * @param callback the callback's fields (form or JSON), by name
   * @return the confirmation; {@link PaymentConfirmation#successful()} tells whether the payer
   *     paid. A repeated callback of the same transaction returns an equal confirmation.
   * @throws InvalidInputException with code {@code payment.callback.field} (a required field
   *     missing or malformed), {@code payment.callback.checksum-missing}, {@code
   *     payment.callback.checksum}, {@code payment.callback.partner}, {@code
   *     payment.callback.unknown-reference}, {@code payment.callback.amount}, {@code
   *     payment.callback.currency}, {@code payment.callback.already-paid} or {@code
   *     payment.callback.expired}
   */
  public PaymentConfirmation verifyCallback(Map<String, String> callback) {
    return accept(callback).confirmation();
  }

  /**
   * Verifies a callback and builds the reply, refusals included: the one call a callback endpoint
   * needs.
   *
   * @param callback the callback's fields
   * @return the outcome and the reply to send
   * @throws RetryLaterException with code {@code payment.store} when the order store fails (answer
   *     with an HTTP error: the platform will call again)
   */
  public CallbackOutcome handleCallback(Map<String, String> callback) {
    Objects.requireNonNull(callback, "callback");
    try {
      Settled s = accept(callback);
      return new CallbackOutcome(
          s.confirmation(), s.now(), null, callbackReply(callback, s.confirmation()));
    } catch (MotcuaException e) {
      if (!e.code().startsWith("payment.")
          || Failures.isRejection(e)
          || e.code().equals("payment.store")) {
        throw e;
      }
      return new CallbackOutcome(null, false, e, callbackReply(e, callback));
    }
  }

  private record Settled(PaymentConfirmation confirmation, boolean now) {}

  private Settled accept(Map<String, String> callback) {
    Objects.requireNonNull(callback, "callback");
    String checksum = callback.get("MaXacThuc");
    if (checksum == null || checksum.isBlank()) {
      throw new SecurityRefusalException(
          "payment.callback.checksum-missing", "The payment callback carries no MaXacThuc.");
    }
    for (String name : List.of("MaLoi", "MaDoiTac", "MaThamChieu", "SoTien", "MaGiaoDich")) {
      String v = callback.get(name);
      if (v == null || v.isBlank()) {
        throw new InvalidInputException(
            "payment.callback.field", "The payment callback lacks the field " + name + ".");
      }
    }
    List<String> covered = new ArrayList<>();
    for (String name : profile.callbackChecksumFields()) {
      covered.add(callback.getOrDefault(name, ""));
    }
    if (!scheme.verify(covered, secretKey, checksum)) {
      throw new SecurityRefusalException(
          "payment.callback.checksum",
          "The payment callback's checksum does not verify; it was not sent by the platform or was"
              + " altered.");
    }
    if (!partnerCode.equals(callback.get("MaDoiTac"))) {
      throw new SecurityRefusalException(
          "payment.callback.partner", "The payment callback is addressed to another partner.");
    }
    PaymentOrder order =
        store
            .find(callback.get("MaThamChieu"))
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "payment.callback.unknown-reference",
                        "The payment callback names an order this partner did not send."));
    long amount = amount(callback.get("SoTien"), "payment.callback.field", "callback");
    checkAmountAndCurrency(order, amount, callback.getOrDefault("MaTienTe", ""), "callback");
    Instant paidAt;
    try {
      paidAt = VietnamTime.parse(callback.getOrDefault("ThoiGianGD", ""));
    } catch (DateTimeException e) {
      throw new InvalidInputException(
          "payment.callback.field", "The payment callback's ThoiGianGD is not yyyyMMddHHmmss.");
    }
    String resultCode = callback.get("MaLoi");
    PaymentConfirmation confirmation =
        new PaymentConfirmation(
            order.reference(),
            callback.get("MaGiaoDich"),
            Vnd.of(amount),
            callback.getOrDefault("MaNganHang", ""),
            paidAt,
            resultCode,
            profile.successCode().equals(resultCode));
    if (!confirmation.successful()) {
      return new Settled(confirmation, false);
    }
    return settle(order, confirmation, PaymentOrder.Settlement.CALLBACK);
  }

  private void checkAmountAndCurrency(
      PaymentOrder order, long amount, String currency, String what) {
    if (amount != order.request().amount().amount()) {
      throw new InvalidInputException(
          "payment." + what + ".amount",
          "The payment " + what + "'s amount differs from the order's amount.");
    }
    if (!profile.currency().equals(currency)) {
      throw new InvalidInputException(
          "payment." + what + ".currency",
          "The payment " + what + "'s currency differs from the order's.");
    }
  }

  private static long amount(String text, String code, String what) {
    try {
      return Long.parseLong(text == null ? "" : text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          code, "The payment " + what + "'s SoTien is not a whole number.");
    }
  }

  /**
   * Settles an order with a verified successful confirmation, once: the path shared by callbacks
   * and the reconciler.
   */
  Settled settle(PaymentOrder order, PaymentConfirmation confirmation, PaymentOrder.Settlement by) {
    if (store.settle(confirmation, by, clock.instant())) {
      PaymentOrder settled = store.find(order.reference()).orElseThrow();
      listener.settled(settled);
      return new Settled(confirmation, true);
    }
    PaymentOrder current = store.find(order.reference()).orElseThrow();
    if (current.state() == PaymentOrder.State.EXPIRED) {
      throw new InvalidInputException(
          "payment.callback.expired",
          "The platform reports a payment for an order that was given up as expired; refund it or"
              + " settle it by hand.");
    }
    PaymentConfirmation recorded = current.confirmation();
    if (!recorded.transactionId().equals(confirmation.transactionId())) {
      throw new InvalidInputException(
          "payment.callback.already-paid",
          "The order was already paid by another transaction; refund or investigate this one.");
    }
    return new Settled(recorded, false);
  }

  /**
   * Settles an order from a status query that reported it paid, exactly as a verified callback
   * would.
   *
   * @param order the stored order
   * @param status the platform's answer, {@link PaymentStatus.Outcome#PAID}
   * @return the confirmation recorded and whether this call settled the order
   */
  CallbackOutcome settleFromStatus(PaymentOrder order, PaymentStatus status) {
    Instant paidAt = status.optionalTransactionTime().orElse(clock.instant());
    PaymentConfirmation confirmation =
        new PaymentConfirmation(
            order.reference(),
            status.transactionId(),
            order.request().amount(),
            status.bankCode(),
            paidAt,
            profile.successCode(),
            true);
    Settled s = settle(order, confirmation, PaymentOrder.Settlement.RECONCILIATION);
    return new CallbackOutcome(s.confirmation(), s.now(), null, null);
  }

  /**
   * Asks the platform what became of an order ({@code LoaiBanTin} {@code QUERY}), naming it by
   * reference and its order time as stored.
   *
   * @param reference the order reference
   * @return the platform's answer
   * @throws InvalidInputException with code {@code payment.query.unknown-reference} when the store
   *     has no such order, {@code payment.query.reference}, {@code payment.query.amount} or {@code
   *     payment.query.currency} when the answer does not match the order
   * @throws io.github.motcua.core.InvalidInputException with code {@code payment.query.rejected}
   *     when the platform refuses the query ({@code MaLoi} as remote code)
   * @throws io.github.motcua.core.RetryLaterException when the platform cannot be reached
   * @throws RetryLaterException when the answer cannot be read
   */
  public PaymentStatus queryStatus(String reference) {
    PaymentOrder order = storedOrder(reference, "payment.query.unknown-reference");
    String json = signedLookup(order, profile.queryMessageType());
    HttpUrl url = resolve(profile.queryPath());
    return http.execute(
        "payment status query",
        true,
        attempt -> {
          Reply reply = post(url, json, null);
          JsonNode node = answer(reply, "payment.query.rejected", "status query");
          String ref = node.path("MaThamChieu").asText("");
          if (!ref.isEmpty() && !ref.equals(reference)) {
            throw new InvalidInputException(
                "payment.query.reference", "The status answer names another order.");
          }
          String code = node.path("TrangThaiGD").asText("");
          PaymentStatus.Outcome outcome =
              code.equals(profile.paidStatus())
                  ? PaymentStatus.Outcome.PAID
                  : code.equals(profile.pendingStatus())
                      ? PaymentStatus.Outcome.PENDING
                      : code.equals(profile.failedStatus())
                          ? PaymentStatus.Outcome.FAILED
                          : PaymentStatus.Outcome.UNKNOWN;
          Vnd amount = null;
          String soTien = node.path("SoTien").asText("");
          if (!soTien.isEmpty() && !node.path("SoTien").isNull()) {
            amount = Vnd.of(amount(soTien, "payment.query.field", "status answer"));
          }
          if (outcome == PaymentStatus.Outcome.PAID) {
            if (amount == null || node.path("MaGiaoDich").asText("").isEmpty()) {
              throw new RetryLaterException(
                  "portal.protocol.payment-status",
                  Failures.detail(
                      "A paid status answer lacks SoTien or MaGiaoDich.",
                      reply.status(),
                      null,
                      reply.requestId()),
                  null);
            }
            checkAmountAndCurrency(
                order, amount.amount(), node.path("MaTienTe").asText(""), "query");
          }
          return new PaymentStatus(
              reference,
              outcome,
              code,
              node.path("MaGiaoDich").asText(""),
              amount,
              node.path("MaNganHang").asText(""),
              node.path("ThoiGianGD").asText(""));
        });
  }

  /**
   * Fetches the platform's bill of a paid order ({@code LoaiBanTin} {@code GET_BILL}).
   *
   * @param reference the order reference
   * @return the document
   * @throws MotcuaException with code {@code payment.bill.unknown-reference} when the store has no
   *     such order
   * @throws io.github.motcua.core.InvalidInputException with code {@code payment.bill.rejected}
   *     when the platform answers with an error instead of a document
   * @throws io.github.motcua.core.RetryLaterException when the platform cannot be reached
   * @throws RetryLaterException when the answer is empty
   */
  public PaymentBill bill(String reference) {
    PaymentOrder order = storedOrder(reference, "payment.bill.unknown-reference");
    String json = signedLookup(order, profile.billMessageType());
    HttpUrl url = resolve(profile.billPath());
    return http.execute(
        "payment bill",
        true,
        attempt -> {
          PortalHttp.BinaryReply raw =
              http.sendForBytes(
                  new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build());
          Reply reply = raw.reply();
          if (raw.contentType().startsWith("application/json") || reply.status() >= 400) {
            answer(reply, "payment.bill.rejected", "bill request");
          }
          if (raw.bytes().length == 0) {
            throw new RetryLaterException(
                "portal.protocol.payment-bill",
                Failures.detail(
                    "The payment platform sent an empty bill.",
                    reply.status(),
                    null,
                    reply.requestId()),
                null);
          }
          String type = raw.contentType().isEmpty() ? "application/pdf" : raw.contentType();
          return new PaymentBill(reference, type, raw.bytes());
        });
  }

  private PaymentOrder storedOrder(String reference, String code) {
    Objects.requireNonNull(reference, "reference");
    return store
        .find(reference)
        .orElseThrow(
            () -> new InvalidInputException(code, "This partner's store holds no such order."));
  }

  private String signedLookup(PaymentOrder order, String messageType) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("LoaiBanTin", messageType);
    fields.put("PhienBan", profile.version());
    fields.put("MaDoiTac", partnerCode);
    fields.put("MaThamChieu", order.reference());
    fields.put("ThoiGianGD", VietnamTime.format(order.requestedAt()));
    fields.put("MaXacThuc", checksum(profile.queryChecksumFields(), fields));
    ObjectNode body = mapper.createObjectNode();
    fields.forEach(body::put);
    return write(body);
  }

  private String checksum(List<String> names, Map<String, String> fields) {
    List<String> covered = new ArrayList<>(names.size());
    for (String name : names) {
      covered.add(fields.getOrDefault(name, ""));
    }
    return scheme.compute(covered, secretKey);
  }

  private Reply post(HttpUrl url, String json, String idempotencyKey) throws java.io.IOException {
    Request.Builder request = new Request.Builder().url(url).post(RequestBody.create(json, JSON));
    if (idempotencyKey != null) {
      request.header(PortalHttp.IDEMPOTENCY_KEY, idempotencyKey);
    }
    return http.send(request.build());
  }

  /**
   * Reads the platform's answer: a JSON object with {@code MaLoi}, or the same object as text in
   * the {@code message} of an {@code {error_code, message}} envelope, as a gateway in front of the
   * platform sends it.
   */
  private JsonNode answer(Reply reply, String rejectedCode, String what) {
    JsonNode node = parse(reply);
    if (!node.has("MaLoi") && node.has("error_code") && node.path("message").isTextual()) {
      String errorCode = node.path("error_code").asText("");
      if (!errorCode.equals("0")) {
        throw Failures.rejected(
            rejectedCode,
            "The payment platform's gateway refused the "
                + what
                + " (error_code "
                + errorCode
                + ").",
            reply.status(),
            errorCode,
            reply.requestId());
      }
      try {
        node = mapper.readTree(node.path("message").asText());
      } catch (JsonProcessingException e) {
        node = null;
      }
      if (node == null || !node.isObject()) {
        throw new RetryLaterException(
            "portal.protocol",
            Failures.detail(
                "The payment platform's answer in the envelope is not a JSON object.",
                reply.status(),
                null,
                reply.requestId()),
            null);
      }
    }
    String code = node.path("MaLoi").asText("");
    if (!profile.successCode().equals(code)) {
      throw Failures.rejected(
          rejectedCode,
          "The payment platform refused the "
              + what
              + ": "
              + node.path("MoTaLoi").asText("no description"),
          reply.status(),
          code.isEmpty() ? null : code,
          reply.requestId());
    }
    return node;
  }

  /**
   * Builds the reply accepting a verified callback, as public code sends it: {@code MaLoi} (the
   * success code), {@code MoTaLoi}, {@code MaDoiTac}, {@code MaThamChieu}, and the callback's own
   * {@code ThoiGianGD} and {@code MaXacThuc} echoed back.
   *
   * @param callback the callback's fields
   * @param confirmation its verified confirmation
   * @return the reply
   */
  public CallbackReply callbackReply(
      Map<String, String> callback, PaymentConfirmation confirmation) {
    Objects.requireNonNull(confirmation, "confirmation");
    return reply(profile.successCode(), "Thanh cong", callback);
  }

  /**
   * Builds the reply refusing a callback, echoing its {@code ThoiGianGD} and {@code MaXacThuc}.
   *
   * @param refusal why {@link #verifyCallback(Map)} refused it
   * @param callback the refused callback's fields, may be empty
   * @return the reply, with {@code MaLoi} {@code 01} (checksum), {@code 02} (unknown order), {@code
   *     03} (amount or currency), {@code 04} (partner), {@code 05} (already paid), {@code 06}
   *     (expired) or {@code 99} (malformed); these codes are assumptions documented in
   *     docs/domain.md §8
   */
  public CallbackReply callbackReply(MotcuaException refusal, Map<String, String> callback) {
    String code =
        switch (refusal.code()) {
          case "payment.callback.checksum", "payment.callback.checksum-missing" -> "01";
          case "payment.callback.unknown-reference" -> "02";
          case "payment.callback.amount", "payment.callback.currency" -> "03";
          case "payment.callback.partner" -> "04";
          case "payment.callback.already-paid" -> "05";
          case "payment.callback.expired" -> "06";
          default -> "99";
        };
    return reply(code, refusal.code(), callback == null ? Map.of() : callback);
  }

  private CallbackReply reply(String code, String description, Map<String, String> callback) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("MaLoi", code);
    fields.put("MoTaLoi", description);
    fields.put("MaDoiTac", partnerCode);
    fields.put("MaThamChieu", callback.getOrDefault("MaThamChieu", ""));
    fields.put("ThoiGianGD", callback.getOrDefault("ThoiGianGD", ""));
    fields.put("MaXacThuc", callback.getOrDefault("MaXacThuc", ""));
    ObjectNode node = mapper.createObjectNode();
    fields.forEach(node::put);
    return new CallbackReply(fields, write(node));
  }

  /**
   * Returns an order this partner sent.
   *
   * @param reference the reference
   * @return the order and its state, when the store holds it
   */
  public Optional<PaymentOrder> order(String reference) {
    return store.find(reference);
  }

  /**
   * Returns the order store.
   *
   * @return the store
   */
  public PaymentOrderStore orderStore() {
    return store;
  }

  /**
   * Returns the profile in use.
   *
   * @return the profile
   */
  public PaymentPlatformProfile profile() {
    return profile;
  }

  Clock clock() {
    return clock;
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
        throw new RetryLaterException(
            "portal.protocol",
            Failures.detail(
                "The payment platform's reply is not a JSON object.",
                reply.status(),
                null,
                reply.requestId()),
            null);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RetryLaterException(
          "portal.protocol",
          Failures.detail(
              "The payment platform's reply is not JSON.", reply.status(), null, reply.requestId()),
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
    private ChecksumScheme scheme;
    private PaymentPlatformProfile profile = PaymentPlatformProfile.defaults();
    private DataSource dataSource;
    private String ipAddress;
    private ReceiptDetails receiptDefaults = ReceiptDetails.empty();
    private PaymentSettlementListener listener = order -> {};
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
     * Sets the checksum variant, overriding the profile's ({@link ChecksumScheme#SHA256_WITH_KEY}
     * in {@link PaymentPlatformProfile#defaults()}).
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
     * Keeps orders in a {@link JdbcPaymentOrderStore} on this database (H2 or PostgreSQL), creating
     * its table when missing: the durable store, and the one to use unless a store is set with
     * {@link #orderStore}.
     *
     * @param dataSource the database
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * Sets where orders and what became of them are kept, such as a {@link JdbcPaymentOrderStore}
     * with another table prefix, or {@link PaymentOrderStore#inMemory()} in tests.
     *
     * @param store the store
     * @return this builder
     */
    public Builder orderStore(PaymentOrderStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the {@code Ip} sent with orders that name none (public code sends the partner server's
     * own address); default this host's address.
     *
     * @param ipAddress the address, without {@code |}
     * @return this builder
     */
    public Builder ipAddress(String ipAddress) {
      if (ipAddress == null || ipAddress.isBlank() || ipAddress.contains("|")) {
        throw new ConfigurationException(
            "portal.config.payment.ip", "The IP address is required, without '|'.");
      }
      this.ipAddress = ipAddress.strip();
      return this;
    }

    /**
     * Sets the receipt details an order's empty details are taken from: usually the collecting
     * agency and its beneficiary account.
     *
     * @param defaults the details
     * @return this builder
     */
    public Builder receiptDefaults(ReceiptDetails defaults) {
      this.receiptDefaults = Objects.requireNonNull(defaults, "defaults");
      return this;
    }

    /**
     * Sets who is told when an order becomes paid (by a callback or by the reconciler).
     *
     * @param listener the listener; default none
     * @return this builder
     */
    public Builder onSettled(PaymentSettlementListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws ConfigurationException naming the first missing setting ({@code payment.base-url},
     *     {@code payment.partner-code}, {@code payment.secret-key}, {@code payment.order-store}
     *     when neither a data source nor a store is set)
     * @throws RetryLaterException with code {@code payment.store} when the table cannot be created
     */
    public PaymentPlatformClient build() {
      if (baseUrl == null) {
        throw new ConfigurationException(
            "portal.config.payment.base-url", "The payment platform's base URL is required.");
      }
      if (partnerCode == null || partnerCode.isBlank() || partnerCode.contains("|")) {
        throw new ConfigurationException(
            "portal.config.payment.partner-code",
            "The partner code (MaDoiTac) is required, without '|'.");
      }
      if (secretKey == null || secretKey.isEmpty()) {
        throw new ConfigurationException(
            "portal.config.payment.secret-key", "The partner's secret key is required.");
      }
      if (okHttp == null) {
        okHttp = new OkHttpClient();
      }
      if (mapper == null) {
        mapper = new ObjectMapper();
      }
      if (store == null && dataSource == null) {
        throw new ConfigurationException(
            "portal.config.payment.order-store",
            "Orders must survive a restart: set dataSource(...) (or orderStore(...);"
                + " PaymentOrderStore.inMemory() for tests).");
      }
      if (store == null) {
        store = JdbcPaymentOrderStore.builder().dataSource(dataSource).build();
        ((JdbcPaymentOrderStore) store).createSchemaIfMissing();
      }
      if (scheme != null) {
        profile = profile.toBuilder().checksumScheme(scheme).build();
      }
      if (ipAddress == null) {
        ipAddress = localAddress();
      }
      return new PaymentPlatformClient(this);
    }

    private static String localAddress() {
      try {
        return java.net.InetAddress.getLocalHost().getHostAddress();
      } catch (java.io.IOException e) {
        return "127.0.0.1";
      }
    }
  }
}
