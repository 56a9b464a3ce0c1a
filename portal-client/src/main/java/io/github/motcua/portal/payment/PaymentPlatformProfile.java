package io.github.motcua.portal.payment;

import io.github.motcua.core.ConfigurationException;
import java.util.List;
import java.util.Objects;

/**
 * What the payment platform (nền tảng thanh toán trực tuyến) of the National Public Service Portal
 * expects of a partner, as a setting rather than code (docs/domain.md §8): the message types and
 * constants of each message, the checksum recipe of each message (which fields, in which order,
 * joined with {@code |}, and where the key goes: {@link ChecksumScheme}), the status values of a
 * status query, and the paths. A change of the platform's version is a new profile, not a fork.
 *
 * <p>{@link #defaults()} follows the public code that speaks version {@code 1.0.6} of the platform;
 * {@link #opencps()} follows the older integration of OpenCPS, which signs with HMAC-SHA256 and
 * covers other callback fields. Change single settings with {@link #toBuilder()}.
 *
 * <p>A checksum field list names message fields in order; a name the message does not carry counts
 * as empty text, so an empty name {@code ""} at the end reproduces a trailing {@code |}.
 *
 * <p>Immutable and thread-safe.
 */
public final class PaymentPlatformProfile {

  private final ChecksumScheme checksumScheme;
  private final String initiatePath;
  private final String queryPath;
  private final String billPath;
  private final String orderMessageType;
  private final String queryMessageType;
  private final String billMessageType;
  private final String version;
  private final String paymentKind;
  private final String channelCode;
  private final String deviceCode;
  private final String language;
  private final String currency;
  private final String defaultBankCode;
  private final String serviceKind;
  private final String feeKind;
  private final String successCode;
  private final String paidStatus;
  private final String pendingStatus;
  private final String failedStatus;
  private final List<String> orderChecksumFields;
  private final List<String> callbackChecksumFields;
  private final List<String> queryChecksumFields;

  private PaymentPlatformProfile(Builder b) {
    this.checksumScheme = b.checksumScheme;
    this.initiatePath = b.initiatePath;
    this.queryPath = b.queryPath;
    this.billPath = b.billPath;
    this.orderMessageType = b.orderMessageType;
    this.queryMessageType = b.queryMessageType;
    this.billMessageType = b.billMessageType;
    this.version = b.version;
    this.paymentKind = b.paymentKind;
    this.channelCode = b.channelCode;
    this.deviceCode = b.deviceCode;
    this.language = b.language;
    this.currency = b.currency;
    this.defaultBankCode = b.defaultBankCode;
    this.serviceKind = b.serviceKind;
    this.feeKind = b.feeKind;
    this.successCode = b.successCode;
    this.paidStatus = b.paidStatus;
    this.pendingStatus = b.pendingStatus;
    this.failedStatus = b.failedStatus;
    this.orderChecksumFields = b.orderChecksumFields;
    this.callbackChecksumFields = b.callbackChecksumFields;
    this.queryChecksumFields = b.queryChecksumFields;
  }

  /**
   * Returns the profile of the platform's version {@code 1.0.6} as public code sends it: SHA-256
   * with the key appended; {@code LoaiBanTin} {@code INIT}, {@code QUERY}, {@code GET_BILL}; {@code
   * PhienBan} {@code 1.0.6}; {@code LoaiHinhThanhToan} {@code PAY}; {@code MaKenhThanhToan} {@code
   * 1}; {@code MaThietBi} {@code 1}; {@code NgonNgu} {@code vi-VN}; {@code MaTienTe} {@code VND};
   * {@code MaNganHang} {@code PAYMENT} when the payer chooses; {@code MaDichVu} {@code 2}; {@code
   * LoaiPhiLePhi} {@code Phi}; order checksum over the fourteen fields from {@code LoaiBanTin} to
   * {@code Ip} (not {@code ThongTinBienLai}); callback checksum over {@code LoaiBanTin, MaLoi,
   * MaDoiTac, MaThamChieu, SoTien, MaTienTe, MaGiaoDich, MaNganHang, ThoiGianGD, ThongTinGiaoDich};
   * query and bill checksum over {@code LoaiBanTin, PhienBan, MaDoiTac, MaThamChieu, ThoiGianGD};
   * {@code TrangThaiGD} {@code 1} paid, {@code 3} pending, {@code 4} failed. The three paths are
   * not public: set them from the platform's documents.
   *
   * @return the default profile
   */
  public static PaymentPlatformProfile defaults() {
    return new Builder().build();
  }

