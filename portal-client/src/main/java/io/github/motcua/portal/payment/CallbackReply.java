package io.github.motcua.portal.payment;

import io.github.motcua.core.MotcuaException;
import java.util.Map;

/**
 * The partner's answer to a payment callback, which the payment platform expects as the body of the
 * HTTP reply (JSON, one string per field): {@code MaLoi, MoTaLoi, MaDoiTac, MaThamChieu} and the
 * callback's own {@code ThoiGianGD} and {@code MaXacThuc} echoed back (docs/domain.md §8). Built by
 * {@link PaymentPlatformClient#handleCallback(java.util.Map)}, {@link
 * PaymentPlatformClient#callbackReply(java.util.Map, PaymentConfirmation)} or {@link
 * PaymentPlatformClient#callbackReply(MotcuaException, java.util.Map)}.
 *
 * @param fields the reply fields in order; unmodifiable
 * @param json the fields as a JSON object, ready to send
 */
public record CallbackReply(Map<String, String> fields, String json) {

  /**
   * Copies the fields.
   *
   * @param fields the fields
   * @param json the JSON body
   */
  public CallbackReply {
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }

  /**
   * Returns the result code sent back ({@code MaLoi}).
   *
   * @return {@code 00} when the callback was accepted
   */
  public String resultCode() {
    return fields.get("MaLoi");
  }
}
