package io.github.motcua.signing.pdf;

import io.github.motcua.signing.pdf.internal.PdfFonts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/** Documents and a fixed clock for the PDF tests. */
final class SamplePdfs {

  /** The fixed time the tests sign at. */
  static final Instant NOW = Instant.parse("2026-03-02T03:04:05Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /** An ASCII string in every sample's information dictionary, for tests that change a byte. */
  static final String MARKER = "motcua-sample-0000";

  private SamplePdfs() {}

  /**
   * Changes one byte of a document: a digit of {@link #MARKER}.
   *
   * @param pdf the document
   * @return a changed copy
   */
  static byte[] changeOneByte(byte[] pdf) {
    byte[] marker = MARKER.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    int at = indexOf(pdf, marker);
    if (at < 0) {
      throw new IllegalStateException("no marker");
    }
    byte[] out = pdf.clone();
    out[at + marker.length - 1] = '7';
    return out;
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** A one-page A4 result document with Vietnamese text. */
  static byte[] result() {
    return document("QUYẾT ĐỊNH cấp giấy phép xây dựng số 12/QĐ-UBND", 1);
  }

  static byte[] document(String text, int pages) {
    try (PDDocument document = new PDDocument()) {
      PDFont font = PdfFonts.dejaVuSans(document);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 14);
          content.newLineAtOffset(72, 760);
          content.showText(text);
          content.endText();
        }
      }
      document.getDocumentInformation().setTitle("Kết quả giải quyết thủ tục hành chính");
      document.getDocumentInformation().setSubject(MARKER);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      // Uncompressed, so that tests can find and change bytes in it.
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
