package io.github.motcua.signing.receipt.internal;

import io.github.motcua.core.InvalidInputException;
import java.time.ZoneId;

/** Checks shared by the receipt value types. Not part of the public API. */
public final class Fields {

  /** Vietnam time (UTC+7), in which receipts are dated and series years counted. */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private Fields() {}

  /**
   * Checks a required free-text field: strips it, refuses blank text, text longer than {@code max}
   * code points and control characters (which XML 1.0 cannot carry and which have no place on a
   * printed receipt).
   *
   * @param value the value, may be null
   * @param field the field name used in the error code
   * @param max the largest length in code points
   * @return the stripped value
   * @throws InvalidInputException with code {@code receipt.<field>.required}, {@code .length} or
   *     {@code .characters}
   */
  public static String text(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(
          "receipt." + field + "." + "required", "The " + field + " is required.");
    }
    String stripped = value.strip();
    if (stripped.codePointCount(0, stripped.length()) > max) {
      throw new InvalidInputException(
          "receipt." + field + "." + "length",
          "The " + field + " is longer than " + max + " characters.");
    }
    for (int i = 0; i < stripped.length(); i++) {
      char c = stripped.charAt(i);
      if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
        throw new InvalidInputException(
            "receipt." + field + "." + "characters",
            "The " + field + " contains a control character.");
      }
      if (Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c)
              && i + 1 < stripped.length()
              && Character.isLowSurrogate(stripped.charAt(i + 1)))
          && !(Character.isLowSurrogate(c)
              && i > 0
              && Character.isHighSurrogate(stripped.charAt(i - 1)))) {
        throw new InvalidInputException(
            "receipt." + field + "." + "characters",
            "The " + field + " contains an unpaired surrogate.");
      }
    }
    return stripped;
  }

  /**
   * Like {@link #text(String, String, int)} for an optional field: null or blank gives null.
   *
   * @param value the value, may be null
   * @param field the field name used in the error code
   * @param max the largest length in code points
   * @return the stripped value, or null
   */
  public static String optionalText(String value, String field, int max) {
    return value == null || value.isBlank() ? null : text(value, field, max);
  }

  /**
   * Masks a person's name for logs: the first letter of each word, the rest as stars.
   *
   * @param name the name, not null
   * @return for example {@code N***** V** A*} for {@code Nguyễn Văn An}
   */
  public static String maskName(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean wordStart = true;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp)) {
        out.append(' ');
        wordStart = true;
      } else if (wordStart) {
        out.appendCodePoint(cp);
        wordStart = false;
      } else {
        out.append('*');
      }
    }
    return out.toString();
  }
}
