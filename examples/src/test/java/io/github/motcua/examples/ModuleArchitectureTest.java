package io.github.motcua.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.github.motcua.core.ConfigurationException;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.SecurityRefusalException;
import io.github.motcua.portal.sync.DeliveryQueue;
import io.github.motcua.portal.sync.JdbcSyncOutbox;
import io.github.motcua.portal.sync.OutboxOperator;
import io.github.motcua.portal.sync.OutboxWriter;
import io.github.motcua.portal.sync.SyncOutbox;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The module dependency rules of ARCHITECTURE.md, checked on the compiled library modules. The
 * examples module depends on every library module, so all of them are on this test's class path.
 */
class ModuleArchitectureTest {

  private static final String CORE = "io.github.motcua.core..";
  private static final String SIGNING = "io.github.motcua.signing..";
  private static final String VNEID = "io.github.motcua.vneid..";
  private static final String PORTAL = "io.github.motcua.portal..";
  private static final String TESTKIT = "io.github.motcua.testkit..";
  private static final String EXAMPLES = "io.github.motcua.examples..";
  private static final String BENCHMARKS = "io.github.motcua.benchmarks..";

  private static JavaClasses motcua;

  @BeforeAll
  static void importLibraryModules() {
    motcua =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.motcua");
  }

  @Test
  void coreDependsOnNoOtherModule() {
    noClasses()
        .that()
        .resideInAPackage(CORE)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SIGNING, VNEID, PORTAL, TESTKIT, EXAMPLES, BENCHMARKS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("okhttp3..", "org.bouncycastle..", "com.nimbusds..", "wiremock..")
        .check(motcua);
  }

