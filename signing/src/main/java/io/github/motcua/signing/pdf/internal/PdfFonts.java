package io.github.motcua.signing.pdf.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The font motcua writes Vietnamese text with: DejaVu Sans, bundled next to this class with its
 * licence ({@code DejaVuSans-LICENSE.txt}), embedded as a subset so that every reader shows the
 * diacritics and text extraction gives back the original characters.
 */
public final class PdfFonts {

  private static final String RESOURCE = "DejaVuSans.ttf";

  private PdfFonts() {}

  /**
   * Loads the font into a document, to be subset when the document is saved.
   *
   * @param document the document the font is embedded in
   * @return the font, typed as its supertype so that callers' verification does not load the
   *     subtype
   */
  public static PDFont dejaVuSans(PDDocument document) {
    try (InputStream in = new ByteArrayInputStream(Holder.BYTES)) {
      return PDType0Font.load(document, in, true);
    } catch (IOException e) {
      throw new UncheckedIOException("The bundled font cannot be read", e);
    }
  }

  /** Reads the font file once, on first use; the bytes are never modified. */
  private static final class Holder {
    static final byte[] BYTES = read();

    private static byte[] read() {
      try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException("The bundled font cannot be read", e);
      }
    }
  }
}
