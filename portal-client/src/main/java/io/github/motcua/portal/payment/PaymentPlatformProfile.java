package io.github.motcua.portal.payment;

import io.github.motcua.portal.PortalConfigurationException;
import java.util.List;
import java.util.Objects;

/**
 * The settings of the payment platform (nền tảng thanh toán trực tuyến) that public sources do not
 * pin down (docs/domain.md §8 marks them unknown): the initiation path, the constant header fields,
 * and the fields of the reply to a callback. The field lists of the order and callback checksums
 * are confirmed by public code and fixed in {@link PaymentPlatformClient}.
 *
 * <p>Immutable and thread-safe. {@link #defaults()} documents each default; build another profile
 * with the canonical constructor to override them.
 *
 * @param initiatePath the path of the order endpoint, relative to the base URL
 * @param orderMessageType {@code LoaiBanTin} of an order
 * @param version {@code PhienBan}
 * @param paymentKind {@code LoaiHinhThanhToan}
 * @param channelCode {@code MaKenhThanhToan}
 * @param deviceCode {@code MaThietBi}
 * @param language {@code NgonNgu}
 * @param currency {@code MaTienTe}
 * @param successCode the {@code MaLoi} meaning success
 * @param replyChecksumFields the reply fields covered by the reply's checksum, in order (the key is
 *     appended or used as HMAC key as for every message)
 */
public record PaymentPlatformProfile(
    String initiatePath,
    String orderMessageType,
    String version,
    String paymentKind,
    String channelCode,
    String deviceCode,
    String language,
    String currency,
    String successCode,
    List<String> replyChecksumFields) {

  /**
   * Validates the profile.
   *
   * @throws PortalConfigurationException when a setting is missing
   */
  public PaymentPlatformProfile {
    for (Object o :
        new Object[] {
          initiatePath,
          orderMessageType,
          version,
          paymentKind,
          channelCode,
          deviceCode,
          language,
          currency,
          successCode,
          replyChecksumFields
        }) {
      if (o == null) {
        throw new PortalConfigurationException(
            "payment.profile", "Every setting of a payment platform profile is required.");
      }
    }
    replyChecksumFields = List.copyOf(replyChecksumFields);
  }

  /**
   * Returns the defaults: path {@code /api/thanhtoan/khoitao}, message type {@code 1}, version
   * {@code 1.0.0}, payment kind {@code 01}, channel {@code 01}, device {@code 01}, language {@code
   * vi}, currency {@code VND}, success {@code 00}, reply checksum over {@code MaLoi, MaDoiTac,
   * MaThamChieu, ThoiGian}. All but the currency and the success code are assumptions.
   *
   * @return the default profile
   */
  public static PaymentPlatformProfile defaults() {
    return new PaymentPlatformProfile(
        "/api/thanhtoan/khoitao",
        "1",
        "1.0.0",
        "01",
        "01",
        "01",
        "vi",
        "VND",
        "00",
        List.of("MaLoi", "MaDoiTac", "MaThamChieu", "ThoiGian"));
  }

  /**
   * Returns a copy with another initiation path.
   *
   * @param path the path, starting with {@code /}
   * @return the new profile
   */
  public PaymentPlatformProfile withInitiatePath(String path) {
    Objects.requireNonNull(path, "path");
    return new PaymentPlatformProfile(
        path,
        orderMessageType,
        version,
        paymentKind,
        channelCode,
        deviceCode,
        language,
        currency,
        successCode,
        replyChecksumFields);
  }
}
