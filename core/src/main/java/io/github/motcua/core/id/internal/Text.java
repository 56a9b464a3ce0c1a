package io.github.motcua.core.id.internal;

/** Small text helpers shared by the identifier parsers. Not part of the public API. */
public final class Text {

  private Text() {}

  /**
   * Removes every whitespace character (including non-breaking spaces) from the text.
   *
   * @param text the text, not null
   * @return the text without whitespace
   */
  public static String stripAllWhitespace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Tells whether every character is an ASCII digit.
   *
   * @param text the text, not null
   * @return true when the text is non-empty and consists of ASCII digits only
   */
  public static boolean isAsciiDigits(CharSequence text) {
    if (text.length() == 0) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Masks the middle of a value, keeping {@code head} leading and {@code tail} trailing characters.
   *
   * @param value the value, not null
   * @param head how many leading characters to keep
   * @param tail how many trailing characters to keep
   * @return the masked value, with one {@code *} per hidden character; all stars when the value is
   *     too short to keep anything
   */
  public static String mask(String value, int head, int tail) {
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
