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
}
