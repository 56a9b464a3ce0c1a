package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import io.github.motcua.core.ConfigurationException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * How long the fakes live under each way an integrator may register them. The fixture classes below
 * are run through the JUnit launcher, as a build tool runs a test class; the build itself does not
 * run them (nested classes are not test classes of their own).
 */
class ExtensionLifecycleTest {

  @Test
  void onAnInstanceFieldEachTestGetsItsOwnFakesAndNoneOutlivesItsTest() {
    InstanceFields.seen.clear();

    assertThat(run(InstanceFields.class).getTestsSucceededCount()).isEqualTo(2);

    assertThat(InstanceFields.seen).hasSize(2);
    Seen first = InstanceFields.seen.get(0);
    Seen second = InstanceFields.seen.get(1);
    assertThat(second.sandbox()).isNotSameAs(first.sandbox());
    for (Seen seen : InstanceFields.seen) {
      assertThat(seen.sandbox().isRunning()).as("sandbox after its test").isFalse();
      assertThat(Http.get(seen.sandboxUrl())).as("sandbox's portal after its test").isEqualTo(-1);
      assertThat(Http.get(seen.vneidUrl())).as("VNeID fake after its test").isEqualTo(-1);
      assertThat(Http.get(seen.pkiUrl())).as("test PKI after its test").isEqualTo(-1);
      assertThat(Http.post(seen.tsaUrl(), "x")).as("time-stamp authority after").isEqualTo(-1);
    }
  }

  @Test
  void onAStaticFieldTheFakesOutliveNestedClassesAndStopWithTheOutermost() {
    StaticFieldWithNestedClasses.urls.clear();

    assertThat(run(StaticFieldWithNestedClasses.class).getTestsSucceededCount()).isEqualTo(3);

    // The outer test and both nested classes saw the same servers: no restart on new ports.
    assertThat(StaticFieldWithNestedClasses.urls)
        .hasSize(3)
        .containsOnly(StaticFieldWithNestedClasses.urls.get(0));
    assertThat(StaticFieldWithNestedClasses.sandbox.isRunning()).isFalse();
    assertThat(Http.get(StaticFieldWithNestedClasses.urls.get(0))).isEqualTo(-1);
  }

  @Test
  void aSharedSandboxRefusesToResetWhileAnotherOfItsTestsIsRunning() {
    ConcurrentTests.oneFailed = new CountDownLatch(1);

    TestExecutionSummary summary =
        execute(
            request()
                .selectors(selectClass(ConcurrentTests.class))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(
                    "junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter(
                    "junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
                .build());

    // Whichever test came second was refused before its body ran; the first one went on.
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(summary.getFailures()).hasSize(1);
    Throwable refusal = summary.getFailures().get(0).getException();
    assertThat(refusal)
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("instance field")
        .hasMessageContaining("resetBeforeEach(false)");
    assertThat(((ConfigurationException) refusal).code()).isEqualTo("sandbox.concurrent-reset");
    assertThat(ConcurrentTests.sandbox.isRunning()).isFalse();
  }

  private static TestExecutionSummary run(Class<?> fixture) {
    TestExecutionSummary summary = execute(request().selectors(selectClass(fixture)).build());
    assertThat(summary.getFailures()).as("fixture failures").isEmpty();
    return summary;
  }

  private static TestExecutionSummary execute(LauncherDiscoveryRequest request) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request, listener);
    return listener.getSummary();
  }

  /** Two tests that share a static sandbox and run at the same time. */
  @ExtendWith(ConcurrentTests.CountFailures.class)
  static class ConcurrentTests {
    static volatile CountDownLatch oneFailed;

    @RegisterExtension
    static MotcuaSandbox sandbox = MotcuaSandbox.builder().nationalPortal().build();

    /** Each body waits until the other test was refused, so the two overlap. */
    @Test
    void one() throws InterruptedException {
      assertThat(oneFailed.await(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void two() throws InterruptedException {
      assertThat(oneFailed.await(60, TimeUnit.SECONDS)).isTrue();
    }

    static class CountFailures implements TestWatcher {
      @Override
      public void testFailed(ExtensionContext context, Throwable cause) {
        oneFailed.countDown();
      }
    }
  }

  record Seen(
      MotcuaSandbox sandbox, String sandboxUrl, String vneidUrl, String pkiUrl, String tsaUrl) {}

  /** An integrator's class that forgot {@code static}. */
  static class InstanceFields {
    static final List<Seen> seen = new CopyOnWriteArrayList<>();

    @RegisterExtension MotcuaSandbox sandbox = MotcuaSandbox.builder().nationalPortal().build();
    @RegisterExtension VneidFake vneid = VneidFake.create();
    @RegisterExtension TestPki pki = TestPki.builder().build();
    @RegisterExtension TimestampAuthorityFake tsa = TimestampAuthorityFake.builder(pki).build();

    @Test
    void one() {
      record();
    }

    @Test
    void two() {
      record();
    }

    private void record() {
      String portal = sandbox.nationalPortal().baseUrl() + NationalPortalFake.LOGIN_PATH;
      String issuer = vneid.issuer() + "/.well-known/openid-configuration";
      String crl = pki.baseUrl() + "/crl/intermediate.crl";
      assertThat(Http.get(issuer)).isEqualTo(200);
      assertThat(Http.get(crl)).isEqualTo(200);
      assertThat(Http.post(tsa.url(), "x")).isPositive();
      seen.add(new Seen(sandbox, portal, issuer, crl, tsa.url()));
    }
  }

  /** One sandbox for a class and its nested classes. */
  static class StaticFieldWithNestedClasses {
    static final List<String> urls = new CopyOnWriteArrayList<>();

    @RegisterExtension
    static MotcuaSandbox sandbox = MotcuaSandbox.builder().nationalPortal().build();

    static void record() {
      urls.add(sandbox.nationalPortal().baseUrl() + NationalPortalFake.LOGIN_PATH);
    }

    @Test
    void outer() {
      record();
    }

    @Nested
    class First {
      @Test
      void inner() {
        record();
      }
    }

    @Nested
    class Second {
      @Test
      void inner() {
        record();
      }
    }
  }
}