  @Test
  void signingDependsOnCoreBouncyCastleAndOkHttpOnly() {
    noClasses()
        .that()
        .resideInAPackage(SIGNING)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(VNEID, PORTAL, TESTKIT, EXAMPLES, BENCHMARKS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("com.nimbusds..", "wiremock..")
        .allowEmptyShould(true)
        .check(motcua);
  }

  @Test
  void vneidAdapterDependsOnCoreNimbusOkHttpAndJacksonOnly() {
    noClasses()
        .that()
        .resideInAPackage(VNEID)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SIGNING, PORTAL, TESTKIT, EXAMPLES, BENCHMARKS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.bouncycastle..", "wiremock..")
        .allowEmptyShould(true)
        .check(motcua);
  }

  @Test
  void portalClientDependsOnCoreOkHttpJacksonAndJdbcOnly() {
    noClasses()
        .that()
        .resideInAPackage(PORTAL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SIGNING, VNEID, TESTKIT, EXAMPLES, BENCHMARKS)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage("org.bouncycastle..", "com.nimbusds..", "wiremock..", "org.h2..")
        .allowEmptyShould(true)
        .check(motcua);
  }

  @Test
  void portalInternalsAreUsedOnlyInsideThePortalClient() {
    noClasses()
        .that()
        .resideOutsideOfPackage(PORTAL)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.github.motcua.portal.internal..", "io.github.motcua.portal.sync.internal..")
        .check(motcua);
  }

  @Test
  void theSyncWorkersPartsStayInsideTheSyncPackage() {
    classes()
        .that()
        .resideInAPackage("io.github.motcua.portal.sync")
        .and()
        .haveSimpleNameStartingWith("Lane")
        .or()
        .haveSimpleName("Courier")
        .or()
        .haveSimpleName("Outcomes")
        .or()
        .haveSimpleName("LeaseFence")
        .or()
        .haveSimpleName("WorkerSettings")
        .or()
        .haveSimpleName("GuardedListener")
        .or()
        .haveSimpleName("Reasons")
        .should()
        .notBePublic()
        .andShould()
        .resideInAPackage("io.github.motcua.portal.sync")
        .check(motcua);
  }

  @Test
  void oneCircuitBreakerServesTheClientsAndTheWorker() {
    // The breaker state machine exists once: the clients' executor and the worker use it.
    classes()
        .that()
        .haveSimpleNameEndingWith("Breaker")
        .or()
        .haveSimpleNameEndingWith("Health")
        .and()
        .resideInAPackage(PORTAL)
        .should()
        .haveFullyQualifiedName("io.github.motcua.portal.internal.Breaker")
        .check(motcua);
    noClasses()
        .that()
        .resideOutsideOfPackages("io.github.motcua.portal.internal", "io.github.motcua.portal.sync")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("io.github.motcua.portal.internal.Breaker")
        .check(motcua);
  }

  @Test
  void testKitSpeaksOnlyWireProtocolsAndKnowsNoClientModule() {
    noClasses()
        .that()
        .resideInAPackage(TESTKIT)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(SIGNING, VNEID, PORTAL, EXAMPLES, BENCHMARKS)
        .allowEmptyShould(true)
        .check(motcua);
  }

  /**
   * The test kit runs on the integrator's JUnit Jupiter, 5.x or 6 (its JUnit dependency is
   * optional). It may use only what JUnit 5.0 already had: the lifecycle callbacks, and the
   * extension context's store. ({@code Interop} skips a test with opentest4j's {@code
   * TestAbortedException}, which every JUnit 5 brings: outside {@code org.junit}.)
   */
  @Test
  void testKitUsesOnlyJUnitApiThatEveryJUnit5Has() {
    noClasses()
        .that()
        .resideInAPackage(TESTKIT)
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAPackage("org.junit..")
                .and(
                    DescribedPredicate.not(
                        JavaClass.Predicates.belongToAnyOf(
                            BeforeAllCallback.class,
                            AfterAllCallback.class,
                            BeforeEachCallback.class,
                            AfterEachCallback.class,
                            ExtensionContext.class))))
        .orShould()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a JUnit method other than ExtensionContext.getStore, Namespace.create, Store.put"
                    + " and Store.remove",
                call ->
                    call.getTargetOwner().getPackageName().startsWith("org.junit")
                        && !Set.of("getStore", "create", "put", "remove").contains(call.getName())))
        .check(motcua);
  }

  /**
   * An {@code internal} package is its module's own: no other library module (nor the examples)
   * uses it, and the test kit uses none of core's. Core's {@code io.github.motcua.core.internal}
   * (the shared JDBC convention of every store, the one LRU cache) is support code for the library
   * modules: signing, vneid-adapter and portal-client may use it, never the test kit or the
   * examples, and no API signature shows it. The one documented exception is outside this class
   * path: the benchmarks module (never published) measures {@code
   * io.github.motcua.vneid.internal.IdTokenValidator} directly, checked by its own
   * BenchmarkArchitectureTest.
   */
  @Test
  void noModuleUsesAnotherModulesInternalPackages() {
    classes()
        .should(
            new ArchCondition<JavaClass>("use no internal package of another module") {
              @Override
              public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                  JavaClass target = d.getTargetClass();
                  if (isInternal(target)
                      && !module(target).equals(module(origin))
                      && !isSharedSupport(target, origin)) {
                    events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                  }
                }
              }
            })
        .check(motcua);
  }

  /**
   * What an API package shows (public and protected fields, methods, constructors, supertypes,
   * thrown exceptions, type arguments) names no type of an {@code internal} package: integrators
   * never see one, and an internal class can change without breaking them.
   */
  @Test
  void apiSignaturesExposeNoInternalType() {
    classes()
        .that(
            DescribedPredicate.describe(
                "are public and outside internal packages",
                (JavaClass c) -> c.getModifiers().contains(JavaModifier.PUBLIC) && !isInternal(c)))
        .should(
            new ArchCondition<JavaClass>("expose no internal type in a public signature") {
              @Override
              public void check(JavaClass api, ConditionEvents events) {
                List<JavaType> shown = new ArrayList<>();
                api.getSuperclass().ifPresent(shown::add);
                shown.addAll(api.getInterfaces());
                report(api.getFullName(), shown, events);
                for (JavaField f : api.getFields()) {
                  if (visible(f)) {
                    report(f.getFullName(), List.of(f.getType()), events);
                  }
                }
                for (JavaCodeUnit u : api.getCodeUnits()) {
                  if (visible(u) && !u.getName().equals("<clinit>")) {
                    List<JavaType> types = new ArrayList<>(u.getParameterTypes());
                    types.add(u.getReturnType());
                    types.addAll(u.getThrowsClause().getTypes());
                    report(u.getFullName(), types, events);
                  }
                }
              }
            })
        .check(motcua);
  }

  private static boolean visible(JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
        && !modifiers.contains(JavaModifier.SYNTHETIC);
  }

  private static void report(String where, List<? extends JavaType> types, ConditionEvents events) {
    for (JavaType type : types) {
      for (JavaClass raw : type.getAllInvolvedRawTypes()) {
        if (isInternal(raw)) {
          events.add(SimpleConditionEvent.violated(where, where + " exposes " + raw.getFullName()));
        }
      }
    }
  }

  private static boolean isInternal(JavaClass c) {
    String name = c.getPackageName();
    return name.startsWith("io.github.motcua.")
        && (name.endsWith(".internal") || name.contains(".internal."));
  }

  /** Core's internal support package, used by a library module. */
  private static boolean isSharedSupport(JavaClass target, JavaClass origin) {
    String p = target.getPackageName();
    return (p.equals("io.github.motcua.core.internal")
            || p.startsWith("io.github.motcua.core.internal."))
        && Set.of("signing", "vneid", "portal").contains(module(origin));
  }

  /** The module of a motcua class: the package segment after {@code io.github.motcua}. */
  private static String module(JavaClass c) {
    String rest = c.getPackageName().substring("io.github.motcua.".length());
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  @Test
  void modulesHaveNoCyclesBetweenThem() {
    slices().matching("io.github.motcua.(*)..").should().beFreeOfCycles().check(motcua);
  }

  // ------------------------------------------------------------ the outbox's three sides

  private static final String SYNC = "io.github.motcua.portal.sync..";

  /** The writer's and the operator's methods a worker has no business calling. */
  private static final Set<String> NOT_THE_WORKERS =
      Set.of(
          "enqueue",
          "enqueueAll",
          "deadLetters",
          "deadLetter",
          "retryDeadLetter",
          "skipDeadLetter",
          "operatorActions");

  /**
   * The worker and its internals use only the outbox's worker side ({@link DeliveryQueue}): they
   * neither record events nor administer dead letters, whatever type they hold the outbox by, and
   * never reach the JDBC implementation.
   */
  @Test
  void theWorkerUsesOnlyTheOutboxsWorkerSide() {
    noClasses()
        .that()
        .haveNameMatching("io\\.github\\.motcua\\.portal\\.sync\\.SyncWorker.*")
        .or()
        .resideInAPackage("io.github.motcua.portal.sync.internal..")
        .should()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a writer's or operator's method of the outbox",
                call ->
                    (call.getTargetOwner().isAssignableTo(OutboxWriter.class)
                            || call.getTargetOwner().isAssignableTo(OutboxOperator.class))
                        && NOT_THE_WORKERS.contains(call.getName())))
        .orShould()
        .dependOnClassesThat()
        .belongToAnyOf(JdbcSyncOutbox.class)
        .check(motcua);
  }

  /** Code that records events holds the outbox by its writer side. */
  @Test
  void theExamplesRecordEventsThroughTheWriterSideOnly() {
    noClasses()
        .that()
        .haveFullyQualifiedName("io.github.motcua.examples.commune.CommuneSimulation$Recorder")
        .should()
        .dependOnClassesThat()
        .belongToAnyOf(
            SyncOutbox.class, JdbcSyncOutbox.class, DeliveryQueue.class, OutboxOperator.class)
        .check(motcua);
  }

  /**
   * The outbox's internals (its SQL, leases, dead-letter desk, snapshot folding) stay inside the
   * sync package: other packages use its public types only.
   */
  @Test
  void nothingOutsideTheSyncPackageUsesItsInternals() {
    noClasses()
        .that()
        .resideOutsideOfPackage(SYNC)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.github.motcua.portal.sync.internal..")
        .check(motcua);
  }

  /**
   * Personal data is masked in one place, {@code io.github.motcua.core.privacy.Masking}, so that a
   * masked name or ID reads the same in every module's logs: no other class is named after masking
   * and no other method is named {@code mask...}, except the values' public {@code masked()}
   * accessors (which call it). A QR code's mask patterns are another sense of the word.
   */
  @Test
  void personalDataIsMaskedInOnePlace() {
    String masking = "io.github.motcua.core.privacy.Masking";
    classes()
        .that()
        .haveSimpleNameContaining("Mask")
        .should()
        .haveFullyQualifiedName(masking)
        .check(motcua);
    methods()
        .that()
        .haveNameMatching("(?i)mask.*")
        .and()
        .doNotHaveName("masked")
        .and()
        .areDeclaredInClassesThat()
        .doNotHaveSimpleName("QrCode")
        .should()
        .beDeclaredIn(masking)
        .allowEmptyShould(true)
        .check(motcua);
  }

  /** The four reaction types of core; no module adds its own exception class. */
  private static final Set<Class<?>> REACTIONS =
      Set.of(
          InvalidInputException.class,
          ConfigurationException.class,
          RetryLaterException.class,
          SecurityRefusalException.class);

  @Test
  void onlyCoreDefinesMotcuaExceptions() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.github.motcua.core")
        .should()
        .beAssignableTo(MotcuaException.class)
        .because("a failure is one of core's four reaction types, told apart by its code()")
        .check(motcua);
    classes()
        .that()
        .areAssignableTo(MotcuaException.class)
        .should()
        .haveNameMatching(
            "io\\.github\\.motcua\\.core\\."
                + "(Motcua|InvalidInput|Configuration|RetryLater|SecurityRefusal)Exception")
        .check(motcua);
  }

  @Test
  void publicMethodsDeclareOnlyTheFourReactionTypes() {
    methods()
        .that()
        .arePublic()
        .should(
            new ArchCondition<JavaMethod>("declare only core's reaction types among motcua's") {
              @Override
              public void check(JavaMethod method, ConditionEvents events) {
                for (JavaClass thrown : method.getThrowsClause().getTypes()) {
                  if (thrown.isAssignableTo(MotcuaException.class)
                      && REACTIONS.stream().noneMatch(thrown::isEquivalentTo)
                      && !thrown.isEquivalentTo(MotcuaException.class)) {
                    events.add(
                        SimpleConditionEvent.violated(
                            method, method.getFullName() + " throws " + thrown.getName()));
                  }
                }
              }
            })
        .allowEmptyShould(true)
        .check(motcua);
  }
}
