package io.github.motcua.signing.pdf;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.dossier.Fee;
import io.github.motcua.core.dossier.Payer;
import io.github.motcua.signing.pdf.internal.PdfDependencies;
import io.github.motcua.signing.pdf.internal.PdfFonts;
import io.github.motcua.signing.pdf.internal.QrCode;
import io.github.motcua.signing.pdf.internal.TextLines;
import io.github.motcua.signing.receipt.EReceipt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Renders an electronic receipt ({@link EReceipt}) as a one-page printable PDF in Vietnamese (bản
 * thể hiện của biên lai điện tử), A5 or A4: the collecting unit, the form and series symbols and
 * the number, the payer, the items, the total in figures and in words, how it was paid, and the
 * lookup code as text and as a QR code (byte mode, level M) holding the lookup URL or the code.
 * With a {@link PdfSigner} it signs the page, showing the signature in the unit's signature box.
 *
 * <pre>{@code
 * EReceiptPdf receipts = EReceiptPdf.builder()
 *     .lookupUrl("https://dichvucong.example.gov.vn/tra-cuu-bien-lai?ma=")
 *     .signer(pdfSigner)
 *     .build();
 * byte[] signedPdf = receipts.sign(receipt);
 * }</pre>
 *
 * <p>The text is set in the bundled DejaVu Sans, embedded, so diacritics print and extract
 * correctly everywhere. The PDF shows the receipt; the signed XML ({@code EReceiptXml}) remains the
 * receipt of record. Items that do not fit on one page are refused ({@code e-receipt-pdf.too-long})
 * rather than cut.
 *
 * <p>Needs Apache PDFBox 3 on the class path. Immutable and thread-safe.
 */
public final class EReceiptPdf {

  /** The paper size of the receipt. */
  public enum PageSize {
    /** A5 portrait, 148 × 210 mm: the usual receipt size. */
    A5(PDRectangle.A5),
    /** A4 portrait, 210 × 297 mm. */
    A4(PDRectangle.A4);

    private final PDRectangle rectangle;

    PageSize(PDRectangle rectangle) {
      this.rectangle = rectangle;
    }
  }

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm");

  private final PageSize pageSize;
  private final String lookupUrl;
  private final PdfSigner signer;

