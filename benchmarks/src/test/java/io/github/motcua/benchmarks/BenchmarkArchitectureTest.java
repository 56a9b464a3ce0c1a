package io.github.motcua.benchmarks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.github.motcua.vneid.internal.IdTokenValidator;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks may measure a module's internals where the figure is about them; each such use is
 * named here (the library modules' own rule, in the examples' ModuleArchitectureTest, allows none).
 */
class BenchmarkArchitectureTest {

  @Test
  void benchmarksUseOnlyTheNamedInternalClasses() {
    noClasses()
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("io.github.motcua..internal..")
                .and(
                    // IdTokenValidationBenchmark: the ID token checks alone, against nimbus's.
                    DescribedPredicate.not(
                        JavaClass.Predicates.belongToAnyOf(IdTokenValidator.class))))
        .check(
            // This module's own compiled classes only (JMH's generated ones included).
            new ClassFileImporter().importPath(Path.of("target", "classes")));
  }
}
