package io.github.motcua.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
  void badAdminRequestsAreAnsweredWithAReason() {
    assertThat(Http.post(server.statusUrl() + "admin/faults?fake=all&preset=NOPE*1", ""))
        .isEqualTo(400);
    assertThat(Http.post(server.statusUrl() + "admin/faults?fake=mars&preset=TIMEOUT*1", ""))
        .isEqualTo(400);
    assertThat(Http.post(server.statusUrl() + "admin/faults?fake=all", "")).isEqualTo(400);
    assertThat(Http.get(server.statusUrl() + "nothing-here")).isEqualTo(404);
  }
}
