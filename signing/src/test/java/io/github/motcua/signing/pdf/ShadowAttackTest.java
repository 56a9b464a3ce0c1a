package io.github.motcua.signing.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.signing.CmsVerifier;
import io.github.motcua.signing.KeyStoreSigningKey;
import io.github.motcua.signing.ReasonCode;
import io.github.motcua.signing.TrustAnchors;
import io.github.motcua.signing.Verdict;
import io.github.motcua.signing.VerificationLimits;
import io.github.motcua.signing.pdf.internal.PdfFonts;
import io.github.motcua.testkit.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The published shadow attacks (hide, replace, hide-and-replace; Mainka, Mladenov, Rohlmann 2021)
 * and the incremental-saving tricks that label a change as harmless, built here against a signed
 * fee notice: each is refused with {@code pdf.changes.modified}, whatever the update says about its
 * objects. Form filling passes where the signature's permissions allow it.
 */
class ShadowAttackTest {

  @RegisterExtension static final TestPki PKI = TestPki.builder().clock(SamplePdfs.CLOCK).build();

  private static final COSName COVER = COSName.getPDFName("Cover");
  private static final COSName SHADOW = COSName.getPDFName("Shadow");

  private static PdfSignatureVerifier verifier() {
    return verifier(VerificationLimits.defaults());
  }

  private static PdfSignatureVerifier verifier(VerificationLimits limits) {
    return PdfSignatureVerifier.builder()
        .cmsVerifier(
            CmsVerifier.builder()
                .trustAnchors(TrustAnchors.of(PKI.trustAnchors()))
                .clock(SamplePdfs.CLOCK)
                .limits(limits)
                .build())
        .clock(SamplePdfs.CLOCK)
        .build();
  }

  private static PdfSigner.Builder signer() {
    TestPki.Credential credential = PKI.organisationSigner();
    return PdfSigner.builder()
        .key(KeyStoreSigningKey.of(credential.privateKey(), credential.chain()))
        .clock(SamplePdfs.CLOCK);
  }

