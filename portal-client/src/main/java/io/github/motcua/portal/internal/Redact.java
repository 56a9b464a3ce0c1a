package io.github.motcua.portal.internal;

import java.util.regex.Pattern;

/** Removes personal data from remote messages before they enter exceptions and logs. */
public final class Redact {

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
}
