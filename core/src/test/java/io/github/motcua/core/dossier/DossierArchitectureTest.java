package io.github.motcua.core.dossier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dossier model knows nothing of JSON, and no package of core depends on another in a cycle.
 */
class DossierArchitectureTest {

  private static final JavaClasses CORE =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.github.motcua.core");

  @Test
  void theModelDoesNotDependOnJsonOrJackson() {
    noClasses()
        .that()
        .resideInAPackage("io.github.motcua.core.dossier..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.github.motcua.core.json..", "com.fasterxml..")
        .check(CORE);
  }

  @Test
  void corePackagesAreFreeOfCycles() {
    slices().matching("io.github.motcua.core.(**)").should().beFreeOfCycles().check(CORE);
  }
}
