package io.github.motcua.portal.payment;

import java.util.Map;

/**
 * The partner's signed answer to a payment callback, which the payment platform expects as the body
 * of the HTTP reply (JSON, one string per field). Build it with {@link
 * PaymentPlatformClient#callbackReply(PaymentConfirmation)} or {@link
 * PaymentPlatformClient#callbackReply(PaymentException, java.util.Map)}.
 *
 * @param fields the reply fields in the profile's order, checksum last; unmodifiable
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
