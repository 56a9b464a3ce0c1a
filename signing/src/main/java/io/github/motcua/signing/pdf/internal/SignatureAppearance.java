package io.github.motcua.signing.pdf.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Builds the one-page template PDFBox takes a visible signature's field, widget and appearance
 * stream from ({@code SignatureOptions.setVisualSignature}): a framed box with lines of text in the
 * embedded font, shrunk until they fit.
 */
public final class SignatureAppearance {

  private static final float PADDING = 4f;
  private static final float MAX_SIZE = 9f;
  private static final float MIN_SIZE = 4f;

  private SignatureAppearance() {}

  /**
   * Builds the template.
   *
   * @param pageSize the size of the page the box goes on
   * @param box the box in page coordinates
   * @param lines the text lines, top to bottom
   * @return the template PDF
   * @throws IOException when PDFBox cannot build it
   */
  public static byte[] template(PDRectangle pageSize, PDRectangle box, List<String> lines)
      throws IOException {
    try (PDDocument template = new PDDocument()) {
      PDPage page = new PDPage(pageSize);
      template.addPage(page);
      PDAcroForm form = new PDAcroForm(template);
      template.getDocumentCatalog().setAcroForm(form);
      PDSignatureField field = new PDSignatureField(form);
      PDAnnotationWidget widget = field.getWidgets().get(0);
      widget.setRectangle(box);
      widget.setPage(page);
      widget.setPrinted(true);
      form.getFields().add(field);
      page.getAnnotations().add(widget);

      PDAppearanceStream appearance = new PDAppearanceStream(new PDStream(template).getCOSObject());
      appearance.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
      appearance.setResources(new PDResources());
      PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
      dictionary.setNormalAppearance(appearance);
      widget.setAppearance(dictionary);

      PDFont font = PdfFonts.dejaVuSans(template);
      float width = box.getWidth() - 2 * PADDING;
      float height = box.getHeight() - 2 * PADDING;
      float size = MAX_SIZE;
      List<String> wrapped = wrapAll(font, size, lines, width);
      while (size > MIN_SIZE && wrapped.size() * size * 1.2f > height) {
        size -= 0.5f;
        wrapped = wrapAll(font, size, lines, width);
      }
      try (PDPageContentStream content = new PDPageContentStream(template, appearance)) {
        content.setStrokingColor(0.1f, 0.3f, 0.6f);
        content.setLineWidth(1f);
        content.addRect(0.5f, 0.5f, box.getWidth() - 1f, box.getHeight() - 1f);
        content.stroke();
        content.setNonStrokingColor(0.1f, 0.3f, 0.6f);
        float leading = size * 1.2f;
        float y = box.getHeight() - PADDING - size;
        for (String line : wrapped) {
          if (y < PADDING - size * 0.25f) {
            break; // what does not fit even at the smallest size is left out
          }
          content.beginText();
          content.setFont(font, size);
          content.newLineAtOffset(PADDING, y);
          content.showText(line);
          content.endText();
          y -= leading;
        }
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      template.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> wrapAll(PDFont font, float size, List<String> lines, float width) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      out.addAll(TextLines.wrap(font, size, line, width));
    }
    return out;
  }
}
