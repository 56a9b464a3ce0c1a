package io.github.motcua.signing.pdf.internal;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A QR code symbol (ISO/IEC 18004) at error-correction level M, encoded by ZXing: the smallest
 * version that holds the text, the mask with the lowest penalty. Text that is not plain ASCII is
 * encoded as UTF-8 bytes behind an ECI designator saying so; plain ASCII carries no ECI, for the
 * oldest readers.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class QrCode {

  private final int version;
  private final ByteMatrix matrix;

  private QrCode(int version, ByteMatrix matrix) {
    this.version = version;
    this.matrix = matrix;
  }

  /**
   * Encodes text at level M.
   *
   * @param text the text; not null
   * @return the symbol
   * @throws IllegalArgumentException when the text does not fit a version-40-M symbol
   */
  public static QrCode encodeText(String text) {
    Map<EncodeHintType, Object> hints =
        StandardCharsets.US_ASCII.newEncoder().canEncode(text)
            ? Map.of()
            : Map.of(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
    try {
      com.google.zxing.qrcode.encoder.QRCode code =
          Encoder.encode(text, ErrorCorrectionLevel.M, hints);
      return new QrCode(code.getVersion().getVersionNumber(), code.getMatrix());
    } catch (WriterException e) {
      throw new IllegalArgumentException(
          "The text does not fit a QR code at level M (" + text.length() + " characters)", e);
    }
  }

  /**
   * Returns the version.
   *
   * @return 1 to 40
   */
  public int version() {
    return version;
  }

  /**
   * Returns the number of modules on a side, without the quiet zone.
   *
   * @return 21 to 177
   */
  public int size() {
    return matrix.getWidth();
  }

  /**
   * Tells whether a module is dark.
   *
   * @param row the row, 0 at the top
   * @param column the column, 0 at the left
   * @return true for a dark module; false outside the symbol
   */
  public boolean isDark(int row, int column) {
    return row >= 0
        && column >= 0
        && row < size()
        && column < size()
        && matrix.get(column, row) == 1;
  }
}
