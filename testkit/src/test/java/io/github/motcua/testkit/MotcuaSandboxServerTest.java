package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.motcua.core.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MotcuaSandboxServerTest {

  private static MotcuaSandboxServer server;

  @BeforeAll
  static void start() throws Exception {
    server = MotcuaSandboxServer.start(0, 1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void printsEveryFakesUrlAndCredentials() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    server.printSettings(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains(server.statusUrl())
        .contains(server.sandbox().nationalPortal().baseUrl())
        .contains(server.sandbox().nationalPortal().password())
        .contains(server.sandbox().provincialPortal().clientSecret())
        .contains("admin/faults");
  }

  @Test
  void adminEndpointSwitchesAFaultOnAndTheStatusShowsIt() {
    String url = server.statusUrl() + "admin/faults?fake=payment_platform&preset=SERVER_ERROR*2";
    assertThat(Http.post(url, "")).isEqualTo(200);
    assertThat(Http.getBody(server.statusUrl() + "admin/status"))
        .contains("\"PAYMENT_PLATFORM\" : \"SERVER_ERROR*2\"");
    assertThat(Http.post(server.sandbox().paymentPlatform().baseUrl() + "/x", "{}")).isEqualTo(500);
    assertThat(Http.post(server.statusUrl() + "admin/faults/clear?fake=all", "")).isEqualTo(200);
    assertThat(Http.getBody(server.statusUrl() + "admin/status")).doesNotContain("SERVER_ERROR*2");
  }

  @Test
  void statusPageListsTheDossiersAPortalFakeHolds() {
    assertThat(Http.getBody(server.statusUrl()))
        .contains("<h1>motcua sandbox</h1>")
        .contains("National portal: 0 dossiers")
        .contains("network 20%");
  }

  @Test
  void statusPageShowsWhatTheTaxAuthorityFakeHolds() {
    assertThat(Http.getBody(server.statusUrl()))
        .contains("Tax authority: 0 receipt documents, 0 daily summaries")
        .contains("Gaps: none");
    assertThat(Http.getBody(server.statusUrl() + "admin/status"))
        .contains("\"receipts\"")
        .containsPattern("\"accepted\" ?: ?0")
        .contains("tax.url");
    assertThat(
            Http.post(server.statusUrl() + "admin/faults?fake=tax_authority&preset=TIMEOUT*1", ""))
        .isEqualTo(200);
    assertThat(Http.post(server.statusUrl() + "admin/faults/clear?fake=tax_authority", ""))
        .isEqualTo(200);
  }

  @Test
  void badAdminRequestsAreAnsweredWithAReason() {
    assertThat(Http.post(server.statusUrl() + "admin/faults?fake=all&preset=NOPE*1", ""))
        .isEqualTo(400);
    assertThat(Http.post(server.statusUrl() + "admin/faults?fake=mars&preset=TIMEOUT*1", ""))
        .isEqualTo(400);
    assertThat(Http.post(server.statusUrl() + "admin/faults?fake=all", "")).isEqualTo(400);
    assertThat(Http.get(server.statusUrl() + "nothing-here")).isEqualTo(404);
  }

  @Test
  void optionsHaveDefaultsAndTakeAPortAndASeed() {
    assertThat(MotcuaSandboxServer.Options.parse())
        .isEqualTo(new MotcuaSandboxServer.Options(MotcuaSandboxServer.DEFAULT_PORT, 1, false));
    assertThat(MotcuaSandboxServer.Options.parse("--port", "0", "--seed", "-7"))
        .isEqualTo(new MotcuaSandboxServer.Options(0, -7, false));
    assertThat(MotcuaSandboxServer.Options.parse("--port", "65535").port()).isEqualTo(65_535);
    assertThat(MotcuaSandboxServer.Options.parse("--port", "9000", "--help").help()).isTrue();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--verbose                | Unknown option --verbose",
        "--port                   | --port needs a value",
        "--port,                  | --port needs a value",
        "--port,abc               | --port must be a whole number from 0 to 65535, not 'abc'",
        "--port,65536             | --port must be a whole number from 0 to 65535, not '65536'",
        "--port,-1                | --port must be a whole number from 0 to 65535, not '-1'",
        "--port,8025.5            | --port must be a whole number from 0 to 65535",
        "--port,99999999999999999999 | --port must be a whole number from 0 to 65535",
        "--port,1,--port,2        | --port is given twice",
        "--seed,one               | --seed must be a whole number, not 'one'",
        "--seed                   | --seed needs a value",
      })
  void badOptionsAreRefusedNamingTheOptionAndTheRule(String args, String message) {
    String[] argv = args.split(",", -1);
    assertThatThrownBy(() -> MotcuaSandboxServer.Options.parse(argv))
        .isInstanceOfSatisfying(
            ConfigurationException.class, e -> assertThat(e.code()).isEqualTo("sandbox.args"))
        .hasMessageContaining(message);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        MotcuaSandboxServer.run(
            argv,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            s -> {
              throw new AssertionError("no sandbox should start");
            });
    assertThat(status).isEqualTo(2);
    assertThat(out.size()).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("motcua sandbox: ")
        .contains(message)
        .contains("usage: MotcuaSandboxServer");
  }

  @Test
  void helpPrintsTheUsageAndStartsNothing() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        MotcuaSandboxServer.run(
            new String[] {"--help"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            s -> {
              throw new AssertionError("no sandbox should start");
            });
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port N").contains("--seed N");
  }

  @Test
  void aPortInUseExitsWithOneAndSaysHowToChooseAnother() {
    int taken = URI.create(server.statusUrl()).getPort();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        MotcuaSandboxServer.run(
            new String[] {"--port", String.valueOf(taken)},
            System.out,
            new PrintStream(err, true, StandardCharsets.UTF_8),
            s -> {
              throw new AssertionError("the sandbox should not start");
            });
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("port " + taken + " is in use")
        .contains("--port 0");
    // The running server on that port is untouched.
    assertThat(Http.get(server.statusUrl())).isEqualTo(200);
  }

  @Test
  void runPrintsTheSettingsThenServes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicReference<String> served = new AtomicReference<>();
    int status =
        MotcuaSandboxServer.run(
            new String[] {"--port", "0", "--seed", "3"},
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err,
            s -> {
              try (s) {
                served.set(s.statusUrl());
                assertThat(Http.get(s.statusUrl())).isEqualTo(200);
              }
            });
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("motcua sandbox running")
        .contains(served.get())
        .contains("Ctrl-C stops the sandbox.");
  }
}
