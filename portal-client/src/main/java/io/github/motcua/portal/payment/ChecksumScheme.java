package io.github.motcua.portal.payment;

import io.github.motcua.core.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How the payment platform's checksum (mã xác thực, {@code MaXacThuc}) is computed from a message's
 * fields and the partner's secret key. The fields are joined with {@code |} in the order the
 * message type defines (a null field counts as empty text); the result is lower-case hex.
 *
 * <p>Which variant the platform uses today is not published (docs/domain.md §8 marks it unknown),
 * so it is a setting of {@link PaymentPlatformClient}; {@link #SHA256_WITH_KEY} is the default.
 *
 * <p>Thread-safe.
 */
public enum ChecksumScheme {

  /**
   * SHA-256 of the joined fields with the secret key appended as one more {@code |}-separated
   * element: {@code hex(SHA-256(f1|f2|...|fn|key))}. The variant seen in current public code.
   */
  SHA256_WITH_KEY {
    @Override
    public String compute(List<String> fields, String secretKey) {
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        byte[] digest =
            sha256.digest((join(fields) + "|" + key(secretKey)).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
      }
    }
  },

  /**
   * HMAC-SHA256 keyed with the secret key over the joined fields, without the key in the text:
   * {@code hex(HMAC-SHA256(key, f1|f2|...|fn))}. An older variant.
   */
  HMAC_SHA256 {
    @Override
    public String compute(List<String> fields, String secretKey) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key(secretKey).getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(join(fields).getBytes(StandardCharsets.UTF_8)));
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
      }
    }
  };

  /**
   * Computes the checksum.
   *
   * @param fields the fields in the message type's order; null elements count as empty text
   * @param secretKey the partner's secret key; not null or empty
   * @return 64 lower-case hex digits
   */
  public abstract String compute(List<String> fields, String secretKey);

  /**
   * Checks a received checksum in constant time (the time taken does not depend on how many leading
   * characters match). Upper-case hex is accepted.
   *
   * @param fields the fields in the message type's order
   * @param secretKey the partner's secret key
   * @param received the checksum received, may be null
   * @return true when it matches
   */
  public boolean verify(List<String> fields, String secretKey, String received) {
    if (received == null) {
      return false;
    }
    byte[] expected = compute(fields, secretKey).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = received.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual);
  }

  /**
   * Joins fields with {@code |}, nulls as empty text.
   *
   * @param fields the fields
   * @return the joined text
   */
  static String join(List<String> fields) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append('|');
      }
      String f = fields.get(i);
      out.append(f == null ? "" : f);
    }
    return out.toString();
  }

  private static String key(String secretKey) {
    if (secretKey == null || secretKey.isEmpty()) {
      throw new ConfigurationException(
          "portal.config.payment.secret-key", "The secret key is required.");
    }
    return secretKey;
  }
}
