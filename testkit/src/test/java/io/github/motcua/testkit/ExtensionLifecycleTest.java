package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

  private static TestExecutionSummary run(Class<?> fixture) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(request().selectors(selectClass(fixture)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertThat(summary.getFailures()).as("fixture failures").isEmpty();
    return summary;
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
