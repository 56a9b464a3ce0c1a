package io.github.motcua.signing.pdf;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * PDFBox is an optional dependency: only the PDF package may touch it, so that integrators who
 * leave it off the class path can use everything else in the module.
 */
class PdfBoxIsolationTest {

  @Test
  void onlyThePdfPackageUsesPdfBox() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.motcua.signing.pdf..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.pdfbox..", "org.apache.fontbox..")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("io.github.motcua.signing"));
  }
}
