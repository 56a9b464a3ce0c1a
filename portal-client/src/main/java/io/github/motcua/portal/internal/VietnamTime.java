package io.github.motcua.portal.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** The portals' {@code yyyyMMddHHmmss} timestamps, in Vietnam time (Asia/Ho_Chi_Minh, UTC+7). */
public final class VietnamTime {

  /** Asia/Ho_Chi_Minh. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuuMMddHHmmss").withResolverStyle(ResolverStyle.STRICT);

  private VietnamTime() {}

  /**
   * Formats an instant.
   *
   * @param instant the instant, may be null
   * @return {@code yyyyMMddHHmmss} in Vietnam time, or null for null
   */
  public static String format(Instant instant) {
    return instant == null ? null : FORMAT.format(instant.atZone(ZONE));
  }

  /**
   * Formats a local date-time already in Vietnam time.
   *
   * @param dateTime the date-time, may be null
   * @return {@code yyyyMMddHHmmss}, or null for null
   */
  public static String format(LocalDateTime dateTime) {
    return dateTime == null ? null : FORMAT.format(dateTime);
  }

  /**
   * Parses a timestamp.
   *
   * @param text {@code yyyyMMddHHmmss} in Vietnam time
   * @return the instant
   * @throws DateTimeException when the text is not such a timestamp
   */
  public static Instant parse(String text) {
    if (text == null || text.length() != 14) {
      throw new DateTimeException("Expected 14 digits yyyyMMddHHmmss.");
    }
    return LocalDateTime.parse(text, FORMAT).atZone(ZONE).toInstant();
  }
}
