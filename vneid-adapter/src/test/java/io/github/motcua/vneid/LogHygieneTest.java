package io.github.motcua.vneid;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidMisbehaviour;
import io.github.motcua.testkit.VneidPersona;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Runs logins, refreshes, logouts and failures with debug logging on (see simplelogger.properties)
 * while capturing everything written to the console, then checks that no token, code, secret,
 * personal ID or full name appears in a log line or in an exception's message or toString.
 */
class LogHygieneTest {

  @RegisterExtension static final VneidFake VNEID = VneidFake.builder().seed(9).build();

  @Test
  void noSecretOrPersonalDataReachesLogsOrExceptions() {
    List<String> secrets = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    PrintStream originalErr = System.err;
    PrintStream originalOut = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      VneidClient client = TestClients.client(VNEID);
      for (VneidPersona persona :
          List.of(VneidPersona.NGUYEN_VAN_AN, VneidPersona.SEN_VANG_COMPANY)) {
        VNEID.loginAs(persona);
        LoginRequest request = client.startLogin();
        URI callback = VNEID.followAuthorization(request.authorizationUri());
        secrets.add(HttpUrl.get(callback).queryParameter("code"));
        CitizenLogin login = client.completeLogin(callback, request);
        CitizenLogin refreshed = client.refresh(login);
        secrets.add(login.accessToken());
        secrets.add(login.refreshToken().orElseThrow());
        secrets.add(login.idToken());
        secrets.add(refreshed.accessToken());
        secrets.add(persona.personalId());
        secrets.add(persona.claims().get("HoVaTen").toString());
        secrets.add(request.codeVerifier());
        texts.add(login.toString());
        texts.add(refreshed.toString());
        texts.add(request.toString());
        texts.add(login.identity().toString());
        try {
          client.completeLogin(callback, request);
        } catch (MotcuaException e) {
          texts.add(e.toString());
        }
      }
      for (VneidMisbehaviour m :
          List.of(
              VneidMisbehaviour.WRONG_NONCE,
              VneidMisbehaviour.TAMPERED_PAYLOAD,
              VneidMisbehaviour.USERINFO_SUBJECT_MISMATCH)) {
        VNEID.behave().misbehave(m);
        LoginRequest request = client.startLogin();
        URI callback = VNEID.followAuthorization(request.authorizationUri());
        secrets.add(HttpUrl.get(callback).queryParameter("code"));
        try {
          client.completeLogin(callback, request);
        } catch (MotcuaException e) {
          texts.add(e.toString());
          if (e.getCause() != null) {
            texts.add(e.getCause().toString());
          }
        }
      }
      secrets.add(VNEID.clientSecret());
    } finally {
      System.setErr(originalErr);
      System.setOut(originalOut);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("VNeID login completed");
    texts.add(log);
    for (String text : texts) {
      for (String secret : secrets) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }
}
