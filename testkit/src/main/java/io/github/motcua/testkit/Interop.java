package io.github.motcua.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * What a test does when an independent tool or server it checks against (openssl, xmlsec1, pdfsig,
 * SoftHSM2, zbarimg, Chromium, node, PostgreSQL) is missing: it is skipped with a message naming
 * the tool and the Debian package, or, under {@code -Dmotcua.requireInterop=true}, it fails with
 * that message. A build that must prove interoperability (CI) sets the property, so it cannot go
 * green without its tools; a developer without them still gets a green build that says what it
 * skipped.
 *
 * <pre>{@code
 * private static final Interop INTEROP = Interop.fromSystemProperty();
 *
 * @Test
 * void xmlsec1VerifiesOurSignature() {
 *   INTEROP.requireCommand("xmlsec1", "xmlsec1", "the xmlsec1 interoperability test");
 *   ...
 * }
 * }</pre>
 *
 * <p>Runs inside JUnit Jupiter (5.x or 6): a skip is opentest4j's {@code TestAbortedException}, as
 * JUnit's own assumptions throw; a failure is an {@link AssertionError}. Immutable and thread-safe.
 */
public final class Interop {

  /** The system property that turns a missing tool or server into a failure: {@value}. */
  public static final String REQUIRE_PROPERTY = "motcua.requireInterop";

  /** The environment variable holding the JDBC URL of the test PostgreSQL database: {@value}. */
  public static final String POSTGRES_URL_VARIABLE = "MOTCUA_TEST_POSTGRES_URL";

  private final boolean required;

  private Interop(boolean required) {
    this.required = required;
  }

  /**
   * Missing tools fail the test when the system property {@value #REQUIRE_PROPERTY} is {@code
   * true}, and skip it otherwise.
   *
   * @return the policy of this JVM
   */
  public static Interop fromSystemProperty() {
    return new Interop(Boolean.parseBoolean(System.getProperty(REQUIRE_PROPERTY, "false")));
  }

  /**
   * A fixed policy, whatever the system property says.
   *
   * @param required true: a missing tool fails the test; false: it skips it
   * @return the policy
   */
  public static Interop requiring(boolean required) {
    return new Interop(required);
  }

  /**
   * Tells whether a missing tool fails the test.
   *
   * @return true under {@code -Dmotcua.requireInterop=true}
   */
  public boolean required() {
    return required;
  }

  /**
   * Skips, or fails, the calling test when an executable is not on the {@code PATH}.
   *
   * @param command the executable's name, e.g. {@code xmlsec1}
   * @param debianPackage the Debian package that installs it, e.g. {@code xmlsec1}
   * @param purpose what needs it, for the message, e.g. {@code "the xmlsec1 interoperability test"}
   */
  public void requireCommand(String command, String debianPackage, String purpose) {
    require(onPath(command), command, debianPackage, purpose);
  }

  /**
   * Tells whether an executable is on the {@code PATH}, for a test whose main part runs without it
   * and only an extra check needs it; fails the test when it is missing and required.
   *
   * @param command the executable's name
   * @param debianPackage the Debian package that installs it
   * @param purpose what needs it, for the message
   * @return true when the command is there; false when it is missing and not required
   */
  public boolean hasCommand(String command, String debianPackage, String purpose) {
    boolean present = onPath(command);
    if (!present && required) {
      throw failure(command, debianPackage, purpose);
    }
    return present;
  }

  /**
   * Skips, or fails, the calling test when something it needs is missing.
   *
   * @param present whether the tool or server is there
   * @param what the tool or server, e.g. {@code "SoftHSM2 (softhsm2-util, libsofthsm2.so)"}
   * @param debianPackage the Debian package that provides it (or how to get it)
   * @param purpose what needs it, for the message
   */
  public void require(boolean present, String what, String debianPackage, String purpose) {
    if (present) {
      return;
    }
    if (required) {
      throw failure(what, debianPackage, purpose);
    }
    throw new TestAbortedException(message(what, debianPackage, purpose) + ": skipped");
  }

  /**
   * The JDBC URL of the test PostgreSQL database ({@value #POSTGRES_URL_VARIABLE}); skips, or
   * fails, the calling test when it is not set.
   *
   * @param purpose what needs it, for the message
   * @return the URL
   */
  public String requirePostgres(String purpose) {
    Optional<String> url = postgresUrl(purpose);
    require(url.isPresent(), postgres(), "postgresql", purpose);
    return url.orElseThrow();
  }

  /**
   * The JDBC URL of the test PostgreSQL database, for tests that run on H2 always and on PostgreSQL
   * too when it is there; fails the test when it is missing and required.
   *
   * @param purpose what needs it, for the message
   * @return the URL; empty when it is not set and not required
   */
  public Optional<String> postgresUrl(String purpose) {
    Optional<String> url = configuredPostgresUrl();
    if (url.isEmpty() && required) {
      throw failure(postgres(), "postgresql", purpose);
    }
    return url;
  }

  /**
   * The JDBC URL in {@value #POSTGRES_URL_VARIABLE}, whatever the policy: for a test that runs on
   * PostgreSQL when it is there and on an embedded database otherwise, where either proves its
   * point.
   *
   * @return the URL, stripped; empty when the variable is not set or blank
   */
  public static Optional<String> configuredPostgresUrl() {
    String url = System.getenv(POSTGRES_URL_VARIABLE);
    return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
  }

  /**
   * Tells whether an executable of that name is on the {@code PATH}.
   *
   * @param command the executable's name, without a directory
   * @return true when a directory of the {@code PATH} holds an executable file of that name
   */
  public static boolean onPath(String command) {
    Objects.requireNonNull(command, "command");
    if (command.isEmpty() || command.contains("/") || command.contains(File.separator)) {
      return false;
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }

  private static String postgres() {
    return "PostgreSQL (" + POSTGRES_URL_VARIABLE + " is not set)";
  }

  private static String message(String what, String debianPackage, String purpose) {
    return what + " is not available (Debian package " + debianPackage + "), needed by " + purpose;
  }

  private static AssertionError failure(String what, String debianPackage, String purpose) {
    return new AssertionError(
        message(what, debianPackage, purpose)
            + ", and -D"
            + REQUIRE_PROPERTY
            + "=true requires every interoperability tool: install it, or run without the"
            + " property to skip such tests");
  }
}