  /**
   * A fee notice: the amount due in text; a fine line hidden under a white cover (a form XObject);
   * an unused form XObject holding other text (the shadow content an attacker plants); a text field
   * with the amount.
   */
  static byte[] notice() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      PDFont font = PdfFonts.dejaVuSans(document);
      PDFormXObject cover = new PDFormXObject(document);
      cover.setBBox(new PDRectangle(0, 0, 595, 842));
      try (OutputStream out = cover.getCOSObject().createOutputStream()) {
        out.write("1 1 1 rg 60 690 480 30 re f".getBytes(StandardCharsets.US_ASCII));
      }
      PDFormXObject shadow = new PDFormXObject(document);
      shadow.setBBox(new PDRectangle(0, 0, 595, 842));
      shadow.setResources(new PDResources());
      COSName shadowFont = shadow.getResources().add(font);
      try (OutputStream out = shadow.getCOSObject().createOutputStream()) {
        out.write(
            ("BT /"
                    + shadowFont.getName()
                    + " 14 Tf 72 760 Td <"
                    + hex(font, "Số tiền: 0 đồng")
                    + "> Tj ET")
                .getBytes(StandardCharsets.US_ASCII));
      }
      PDResources resources = new PDResources();
      page.setResources(resources);
      resources.put(COVER, cover);
      resources.put(SHADOW, shadow);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(font, 14);
        content.newLineAtOffset(72, 760);
        content.showText("Số tiền phải nộp: 1.000.000 đồng");
        content.newLineAtOffset(0, -60);
        content.showText("Ghi chú: phạt chậm nộp 5.000.000 đồng");
        content.endText();
        content.drawForm(cover);
      }
      PDAcroForm form = new PDAcroForm(document);
      document.getDocumentCatalog().setAcroForm(form);
      PDResources formResources = new PDResources();
      formResources.put(
          COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
      form.setDefaultResources(formResources);
      PDTextField field = new PDTextField(form);
      field.setPartialName("amount");
      field.setDefaultAppearance("/Helv 12 Tf 0 g");
      form.getFields().add(field);
      var widget = field.getWidgets().get(0);
      widget.setRectangle(new PDRectangle(72, 600, 200, 20));
      widget.setPage(page);
      page.getAnnotations().add(widget);
      field.setValue("1000000");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out, CompressParameters.NO_COMPRESSION);
      return out.toByteArray();
    }
  }

  private static String hex(PDFont font, String text) throws IOException {
    return java.util.HexFormat.of().formatHex(font.encode(text));
  }

  /** Appends an incremental update writing exactly {@code objects}, after {@code change}. */
  private static byte[] update(byte[] pdf, Change change) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Set<COSDictionary> objects = change.apply(document);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out, objects);
      return out.toByteArray();
    }
  }

  @FunctionalInterface
  interface Change {
    Set<COSDictionary> apply(PDDocument document) throws IOException;
  }

  /** Signs the notice, then appends the attacker's update. */
  private static byte[] attack(Change change) throws IOException {
    return update(signer().build().sign(notice()), change);
  }

  private static void assertRefused(byte[] attacked) {
    PdfVerificationReport report = verifier().verify(attacked);
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    PdfSignatureReport signature = report.signatures().get(0);
    assertThat(signature.report().has(ReasonCode.PDF_CHANGED_AFTER_SIGNING))
        .as(report.toString())
        .isTrue();
    // The signed bytes themselves are intact: only the later revision is refused.
    assertThat(signature.report().has(ReasonCode.CONTENT_DIGEST_MATCHES)).isTrue();
  }

  @Test
  void theSignedNoticeVerifies() throws IOException {
    PdfVerificationReport report = verifier().verify(signer().build().sign(notice()));
    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void hideRemovesTheCoverAndLabelsItMetadata() throws IOException {
    byte[] attacked =
        attack(
            document -> {
              COSStream cover =
                  (COSStream) document.getPage(0).getResources().getXObject(COVER).getCOSObject();
              cover.setItem(COSName.TYPE, COSName.METADATA);
              cover.setItem(COSName.SUBTYPE, COSName.getPDFName("XML"));
              try (OutputStream out = cover.createOutputStream()) {
                out.write("<x:xmpmeta xmlns:x='adobe:ns:meta/'/>".getBytes(StandardCharsets.UTF_8));
              }
              return Set.of(cover);
            });

    assertRefused(attacked);
    PdfSignatureReport signature = verifier().verify(attacked).signatures().get(0);
    assertThat(signature.changesAfterSigning())
        .anySatisfy(
            c -> {
              assertThat(c.kind()).isEqualTo(PdfChange.Kind.PAGE_CONTENT);
              assertThat(c.object()).isEqualTo("page 1");
            });
  }

  @Test
  void replaceRemapsTheFontAndPointsTheTrailerInfoAtIt() throws IOException {
    byte[] attacked =
        attack(
            document -> {
              PDResources resources = document.getPage(0).getResources();
              COSName name = resources.getFontNames().iterator().next();
              COSDictionary font = resources.getFont(name).getCOSObject();
              COSDictionary descendant =
                  (COSDictionary)
                      ((COSArray) font.getDictionaryObject(COSName.DESCENDANT_FONTS)).getObject(0);
              // Other glyph widths: the digits of the amount now render elsewhere.
              COSArray widths = new COSArray();
              widths.add(org.apache.pdfbox.cos.COSInteger.get(0));
              COSArray w = new COSArray();
              for (int i = 0; i < 400; i++) {
                w.add(new COSFloat(1000f));
              }
              widths.add(w);
              descendant.setItem(COSName.W, widths);
              document.getDocument().getTrailer().setItem(COSName.INFO, descendant);
              return Set.of(descendant);
            });
    String text = new String(attacked, StandardCharsets.ISO_8859_1);
    String lastTrailer = text.substring(text.lastIndexOf("trailer"));
    assertThat(lastTrailer).containsPattern("/Info \\d+ 0 R");

    assertRefused(attacked);
  }

  @Test
  void hideAndReplacePointsThePageAtShadowContentAlreadySigned() throws IOException {
    byte[] attacked =
        attack(
            document -> {
              PDPage page = document.getPage(0);
              COSStream shadow = (COSStream) page.getResources().getXObject(SHADOW).getCOSObject();
              COSDictionary dict = page.getCOSObject();
              dict.setItem(COSName.CONTENTS, shadow);
              dict.setItem(COSName.TYPE, COSName.METADATA); // the label the old check trusted
              return Set.of(dict);
            });

    assertRefused(attacked);
  }

  @Test
  void anOverlayAnnotationAddedAfterSigningIsRefused() throws IOException {
    byte[] attacked =
        attack(
            document -> {
              PDPage page = document.getPage(0);
              PDAnnotationText note = new PDAnnotationText();
              note.setRectangle(new PDRectangle(60, 690, 480, 30));
              note.setContents("Đã miễn phạt");
              page.getAnnotations().add(note);
              return Set.of(page.getCOSObject(), note.getCOSObject());
            });

    assertRefused(attacked);
  }

  @Test
  void aChangedOpenActionInTheCatalogIsRefused() throws IOException {
    byte[] attacked =
        attack(
            document -> {
              COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
              COSDictionary action = new COSDictionary();
              action.setItem(COSName.S, COSName.getPDFName("URI"));
              action.setString(COSName.URI, "https://example.invalid/pay");
              catalog.setItem(COSName.OPEN_ACTION, action);
              return Set.of(catalog);
            });

    assertRefused(attacked);
  }

  @Test
  void fillingTheFormIsAllowedWithoutCertification() throws IOException {
    byte[] signed = signer().build().sign(notice());
    byte[] filled = fill(signed);

    PdfVerificationReport report = verifier().verify(filled);

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
    assertThat(report.signatures().get(0).changesAfterSigning())
        .anyMatch(c -> c.kind() == PdfChange.Kind.FORM_FILL)
        .allMatch(c -> c.kind().allowedAfterSigning());
  }

  @Test
  void fillingTheFormIsRefusedWhenTheCertificationForbidsAllChanges() throws IOException {
    byte[] signed = signer().certification(1).build().sign(notice());
    assertThat(verifier().verify(signed).verdict()).isEqualTo(Verdict.VALID);

    PdfVerificationReport report = verifier().verify(fill(signed));

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.INVALID);
    assertThat(report.signatures().get(0).changesAfterSigning())
        .anyMatch(c -> c.kind() == PdfChange.Kind.FORM_FIELD);
  }

  @Test
  void fillingTheFormIsAllowedWhenTheCertificationAllowsIt() throws IOException {
    byte[] signed = signer().certification(2).build().sign(notice());

    PdfVerificationReport report = verifier().verify(fill(signed));

    assertThat(report.verdict()).as(report.toString()).isEqualTo(Verdict.VALID);
  }

  @Test
  void aSecondSignatureOnADocumentCertifiedWithoutChangesIsRefused() throws IOException {
    byte[] certified = signer().certification(1).build().sign(notice());
    byte[] twice = signer().build().sign(certified);

    PdfVerificationReport report = verifier().verify(twice);

    assertThat(report.signatures().get(0).verdict())
        .as(report.toString())
        .isEqualTo(Verdict.INVALID);
  }

  @Test
  void aPdfWithThousandsOfRevisionsIsRefusedByCount() throws IOException {
    byte[] signed = signer().build().sign(notice());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(signed);
    // 3,000 empty revisions: each a trailer and end-of-file marker pointing at the last.
    String tail = new String(signed, StandardCharsets.ISO_8859_1);
    int startxref = tail.lastIndexOf("startxref");
    String previous = tail.substring(startxref + 9, tail.indexOf("%%EOF", startxref)).trim();
    for (int i = 0; i < 3000; i++) {
      out.write(("\nstartxref\n" + previous + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
    }
    byte[] hostile = out.toByteArray();

    PdfVerificationReport report = verifier().verify(hostile);

    assertThat(report.verdict()).isEqualTo(Verdict.INDETERMINATE);
    assertThat(report.signatures()).isEmpty();
    assertThat(report.documentChecks().get(0).reason()).isEqualTo(ReasonCode.LIMIT_EXCEEDED);
    assertThat(report.documentChecks().get(0).detail()).startsWith("limit.pdf-revisions: 1001");
    // A lower object budget bounds the comparison of a document with many objects.
    PdfVerificationReport small =
        verifier(VerificationLimits.builder().maxPdfObjects(5).build()).verify(fill(signed));
    assertThat(small.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(small.signatures().get(0).changesAfterSigning())
        .anySatisfy(c -> assertThat(c.description()).startsWith("limit.pdf-objects"));
  }

  /** Fills the text field in an incremental update: a new value and a new appearance. */
  private static byte[] fill(byte[] pdf) throws IOException {
    return update(
        pdf,
        document -> {
          PDTextField field =
              (PDTextField) document.getDocumentCatalog().getAcroForm().getField("amount");
          field.setValue("2000000");
          COSDictionary dict = field.getCOSObject();
          COSDictionary appearance =
              field
                  .getWidgets()
                  .get(0)
                  .getAppearance()
                  .getNormalAppearance()
                  .getAppearanceStream()
                  .getCOSObject();
          return Set.of(dict, appearance);
        });
  }
}
