package io.github.motcua.portal.internal;

import java.util.regex.Pattern;

/** Removes personal data from remote messages before they enter exceptions and logs. */
public final class Redact {

  /** Digit runs as long as a 9-digit identity card or longer (12-digit personal IDs, phones). */
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{9,}");

  private static final int MAX = 300;

  private Redact() {}

  /**
   * Masks long digit runs (identity numbers, phone numbers) and shortens the message.
   *
   * @param message the remote message, may be null
   * @return the redacted message, never null
   */
  public static String message(String message) {
    if (message == null || message.isBlank()) {
      return "(no message)";
    }
    String out = LONG_NUMBER.matcher(message.strip()).replaceAll("***");
    return out.length() > MAX ? out.substring(0, MAX) + "…" : out;
  }

  /**
   * Masks long digit runs in a remote error code and shortens it to 64 characters.
   *
   * @param code the remote code, not null
   * @return the masked code
   */
  public static String code(String code) {
    String out = LONG_NUMBER.matcher(code.strip()).replaceAll("***");
    return out.length() > 64 ? out.substring(0, 64) + "…" : out;
  }
}
