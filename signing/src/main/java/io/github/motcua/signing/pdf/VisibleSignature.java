package io.github.motcua.signing.pdf;

import io.github.motcua.core.ConfigurationException;

/**
 * Where a visible signature box (ô chữ ký hiển thị) goes: a page and a rectangle on it. The box
 * shows, in Vietnamese, who signed ("Ký bởi"), for which unit ("Đơn vị"), when ("Thời gian ký",
 * Vietnam time) and, when set, the reason and location, in the embedded DejaVu Sans font.
 *
 * <p>Coordinates are PDF points (1/72 inch) from the lower-left corner of the page's media box, as
 * in the PDF itself; pages are counted from 1. Rotated pages are not compensated: the box is placed
 * in the page's own coordinates.
 *
 * @param page the page, from 1
 * @param x the left edge in points
 * @param y the bottom edge in points
 * @param width the width in points, at least 36
 * @param height the height in points, at least 18
 */
public record VisibleSignature(int page, float x, float y, float width, float height) {

  /**
   * Validates the box.
   *
   * @throws ConfigurationException {@code visible-signature.box} when the page is below 1, a
   *     coordinate is negative or not finite, or the box is smaller than 36 × 18 points
   */
  public VisibleSignature {
    if (page < 1
        || !Float.isFinite(x)
        || !Float.isFinite(y)
        || !Float.isFinite(width)
        || !Float.isFinite(height)
        || x < 0
        || y < 0
        || width < 36
        || height < 18) {
      throw new ConfigurationException(
          "visible-signature.box",
          "A visible signature needs a page from 1 and a box of at least 36 x 18 points at"
              + " non-negative coordinates.",
          null);
    }
  }

  /**
   * A box on a page.
   *
   * @param page the page, from 1
   * @param x the left edge in points
   * @param y the bottom edge in points
   * @param width the width in points
   * @param height the height in points
   * @return the box
   */
  public static VisibleSignature at(int page, float x, float y, float width, float height) {
    return new VisibleSignature(page, x, y, width, height);
  }
}
