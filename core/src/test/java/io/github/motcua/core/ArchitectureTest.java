package io.github.motcua.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of ARCHITECTURE.md that concern core alone. */
class ArchitectureTest {

  private static JavaClasses core;

  @BeforeAll
  static void importCore() {
    core =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua.core");
  }

  @Test
  void coreDependsOnlyOnTheJdkJacksonAndSlf4j() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            "io.github.motcua.core..", "java..", "com.fasterxml.jackson..", "org.slf4j..")
        .check(core);
  }

  @Test
  void corePackagesHaveNoCycles() {
    slices().matching("io.github.motcua.core.(**)").should().beFreeOfCycles().check(core);
  }

  @Test
  void internalPackagesAreUsedOnlyWithinTheirParent() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.motcua.core.id..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.motcua.core.id.internal..")
        .allowEmptyShould(true)
        .check(core);
  }

  @Test
  void libraryCodeNeverPrintsToTheConsole() {
    noClasses()
        .should()
        .accessField(System.class, "out")
        .orShould()
        .accessField(System.class, "err")
        .orShould()
        .callMethod(Throwable.class, "printStackTrace")
        .check(core);
  }

  @Test
  void everyExceptionIsAMotcuaException() {
    classes()
        .that()
        .areAssignableTo(RuntimeException.class)
        .should()
        .beAssignableTo(MotcuaException.class)
        .check(core);
  }
}
