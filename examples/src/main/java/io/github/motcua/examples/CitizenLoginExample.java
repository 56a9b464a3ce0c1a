package io.github.motcua.examples;

import io.github.motcua.testkit.VneidFake;
import io.github.motcua.testkit.VneidPersona;
import io.github.motcua.vneid.CitizenIdentity;
import io.github.motcua.vneid.CitizenLogin;
import io.github.motcua.vneid.ClientAuthentication;
import io.github.motcua.vneid.LoginRequest;
import io.github.motcua.vneid.VneidClient;
import java.io.PrintStream;
import java.net.URI;

/**
 * Logs a fictional citizen in through VNeID-style single sign-on (đăng nhập bằng VNeID), against
 * the test kit's {@link VneidFake}, and prints the masked identity: start the login, redirect the
 * browser (played here by the fake), complete the login from the callback.
 */
public final class CitizenLoginExample {

  private CitizenLoginExample() {}

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }

  /**
   * Runs the example, printing to the given stream.
   *
   * @param out where to print
   */
  public static void run(PrintStream out) {
    try (VneidFake sso = VneidFake.create().start()) {
      sso.loginAs(VneidPersona.NGUYEN_VAN_AN);

      VneidClient vneid =
          VneidClient.builder()
              .issuer(sso.issuer())
              .clientId(sso.clientId())
              .clientAuthentication(ClientAuthentication.clientSecretBasic(sso.clientSecret()))
              .redirectUri(sso.redirectUri())
              .build();

      // 1. Start: keep login.serialize() in the server-side session.
      LoginRequest login = vneid.startLogin();
      String session = login.serialize();
      // 2. Redirect the browser to login.authorizationUri(); the provider redirects back.
      URI callback = sso.followAuthorization(login.authorizationUri());
      // 3. Complete: checks state, code, ID token, userinfo, assurance level; maps the claims.
      CitizenLogin citizen = vneid.completeLogin(callback, LoginRequest.parse(session));

      CitizenIdentity who = citizen.identity();
      out.println("motcua: VNeID citizen login");
      out.println("  identity:        " + who);
      out.println("  assurance level: " + who.assuranceLevel());
      out.println("  account kind:    " + who.accountKind());
      out.println("  personal ID:     " + who.personalId().map(Object::toString).orElse("(none)"));
    }
  }
}
