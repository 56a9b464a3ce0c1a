package io.github.motcua.signing.pdf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * PDFBox and ZXing are optional dependencies: only the PDF package may touch it, so that
 * integrators who leave it off the class path can use everything else in the module.
 */
class PdfBoxIsolationTest {

  @Test
  void onlyThePdfPackageUsesPdfBox() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.motcua.signing.pdf..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..", "com.google.zxing..")
        .check(
            // The module's own compiled classes only: scanning the class path takes long.
            new ClassFileImporter().importPath(Path.of("target", "classes")));
  }
}
