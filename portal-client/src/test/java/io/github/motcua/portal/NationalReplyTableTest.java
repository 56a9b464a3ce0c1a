package io.github.motcua.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import io.github.motcua.core.RetryLaterException;
import io.github.motcua.core.dossier.Dossier;
import io.github.motcua.core.dossier.DossierEvent;
import io.github.motcua.portal.internal.Failures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each row of the national client's reply table, against a portal stub answering as public code
 * expects replies (docs/domain.md §4: {@code error_code} 0 success; 0, 3 or -3 with "đã tồn tại"
 * turned into an update; other codes refused, with code and message kept masked).
 */
class NationalReplyTableTest {

  private static final String SERVICE = "/api/adapter/service";
  private WireMockServer portal;
  private DossierEvent event;
  private Dossier snapshot;

  @BeforeEach
  void start() {
    portal = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    portal.start();
    portal.stubFor(
        post(urlEqualTo("/api/adapter/login"))
            .willReturn(
                aResponse().withBody("{\"error_code\":0,\"message\":\"ok\",\"session\":\"s1\"}")));
    List<DossierEvent> events = new Histories(3).fullLifecycle(Histories.code(3));
    event = events.get(0);
    snapshot = Histories.snapshots(events.subList(0, 1)).get(0);
  }

  @AfterEach
  void stop() {
    portal.stop();
  }

  private NationalPortalClient client(NationalPortalProfile profile) {
    return NationalPortalClient.builder()
        .adapterUrl(portal.baseUrl())
        .credentials("u", "p")
        .unitCode("000.00.31.H56")
        .agencyName("UBND xã Tân Hòa")
        .profile(profile)
        .retryPolicy(RetryPolicy.builder().maxAttempts(1).sleeper(d -> {}).build())
        .build();
  }

  private void answerCreate(String body) {
    portal.stubFor(
        post(urlEqualTo(SERVICE))
            .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("False")))
            .willReturn(aResponse().withBody(body)));
    portal.stubFor(
        post(urlEqualTo(SERVICE))
            .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("True")))
            .willReturn(aResponse().withBody("{\"error_code\":\"0\",\"message\":\"Thành công\"}")));
  }

  @ParameterizedTest
  @CsvSource({
    "'{\"error_code\":\"0\",\"message\":\"Đồng bộ thành công\"}', DongBoHoSoMC:create",
    "'{\"error_code\":0,\"message\":\"Đồng bộ thành công\"}', DongBoHoSoMC:create",
    "'{\"error_code\":\"0\",\"message\":\"Hồ sơ đã tồn tại\"}', DongBoHoSoMC:update",
    "'{\"error_code\":\"3\",\"message\":\"Hồ sơ đã tồn tại\"}', DongBoHoSoMC:update",
    "'{\"error_code\":\"-3\",\"message\":\"Mã hồ sơ đã tồn tại trên hệ thống\"}', DongBoHoSoMC:update",
    "'{\"error_code\":-3,\"message\":\"Hồ sơ đã tồn tại\"}', DongBoHoSoMC:update"
  })
  void successAndAlreadyExists(String reply, String operation) {
    answerCreate(reply);
    PublishResult result = client(NationalPortalProfile.defaults()).publish(event, snapshot);
    assertThat(result.operations()).containsExactly(operation);
    // dstcode goes with every call, madonvi in every body, isUpdating as a string.
    portal.verify(
        postRequestedFor(urlEqualTo(SERVICE))
            .withHeader("dstcode", equalTo("000.00.31.H56"))
            .withRequestBody(matchingJsonPath("$.madonvi", equalTo("000.00.31.H56"))));
  }

  @Test
  void aCodeWithoutTheMarkerIsARefusalWithCodeAndMessage() {
    answerCreate("{\"error_code\":\"3\",\"message\":\"Thiếu MaTTHC\"}");
    InvalidInputException e =
        catchThrowableOfType(
            () -> client(NationalPortalProfile.defaults()).publish(event, snapshot),
            InvalidInputException.class);
    assertThat(e.getMessage()).contains("[remote " + "3" + "]");
    assertThat(e.getMessage()).contains("Thiếu MaTTHC");
    assertThat(Failures.reason(e)).isEqualTo(Failures.Reason.REFUSED);
    assertThat(e.code()).isEqualTo("portal.rejected");
  }

  @Test
  void notFoundOnUpdateTurnsIntoACreate() {
    portal.stubFor(
        post(urlEqualTo(SERVICE))
            .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("True")))
            .willReturn(
                aResponse()
                    .withBody("{\"error_code\":\"-1\",\"message\":\"Hồ sơ không tồn tại\"}")));
    portal.stubFor(
        post(urlEqualTo(SERVICE))
            .withRequestBody(matchingJsonPath("$.isUpdating", equalTo("False")))
            .willReturn(aResponse().withBody("{\"error_code\":\"0\",\"message\":\"Thành công\"}")));
    String op = client(NationalPortalProfile.defaults()).updateDossier(snapshot, "k");
    assertThat(op).isEqualTo("DongBoHoSoMC:create");
  }

  @Test
  void configuredCodesMeanUnavailableOrAuthentication() {
    NationalPortalProfile profile =
        NationalPortalProfile.builder()
            .replyCode("99", NationalPortalProfile.ReplyKind.UNAVAILABLE)
            .replyCode("77", NationalPortalProfile.ReplyKind.AUTHENTICATION)
            .build();
    answerCreate("{\"error_code\":\"99\",\"message\":\"Hệ thống bận\"}");
    assertThatThrownBy(() -> client(profile).publish(event, snapshot))
        .isInstanceOf(RetryLaterException.class);
    portal.resetMappings();
    portal.stubFor(
        post(urlEqualTo("/api/adapter/login"))
            .willReturn(
                aResponse().withBody("{\"error_code\":0,\"message\":\"ok\",\"session\":\"s1\"}")));
    answerCreate("{\"error_code\":\"77\",\"message\":\"Tài khoản bị khóa\"}");
    assertThatThrownBy(() -> client(profile).publish(event, snapshot))
        .isInstanceOf(MotcuaException.class);
  }

  @Test
  void anEchoedPersonalIdReachesNoMessageToStringOrLogLine() {
    String id = "038090001234";
    answerCreate(
        "{\"error_code\":\""
            + id
            + "\",\"message\":\"Số định danh "
            + id
            + " của chủ hồ sơ không khớp CSDLQG về dân cư\"}");
    PrintStream originalErr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    InvalidInputException e;
    try {
      e =
          catchThrowableOfType(
              () -> client(NationalPortalProfile.defaults()).publish(event, snapshot),
              InvalidInputException.class);
    } finally {
      System.setErr(originalErr);
    }
    assertThat(e.getMessage()).doesNotContain(id).contains("không khớp");
    assertThat(e.toString()).doesNotContain(id);
    assertThat(captured.toString(StandardCharsets.UTF_8)).doesNotContain(id);
  }
}