  /**
   * Returns the profile of OpenCPS's integration: HMAC-SHA256 keyed with the secret over the same
   * order and query fields, and a callback checksum over {@code LoaiBanTin, MaDoiTac, MaThamChieu,
   * SoTien, MaTienTe, MaNganHang, ThongTinGiaoDich, ThoiGianGD} followed by an empty field. Its
   * constants come from each deployment's configuration; the defaults' constants are kept.
   *
   * @return the OpenCPS profile
   */
  public static PaymentPlatformProfile opencps() {
    return new Builder()
        .checksumScheme(ChecksumScheme.HMAC_SHA256)
        .callbackChecksumFields(
            List.of(
                "LoaiBanTin",
                "MaDoiTac",
                "MaThamChieu",
                "SoTien",
                "MaTienTe",
                "MaNganHang",
                "ThongTinGiaoDich",
                "ThoiGianGD",
                ""))
        .build();
  }

  /**
   * Returns a builder holding this profile's settings.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.checksumScheme = checksumScheme;
    b.initiatePath = initiatePath;
    b.queryPath = queryPath;
    b.billPath = billPath;
    b.orderMessageType = orderMessageType;
    b.queryMessageType = queryMessageType;
    b.billMessageType = billMessageType;
    b.version = version;
    b.paymentKind = paymentKind;
    b.channelCode = channelCode;
    b.deviceCode = deviceCode;
    b.language = language;
    b.currency = currency;
    b.defaultBankCode = defaultBankCode;
    b.serviceKind = serviceKind;
    b.feeKind = feeKind;
    b.successCode = successCode;
    b.paidStatus = paidStatus;
    b.pendingStatus = pendingStatus;
    b.failedStatus = failedStatus;
    b.orderChecksumFields = orderChecksumFields;
    b.callbackChecksumFields = callbackChecksumFields;
    b.queryChecksumFields = queryChecksumFields;
    return b;
  }

  /**
   * Returns a copy with another order path.
   *
   * @param path the path, starting with {@code /}
   * @return the new profile
   */
  public PaymentPlatformProfile withInitiatePath(String path) {
    return toBuilder().initiatePath(path).build();
  }

  /**
   * Returns how checksums are computed.
   *
   * @return the scheme
   */
  public ChecksumScheme checksumScheme() {
    return checksumScheme;
  }

  /**
   * Returns the order path.
   *
   * @return relative to the base URL
   */
  public String initiatePath() {
    return initiatePath;
  }

  /**
   * Returns the status query path.
   *
   * @return relative to the base URL
   */
  public String queryPath() {
    return queryPath;
  }

  /**
   * Returns the bill path.
   *
   * @return relative to the base URL
   */
  public String billPath() {
    return billPath;
  }

  /**
   * Returns {@code LoaiBanTin} of an order.
   *
   * @return for example {@code INIT}
   */
  public String orderMessageType() {
    return orderMessageType;
  }

  /**
   * Returns {@code LoaiBanTin} of a status query.
   *
   * @return for example {@code QUERY}
   */
  public String queryMessageType() {
    return queryMessageType;
  }

  /**
   * Returns {@code LoaiBanTin} of a bill request.
   *
   * @return for example {@code GET_BILL}
   */
  public String billMessageType() {
    return billMessageType;
  }

  /**
   * Returns {@code PhienBan}.
   *
   * @return for example {@code 1.0.6}
   */
  public String version() {
    return version;
  }

  /**
   * Returns {@code LoaiHinhThanhToan}.
   *
   * @return for example {@code PAY}
   */
  public String paymentKind() {
    return paymentKind;
  }

  /**
   * Returns {@code MaKenhThanhToan}.
   *
   * @return for example {@code 1}
   */
  public String channelCode() {
    return channelCode;
  }

  /**
   * Returns {@code MaThietBi}.
   *
   * @return for example {@code 1}
   */
  public String deviceCode() {
    return deviceCode;
  }

  /**
   * Returns {@code NgonNgu}.
   *
   * @return for example {@code vi-VN}
   */
  public String language() {
    return language;
  }

  /**
   * Returns {@code MaTienTe}.
   *
   * @return for example {@code VND}
   */
  public String currency() {
    return currency;
  }

