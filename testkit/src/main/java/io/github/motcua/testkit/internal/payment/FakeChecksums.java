package io.github.motcua.testkit.internal.payment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The payment platform's checksums, written independently of the client's for cross-checking:
 * fields joined with {@code |}, then SHA-256 with the key appended, or HMAC-SHA256 keyed with it.
 */
public final class FakeChecksums {

  private FakeChecksums() {}

  /**
   * Computes a checksum.
   *
   * @param hmac true for HMAC-SHA256, false for SHA-256 with the key appended
   * @param fields the fields in order
   * @param key the secret key
   * @return lower-case hex
   */
  public static String compute(boolean hmac, List<String> fields, String key) {
    String joined = String.join("|", fields.stream().map(f -> f == null ? "" : f).toList());
    try {
      if (hmac) {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(joined.getBytes(StandardCharsets.UTF_8)));
      }
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest((joined + "|" + key).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
