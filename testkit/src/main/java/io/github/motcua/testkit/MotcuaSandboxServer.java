package io.github.motcua.testkit;

import io.github.motcua.testkit.internal.sandbox.StatusServer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * The standalone sandbox server (máy chủ thử nghiệm) for manual work: starts every fake of a {@link
 * MotcuaSandbox}, prints their URLs and credentials, and serves a status page listing the dossiers
 * each portal fake holds and the faults that can be switched on, with HTTP admin endpoints to
 * switch them. Stops cleanly on Ctrl-C.
 *
 * <pre>
 * ./mvnw -q -pl testkit -am compile exec:exec -Psandbox
 * ./mvnw -q -pl testkit -am compile exec:exec -Psandbox -Dexec.args="--port 9000"
 * </pre>
 *
 * <p>Options: {@code --port N} for the status page (default {@value #DEFAULT_PORT}; 0 for a free
 * port), {@code --seed N} for the fakes' random choices. The fakes themselves always take free
 * ports; the status page lists them.
 *
 * <p>Admin endpoints (all {@code POST}, parameters in the query or as a form): {@code
 * /admin/faults?fake=<part|all>&preset=<preset>} with a preset as {@link Fault#parse(String)} reads
 * it ({@code SERVER_ERROR*3}, {@code network@0.2#7}), {@code /admin/faults/clear?fake=...}, {@code
 * /admin/reset}; {@code GET /admin/status} answers JSON.
 */
public final class MotcuaSandboxServer implements AutoCloseable {

  /** The status page's default port. */
  public static final int DEFAULT_PORT = 8025;

  private final MotcuaSandbox sandbox;
  private final StatusServer status;

  private MotcuaSandboxServer(MotcuaSandbox sandbox, StatusServer status) {
    this.sandbox = sandbox;
    this.status = status;
  }

  /**
   * Starts every fake and the status page.
   *
   * @param port the status page's port, 0 for a free one
   * @param seed the seed of the fakes' random choices
   * @return the running server
   * @throws IOException when the status page's port cannot be bound
   */
  public static MotcuaSandboxServer start(int port, long seed) throws IOException {
    MotcuaSandbox sandbox = MotcuaSandbox.builder().all().seed(seed).build().start();
    try {
      return new MotcuaSandboxServer(sandbox, new StatusServer(sandbox, port));
    } catch (IOException | RuntimeException e) {
      sandbox.close();
      throw e;
    }
  }

  /**
   * Returns the sandbox this server runs.
   *
   * @return the running sandbox
   */
  public MotcuaSandbox sandbox() {
    return sandbox;
  }

  /**
   * Returns the status page's URL.
   *
   * @return for example {@code http://127.0.0.1:8025/}
   */
  public String statusUrl() {
    return status.url();
  }

  /**
   * Prints the status page's URL, every fake's settings and the admin endpoints.
   *
   * @param out where to print; not null
   */
  public void printSettings(PrintStream out) {
    Objects.requireNonNull(out, "out");
    out.println("motcua sandbox running");
    out.println("  status page      " + statusUrl());
    for (Map.Entry<String, String> e : sandbox.settings().entrySet()) {
      out.printf("  %-24s %s%n", e.getKey(), e.getValue());
    }
    out.println("  personas         " + sandbox.personas());
    out.println(
        "  signing key      "
            + sandbox.organisationSigner().certificate().getSubjectX500Principal());
    out.println("faults:");
    out.println(
        "  curl -X POST '"
            + statusUrl()
            + "admin/faults?fake=all&preset=network@0.2'   (every fake fails 20% of calls)");
    out.println("  curl -X POST '" + statusUrl() + "admin/faults/clear?fake=all'");
    out.println("Ctrl-C stops the sandbox.");
  }

  /** Stops the status page and every fake. */
  @Override
  public void close() {
    try {
      status.close();
    } finally {
      sandbox.close();
    }
  }

  /**
   * Runs the sandbox until the process is interrupted (Ctrl-C).
   *
   * @param args {@code --port N}, {@code --seed N}
   * @throws Exception when the sandbox cannot start
   */
  public static void main(String[] args) throws Exception {
    int port = DEFAULT_PORT;
    long seed = 1;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
        case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
        case "--help", "-h" -> {
          System.out.println("usage: MotcuaSandboxServer [--port N (default 8025, 0 = free)]");
          System.out.println("                           [--seed N]");
          return;
        }
        default -> throw new SandboxException("sandbox.args", "Unknown option " + args[i]);
      }
    }
    MotcuaSandboxServer server = start(port, seed);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("stopping the motcua sandbox");
                  server.close();
                  stopped.countDown();
                },
                "motcua-sandbox-shutdown"));
    server.printSettings(System.out);
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new SandboxException("sandbox.args", option + " needs a value");
    }
    return args[i];
  }
}
