package io.github.motcua.signing.pdf.internal;

import io.github.motcua.core.InvalidInputException;
import java.io.IOException;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;

/**
 * Certification signatures. Apart from {@code PdfSigner} so that verifying that class does not load
 * PDFBox's COS types before its {@code builder()} has checked PDFBox is there.
 */
public final class Certification {

  private Certification() {}

  /**
   * Makes the signature a certification signature (ISO 32000-1 §12.8.2.2): a DocMDP transform with
   * the permission {@code p} in the signature's {@code /Reference}, and the catalog's {@code /Perms
   * /DocMDP} pointing at it.
   *
   * @param document the document, before its signature is added
   * @param signature the signature being added
   * @param p the DocMDP permission, 1 to 3
   * @throws IOException when PDFBox cannot read the document
   * @throws InvalidInputException {@code pdf-signer.certification} when the document is signed
   *     already
   */
  public static void certify(PDDocument document, PDSignature signature, int p) throws IOException {
    if (document.getDocumentCatalog().getCOSObject().containsKey(COSName.PERMS)
        || !document.getSignatureDictionaries().isEmpty()) {
      throw new InvalidInputException(
          "pdf-signer.certification",
          "Only the first signature of a document may certify it.",
          null);
    }
    COSDictionary params = new COSDictionary();
    params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
    params.setInt(COSName.P, p);
    params.setName(COSName.V, "1.2");
    params.setDirect(true);
    COSDictionary reference = new COSDictionary();
    reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
    reference.setItem("TransformMethod", COSName.DOCMDP);
    reference.setItem("DigestMethod", COSName.getPDFName("SHA256"));
    reference.setItem("TransformParams", params);
    reference.setDirect(true);
    COSArray references = new COSArray();
    references.add(reference);
    references.setDirect(true);
    signature.getCOSObject().setItem("Reference", references);
    COSDictionary perms = new COSDictionary();
    perms.setItem(COSName.DOCMDP, signature);
    perms.setDirect(true);
    COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
    catalog.setItem(COSName.PERMS, perms);
    catalog.setNeedToBeUpdated(true);
  }
}
