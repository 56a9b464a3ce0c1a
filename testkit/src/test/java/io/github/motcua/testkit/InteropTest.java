package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentest4j.TestAbortedException;

class InteropTest {

  private static final String MISSING = "motcua-no-such-tool-7f3a";

  @Test
  void aMissingToolSkipsTheTestWithoutTheFlag() {
    assertThatThrownBy(
            () -> Interop.requiring(false).requireCommand(MISSING, "motcua-pkg", "this check"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(MISSING)
        .hasMessageContaining("Debian package motcua-pkg")
        .hasMessageContaining("this check")
        .hasMessageContaining("skipped");
  }

  @Test
  void aMissingToolFailsTheTestWithTheFlag() {
    assertThatThrownBy(
            () -> Interop.requiring(true).requireCommand(MISSING, "motcua-pkg", "this check"))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining(MISSING)
        .hasMessageContaining("Debian package motcua-pkg")
        .hasMessageContaining("-Dmotcua.requireInterop=true");
  }

  @Test
  void anOptionalCheckIsLeftOutWithoutTheFlagAndFailsWithIt() {
    assertThat(Interop.requiring(false).hasCommand(MISSING, "motcua-pkg", "an extra check"))
        .isFalse();
    assertThatThrownBy(
            () -> Interop.requiring(true).hasCommand(MISSING, "motcua-pkg", "an extra check"))
        .isExactlyInstanceOf(AssertionError.class)
        .hasMessageContaining(MISSING);
  }

  @Test
  void aPresentToolPassesEitherWay() {
    // The JVM running this test is an executable file, found whatever the PATH holds.
    assertThat(Interop.onPath("java") || System.getenv("PATH") == null).isTrue();
    Interop.requiring(true).require(true, "anything", "any-package", "this check");
    Interop.requiring(false).require(true, "anything", "any-package", "this check");
  }

  @Test
  void namesWithADirectoryOrNothingAreNeverOnThePath() {
    assertThat(Interop.onPath("")).isFalse();
    assertThat(Interop.onPath("/bin/sh")).isFalse();
    assertThat(Interop.onPath("../sh")).isFalse();
  }

  @Test
  void theFlagComesFromTheSystemProperty() {
    assertThat(Interop.fromSystemProperty().required())
        .isEqualTo(Boolean.getBoolean(Interop.REQUIRE_PROPERTY));
  }

  @Test
  void junitReportsASkipWithoutTheFlagAndAFailureWithIt() {
    TestExecutionSummary summary = run(Fixture.class);

    assertThat(summary.getTestsStartedCount()).isEqualTo(2);
    assertThat(summary.getTestsAbortedCount()).isEqualTo(1);
    assertThat(summary.getTestsFailedCount()).isEqualTo(1);
    assertThat(summary.getFailures().get(0).getException())
        .hasMessageContaining(MISSING)
        .hasMessageContaining("Debian package motcua-pkg");
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request().selectors(selectClass(fixture)).build(), listener);
    return listener.getSummary();
  }

  /** Run through the launcher above, not by the build (a nested class). */
  static class Fixture {
    @Test
    void withoutTheFlag() {
      Interop.requiring(false).requireCommand(MISSING, "motcua-pkg", "the fixture");
    }

    @Test
    void withTheFlag() {
      Interop.requiring(true).requireCommand(MISSING, "motcua-pkg", "the fixture");
    }
  }
}
