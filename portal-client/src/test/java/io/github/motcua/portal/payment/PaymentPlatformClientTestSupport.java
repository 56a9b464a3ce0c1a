package io.github.motcua.portal.payment;

import io.github.motcua.core.MotcuaException;
import java.util.Map;

/** Small helpers shared by the payment tests. */
final class PaymentPlatformClientTestSupport {

  private PaymentPlatformClientTestSupport() {}

  /** The code of the refusal of a callback; fails when the callback is accepted. */
  static String refusal(PaymentPlatformClient client, Map<String, String> callback) {
    try {
      client.verifyCallback(callback);
    } catch (MotcuaException e) {
      return e.code();
    }
    throw new AssertionError("the callback was accepted");
  }
}