  /**
   * Returns the {@code MaNganHang} of an order that preselects no bank.
   *
   * @return for example {@code PAYMENT}
   */
  public String defaultBankCode() {
    return defaultBankCode;
  }

  /**
   * Returns {@code ThongTinBienLai.MaDichVu}.
   *
   * @return for example {@code 2} (fees of a public service)
   */
  public String serviceKind() {
    return serviceKind;
  }

  /**
   * Returns {@code PhiLePhi[].LoaiPhiLePhi}.
   *
   * @return for example {@code Phi}
   */
  public String feeKind() {
    return feeKind;
  }

  /**
   * Returns the {@code MaLoi} meaning success.
   *
   * @return for example {@code 00}
   */
  public String successCode() {
    return successCode;
  }

  /**
   * Returns the {@code TrangThaiGD} of a paid transaction.
   *
   * @return for example {@code 1}
   */
  public String paidStatus() {
    return paidStatus;
  }

  /**
   * Returns the {@code TrangThaiGD} of a transaction whose outcome the platform does not know yet.
   *
   * @return for example {@code 3}
   */
  public String pendingStatus() {
    return pendingStatus;
  }

  /**
   * Returns the {@code TrangThaiGD} of a failed transaction.
   *
   * @return for example {@code 4}
   */
  public String failedStatus() {
    return failedStatus;
  }

  /**
   * Returns the fields an order's checksum covers, in order.
   *
   * @return an unmodifiable list
   */
  public List<String> orderChecksumFields() {
    return orderChecksumFields;
  }

  /**
   * Returns the fields a callback's checksum covers, in order.
   *
   * @return an unmodifiable list
   */
  public List<String> callbackChecksumFields() {
    return callbackChecksumFields;
  }

  /**
   * Returns the fields the checksum of a status query and of a bill request covers, in order.
   *
   * @return an unmodifiable list
   */
  public List<String> queryChecksumFields() {
    return queryChecksumFields;
  }

  @Override
  public String toString() {
    return "PaymentPlatformProfile["
        + version
        + ", "
        + checksumScheme
        + ", "
        + orderMessageType
        + "/"
        + queryMessageType
        + "/"
        + billMessageType
        + "]";
  }

  /** Builds a {@link PaymentPlatformProfile}, starting from the defaults. Not thread-safe. */
  public static final class Builder {
    private ChecksumScheme checksumScheme = ChecksumScheme.SHA256_WITH_KEY;
    private String initiatePath = "/api/thanhtoan/khoitao";
    private String queryPath = "/api/thanhtoan/truyvan";
    private String billPath = "/api/thanhtoan/bienlai";
    private String orderMessageType = "INIT";
    private String queryMessageType = "QUERY";
    private String billMessageType = "GET_BILL";
    private String version = "1.0.6";
    private String paymentKind = "PAY";
    private String channelCode = "1";
    private String deviceCode = "1";
    private String language = "vi-VN";
    private String currency = "VND";
    private String defaultBankCode = "PAYMENT";
    private String serviceKind = "2";
    private String feeKind = "Phi";
    private String successCode = "00";
    private String paidStatus = "1";
    private String pendingStatus = "3";
    private String failedStatus = "4";
    private List<String> orderChecksumFields =
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
    private List<String> callbackChecksumFields =
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
    private List<String> queryChecksumFields =
        List.of("LoaiBanTin", "PhienBan", "MaDoiTac", "MaThamChieu", "ThoiGianGD");

    private Builder() {}