  private EReceiptPdf(Builder builder) {
    this.pageSize = builder.pageSize;
    this.lookupUrl = builder.lookupUrl;
    this.signer = builder.signer;
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   * @throws io.github.motcua.core.ConfigurationException coded {@code pdf.dependency-missing} when
   *     an optional library it needs is not on the class path
   */
  public static Builder builder() {
    PdfDependencies.requirePdfBox("EReceiptPdf");
    PdfDependencies.requireZxing("EReceiptPdf");
    return new Builder();
  }

  /**
   * Renders the receipt, unsigned.
   *
   * @param receipt the receipt
   * @return the PDF
   * @throws InvalidInputException {@code e-receipt-pdf.too-long} when the items do not fit on one
   *     page
   */
  public byte[] render(EReceipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(pageSize.rectangle);
      document.addPage(page);
      PDFont font = PdfFonts.dejaVuSans(document);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        new Layout(content, font, pageSize.rectangle).draw(receipt, lookupText(receipt));
      }
      PDDocumentInformation info = document.getDocumentInformation();
      info.setTitle("Biên lai " + receipt.seriesSymbol() + " số " + receipt.printedNumber());
      info.setCreator("motcua");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidInputException(
          "e-receipt-pdf.write", "PDFBox could not write the receipt.", e);
    }
  }

  /**
   * Renders and signs the receipt in one step, the signature shown in the unit's box.
   *
   * @param receipt the receipt
   * @return the signed PDF
   * @throws ConfigurationException {@code e-receipt-pdf.signer.missing} when built without a signer
   */
  public byte[] sign(EReceipt receipt) {
    return boxedSigner().sign(render(receipt));
  }

  /**
   * First of three steps: renders the receipt and prepares its signature; finish with {@link
   * #complete}.
   *
   * @param receipt the receipt
   * @return the prepared signature
   */
  public PreparedPdfSignature prepare(EReceipt receipt) {
    return boxedSigner().prepare(render(receipt));
  }

  /**
   * Last of three steps.
   *
   * @param prepared the state from {@link #prepare}
   * @param signatureValue the holder's signature over its digest
   * @return the signed PDF
   */
  public byte[] complete(PreparedPdfSignature prepared, byte[] signatureValue) {
    return boxedSigner().complete(prepared, signatureValue);
  }

  /**
   * Returns where the signature box is on the page.
   *
   * @return the box on page 1
   */
  public VisibleSignature signatureBox() {
    PDRectangle page = pageSize.rectangle;
    float margin = Layout.margin(page);
    float width = Math.min(210, page.getWidth() / 2 - margin);
    return VisibleSignature.at(1, page.getWidth() - margin - width, margin, width, 64);
  }

  private PdfSigner boxedSigner() {
    if (signer == null) {
      throw new ConfigurationException(
          "e-receipt-pdf.signer.missing", "Give signer(...) to sign receipts.", null);
    }
    return signer.newBuilder().visibleSignature(signatureBox()).build();
  }

  private String lookupText(EReceipt receipt) {
    return lookupUrl == null ? receipt.lookupCode() : lookupUrl + receipt.lookupCode();
  }

  /** Draws one receipt page from the top down. */
  private final class Layout {
    private final PDPageContentStream content;
    private final PDFont font;
    private final PDRectangle page;
    private final float margin;
    private final float scale;
    private float y;

    Layout(PDPageContentStream content, PDFont font, PDRectangle page) {
      this.content = content;
      this.font = font;
      this.page = page;
      this.margin = margin(page);
      this.scale = page.getWidth() / PDRectangle.A5.getWidth();
      this.y = page.getHeight() - margin;
    }

    static float margin(PDRectangle page) {
      return page.getWidth() < 500 ? 28 : 42;
    }

    void draw(EReceipt receipt, String lookup) throws IOException {
      float width = page.getWidth() - 2 * margin;
      float half = width * 0.6f;
      float top = y;
      y = top;
      paragraph(receipt.collectingUnit().name().toUpperCase(java.util.Locale.ROOT), 8, half);
      paragraph("Mã số thuế: " + receipt.collectingUnit().taxCode().value(), 7, half);
      paragraph("Địa chỉ: " + receipt.collectingUnit().address(), 7, half);
      float leftBottom = y;
      y = top;
      float right = margin + half + 8;
      line("Mẫu số: " + receipt.formSymbol(), 7, right);
      line("Ký hiệu: " + receipt.seriesSymbol(), 7, right);
      line("Số: " + receipt.printedNumber(), 8, right);
      y = Math.min(y, leftBottom) - 10 * scale;

      centred("BIÊN LAI THU PHÍ, LỆ PHÍ", 13);
      centred("(Bản thể hiện của biên lai điện tử)", 7);
      ZonedDateTime issued = receipt.issuedAt().atZone(PdfSigner.VIETNAM);
      centred(
          String.format(
              "Ngày %02d tháng %02d năm %d, lúc %s",
              issued.getDayOfMonth(),
              issued.getMonthValue(),
              issued.getYear(),
              TIME.format(issued)),
          7);
      y -= 6 * scale;

      Payer payer = receipt.payer();
      paragraph("Người nộp: " + payer.name(), 8, width);
      payer.personalId().ifPresent(id -> paragraphUnchecked("Số định danh: " + id.value(), width));
      payer.taxCode().ifPresent(tax -> paragraphUnchecked("Mã số thuế: " + tax.value(), width));
      payer.address().ifPresent(address -> paragraphUnchecked("Địa chỉ: " + address, width));
      receipt
          .dossierCode()
          .ifPresent(code -> paragraphUnchecked("Mã hồ sơ: " + code.value(), width));
      y -= 4 * scale;

      table(receipt.items(), width);
      y -= 4 * scale;
      paragraph("Tổng cộng: " + receipt.total().format(), 9, width);
      paragraph("Số tiền bằng chữ: " + receipt.totalInWords() + ".", 8, width);
      paragraph("Hình thức thanh toán: " + receipt.paymentMethod().vietnameseName(), 7, width);
      receipt
          .paymentReference()
          .ifPresent(reference -> paragraphUnchecked("Mã giao dịch: " + reference, width));

      float box = signatureBox().height();
      float qrSide = Math.min(96 * scale, 120);
      float footer = margin + Math.max(box, qrSide) + 60 * scale;
      if (y < footer) {
        throw new InvalidInputException(
            "e-receipt-pdf.too-long",
            "The receipt's items do not fit on one " + pageSize + " page; use A4.",
            null);
      }
      float textY = margin;
      if (lookupUrl != null) {
        List<String> url = TextLines.wrap(font, 5.5f * scale, lookup, width / 2);
        for (int i = url.size() - 1; i >= 0; i--) {
          text(url.get(i), 5.5f, margin, textY);
          textY += 7 * scale;
        }
        text("Tra cứu tại:", 5.5f, margin, textY);
        textY += 10 * scale;
      }
      text("Mã tra cứu: " + receipt.lookupCode(), 7, margin, textY);
      qr(lookup, margin, textY + 6 * scale, qrSide);
      VisibleSignature signature = signatureBox();
      text("ĐƠN VỊ THU", 8, signature.x(), signature.y() + signature.height() + 6 * scale);
    }

    private void table(List<Fee> items, float width) throws IOException {
      float size = 7 * scale;
      float amountColumn = 80 * scale;
      float numberColumn = 18 * scale;
      float nameWidth = width - amountColumn - numberColumn - 8;
      rule(width);
      y -= size * 1.3f;
      text("STT", 7, margin, y);
      text("Nội dung khoản thu", 7, margin + numberColumn, y);
      rightAligned("Số tiền", 7, margin + width, y);
      y -= size * 0.5f;
      rule(width);
      int index = 1;
      for (Fee item : items) {
        List<String> lines =
            TextLines.wrap(
                font, size, item.kind().vietnameseName() + ": " + item.name(), nameWidth);
        y -= size * 1.3f;
        text(Integer.toString(index++), 7, margin, y);
        rightAligned(item.amount().format(), 7, margin + width, y);
        for (int i = 0; i < lines.size(); i++) {
          if (i > 0) {
            y -= size * 1.2f;
          }
          text(lines.get(i), 7, margin + numberColumn, y);
        }
        if (y < margin + 120 * scale) {
          throw new InvalidInputException(
              "e-receipt-pdf.too-long",
              "The receipt's items do not fit on one " + pageSize + " page; use A4.",
              null);
        }
      }
      y -= size * 0.6f;
      rule(width);
    }

    private void qr(String text, float x, float bottom, float side) throws IOException {
      QrCode code = QrCode.encodeText(text);
      int modules = code.size() + 8; // four-module quiet zone on each side
      float module = side / modules;
      content.setNonStrokingColor(0f, 0f, 0f);
      for (int row = 0; row < code.size(); row++) {
        int run = -1;
        for (int column = 0; column <= code.size(); column++) {
          boolean dark = column < code.size() && code.isDark(row, column);
          if (dark && run < 0) {
            run = column;
          } else if (!dark && run >= 0) {
            content.addRect(
                x + (run + 4) * module,
                bottom + side - (row + 5) * module,
                (column - run) * module,
                module);
            run = -1;
          }
        }
      }
      content.fill();
    }

    private void rule(float width) throws IOException {
      content.setLineWidth(0.5f);
      content.moveTo(margin, y);
      content.lineTo(margin + width, y);
      content.stroke();
    }

    private void paragraphUnchecked(String text, float width) {
      try {
        paragraph(text, 7, width);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }

    private void paragraph(String text, float size, float width) throws IOException {
      float scaled = size * scale;
      for (String line : TextLines.wrap(font, scaled, text, width)) {
        y -= scaled * 1.3f;
        text(line, size, margin, y);
      }
    }

    private void line(String text, float size, float x) throws IOException {
      y -= size * scale * 1.3f;
      text(text, size, x, y);
    }

    private void centred(String text, float size) throws IOException {
      float scaled = size * scale;
      y -= scaled * 1.4f;
      float width = TextLines.width(font, scaled, text);
      text(text, size, (page.getWidth() - width) / 2, y);
    }

    private void rightAligned(String text, float size, float right, float baseline)
        throws IOException {
      text(text, size, right - TextLines.width(font, size * scale, text), baseline);
    }

    private void text(String text, float size, float x, float baseline) throws IOException {
      content.beginText();
      content.setFont(font, size * scale);
      content.newLineAtOffset(x, baseline);
      content.showText(text);
      content.endText();
    }
  }

  /** Builds an {@link EReceiptPdf}. Not thread-safe. */
  public static final class Builder {
    private PageSize pageSize = PageSize.A5;
    private String lookupUrl;
    private PdfSigner signer;

    private Builder() {}

    /**
     * Sets the paper size.
     *
     * @param size default {@link PageSize#A5}
     * @return this builder
     */
    public Builder pageSize(PageSize size) {
      this.pageSize = Objects.requireNonNull(size, "size");
      return this;
    }

    /**
     * Sets the address where citizens look receipts up; the QR code then holds this address
     * followed by the lookup code, and the address is printed.
     *
     * @param prefix such as {@code https://dichvucong.example.gov.vn/tra-cuu-bien-lai?ma=}, or null
     *     for a QR code holding the lookup code alone (default)
     * @return this builder
     */
    public Builder lookupUrl(String prefix) {
      if (prefix != null && (prefix.isBlank() || prefix.length() > 500)) {
        throw new ConfigurationException(
            "e-receipt-pdf.lookup-url", "The lookup URL is 1 to 500 characters.", null);
      }
      this.lookupUrl = prefix;
      return this;
    }

    /**
     * Sets the signer for {@link #sign} and the three-step methods; its visible box is replaced by
     * the receipt's signature box.
     *
     * @param signer the signer, or null to render only
     * @return this builder
     */
    public Builder signer(PdfSigner signer) {
      this.signer = signer;
      return this;
    }

    /**
     * Builds the renderer.
     *
     * @return the renderer
     */
    public EReceiptPdf build() {
      return new EReceiptPdf(this);
    }
  }
}
