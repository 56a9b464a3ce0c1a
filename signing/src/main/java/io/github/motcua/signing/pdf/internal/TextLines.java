package io.github.motcua.signing.pdf.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Measures and wraps text for a font and size. */
public final class TextLines {

  private TextLines() {}

  /**
   * Returns the width of text.
   *
   * @param font the font
   * @param size the font size in points
   * @param text the text
   * @return the width in points
   */
  public static float width(PDFont font, float size, String text) {
    try {
      return font.getStringWidth(text) / 1000f * size;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot measure text", e);
    }
  }

  /**
   * Wraps text at spaces so that no line is wider than a width; a single word wider than the line
   * is cut where it overflows.
   *
   * @param font the font
   * @param size the font size in points
   * @param text the text
   * @param maxWidth the line width in points
   * @return the lines, at least one
   */
  public static List<String> wrap(PDFont font, float size, String text, float maxWidth) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      String candidate = line.length() == 0 ? word : line + " " + word;
      if (width(font, size, candidate) <= maxWidth) {
        line.setLength(0);
        line.append(candidate);
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
        line.setLength(0);
      }
      String rest = word;
      while (width(font, size, rest) > maxWidth && rest.length() > 1) {
        int cut = rest.length() - 1;
        while (cut > 1 && width(font, size, rest.substring(0, cut)) > maxWidth) {
          cut--;
        }
        lines.add(rest.substring(0, cut));
        rest = rest.substring(cut);
      }
      line.append(rest);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