    /**
     * Sets the checksum scheme.
     *
     * @param scheme the scheme
     * @return this builder
     */
    public Builder checksumScheme(ChecksumScheme scheme) {
      this.checksumScheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * Sets the order path.
     *
     * @param path starting with {@code /}
     * @return this builder
     */
    public Builder initiatePath(String path) {
      this.initiatePath = path(path);
      return this;
    }

    /**
     * Sets the status query path.
     *
     * @param path starting with {@code /}
     * @return this builder
     */
    public Builder queryPath(String path) {
      this.queryPath = path(path);
      return this;
    }

    /**
     * Sets the bill path.
     *
     * @param path starting with {@code /}
     * @return this builder
     */
    public Builder billPath(String path) {
      this.billPath = path(path);
      return this;
    }

    /**
     * Sets the message types ({@code LoaiBanTin}) of an order, a status query and a bill request.
     *
     * @param order for example {@code INIT}
     * @param query for example {@code QUERY}
     * @param bill for example {@code GET_BILL}
     * @return this builder
     */
    public Builder messageTypes(String order, String query, String bill) {
      this.orderMessageType = value(order, "LoaiBanTin");
      this.queryMessageType = value(query, "LoaiBanTin");
      this.billMessageType = value(bill, "LoaiBanTin");
      return this;
    }

    /**
     * Sets {@code PhienBan}.
     *
     * @param version for example {@code 1.0.6}
     * @return this builder
     */
    public Builder version(String version) {
      this.version = value(version, "PhienBan");
      return this;
    }

    /**
     * Sets the constant fields of an order.
     *
     * @param paymentKind {@code LoaiHinhThanhToan}
     * @param channelCode {@code MaKenhThanhToan}
     * @param deviceCode {@code MaThietBi}
     * @param language {@code NgonNgu}
     * @param currency {@code MaTienTe}
     * @param defaultBankCode {@code MaNganHang} when the payer chooses the bank
     * @return this builder
     */
    public Builder orderConstants(
        String paymentKind,
        String channelCode,
        String deviceCode,
        String language,
        String currency,
        String defaultBankCode) {
      this.paymentKind = value(paymentKind, "LoaiHinhThanhToan");
      this.channelCode = value(channelCode, "MaKenhThanhToan");
      this.deviceCode = value(deviceCode, "MaThietBi");
      this.language = value(language, "NgonNgu");
      this.currency = value(currency, "MaTienTe");
      this.defaultBankCode = value(defaultBankCode, "MaNganHang");
      return this;
    }

    /**
     * Sets the constants of {@code ThongTinBienLai}.
     *
     * @param serviceKind {@code MaDichVu}
     * @param feeKind {@code LoaiPhiLePhi} of each fee item
     * @return this builder
     */
    public Builder receiptConstants(String serviceKind, String feeKind) {
      this.serviceKind = value(serviceKind, "MaDichVu");
      this.feeKind = value(feeKind, "LoaiPhiLePhi");
      return this;
    }

    /**
     * Sets the result and status codes.
     *
     * @param success the {@code MaLoi} of success
     * @param paid the {@code TrangThaiGD} of a paid transaction
     * @param pending the {@code TrangThaiGD} of a pending one
     * @param failed the {@code TrangThaiGD} of a failed one
     * @return this builder
     */
    public Builder statusCodes(String success, String paid, String pending, String failed) {
      this.successCode = value(success, "MaLoi");
      this.paidStatus = value(paid, "TrangThaiGD");
      this.pendingStatus = value(pending, "TrangThaiGD");
      this.failedStatus = value(failed, "TrangThaiGD");
      return this;
    }

    /**
     * Sets the fields an order's checksum covers.
     *
     * @param fields field names in order
     * @return this builder
     */
    public Builder orderChecksumFields(List<String> fields) {
      this.orderChecksumFields = fields(fields);
      return this;
    }

    /**
     * Sets the fields a callback's checksum covers.
     *
     * @param fields field names in order
     * @return this builder
     */
    public Builder callbackChecksumFields(List<String> fields) {
      this.callbackChecksumFields = fields(fields);
      return this;
    }

    /**
     * Sets the fields a status query's and a bill request's checksum covers.
     *
     * @param fields field names in order
     * @return this builder
     */
    public Builder queryChecksumFields(List<String> fields) {
      this.queryChecksumFields = fields(fields);
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     */
    public PaymentPlatformProfile build() {
      return new PaymentPlatformProfile(this);
    }

    private static String path(String path) {
      if (path == null || !path.startsWith("/")) {
        throw new ConfigurationException(
            "portal.config.payment.profile", "A payment platform path starts with '/'.");
      }
      return path;
    }

    private static String value(String v, String field) {
      if (v == null || v.isEmpty() || v.contains("|")) {
        throw new ConfigurationException(
            "portal.config.payment.profile",
            "The profile's " + field + " is required, without '|'.");
      }
      return v;
    }

    private static List<String> fields(List<String> fields) {
      if (fields == null || fields.isEmpty() || fields.stream().anyMatch(Objects::isNull)) {
        throw new ConfigurationException(
            "portal.config.payment.profile",
            "A checksum covers at least one field; names are not null.");
      }
      return List.copyOf(fields);
    }
  }
}
