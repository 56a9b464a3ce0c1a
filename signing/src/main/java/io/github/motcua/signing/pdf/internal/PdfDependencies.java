package io.github.motcua.signing.pdf.internal;

import io.github.motcua.core.ConfigurationException;

/**
 * Checks, at the PDF entry points, that the optional libraries they need are on the class path, so
 * that a missing one is a configuration error naming the Maven coordinates to add rather than a
 * {@link NoClassDefFoundError} from deep inside a call.
 *
 * <p>This class refers to neither library itself: it loads by name.
 */
public final class PdfDependencies {

  /** The stable code of the error. */
  public static final String MISSING = "pdf.dependency-missing";

  private PdfDependencies() {}

  /**
   * Requires Apache PDFBox, for every PDF feature.
   *
   * @param feature the entry point, for the message, such as {@code PdfSigner}
   * @throws ConfigurationException coded {@value #MISSING} when PDFBox is absent
   */
  public static void requirePdfBox(String feature) {
    require(feature, "org.apache.pdfbox.pdmodel.PDDocument", "org.apache.pdfbox:pdfbox", "3.0.x");
  }

  /**
   * Requires ZXing core, for the QR code of a PDF receipt.
   *
   * @param feature the entry point, for the message, such as {@code EReceiptPdf}
   * @throws ConfigurationException coded {@value #MISSING} when ZXing is absent
   */
  public static void requireZxing(String feature) {
    require(feature, "com.google.zxing.qrcode.encoder.Encoder", "com.google.zxing:core", "3.5.x");
  }

  private static void require(String feature, String className, String coordinates, String line) {
    try {
      Class.forName(className, false, PdfDependencies.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ConfigurationException(
          MISSING,
          feature
              + " needs "
              + coordinates
              + " ("
              + line
              + ") on the class path; motcua-signing declares it optional: add it to your"
              + " build.",
          e);
    }
  }
}
