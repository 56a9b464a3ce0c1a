package io.github.motcua.testkit;

import io.github.motcua.core.ConfigurationException;
import io.github.motcua.testkit.internal.sandbox.StatusServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * The standalone sandbox server (máy chủ thử nghiệm) for manual work: starts every fake of a {@link
 * MotcuaSandbox}, prints their URLs and credentials, and serves a status page listing the dossiers
 * each portal fake holds and the faults that can be switched on, with HTTP admin endpoints to
 * switch them. Stops cleanly on Ctrl-C or a SIGTERM ({@code kill}, {@code docker stop}).
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
   * Runs the sandbox until the process is stopped (Ctrl-C, or a {@code kill}). Bad options exit
   * with status 2 and a message naming the option; a status page port already in use exits with
   * status 1 and says how to choose another.
   *
   * @param args {@code --port N}, {@code --seed N}, {@code --help}
   * @throws Exception when the sandbox fails in a way not reported by an exit status
   */
  public static void main(String[] args) throws Exception {
    int status = run(args, System.out, System.err, MotcuaSandboxServer::serveUntilStopped);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** The options of {@link #main}. */
  record Options(int port, long seed, boolean help) {

    static final String USAGE =
        "usage: MotcuaSandboxServer [--port N] [--seed N]\n"
            + "  --port N   the status page's port, 0 to 65535 (default "
            + DEFAULT_PORT
            + "; 0 takes a free one)\n"
            + "  --seed N   the seed of the fakes' random choices (default 1)\n"
            + "From Maven: ./mvnw -q -pl testkit -am compile exec:exec -Psandbox"
            + " -Dexec.args=\"--port 9000\"\n";

    /**
     * Reads the options.
     *
     * @throws ConfigurationException {@code sandbox.args} naming the option and the rule
     */
    static Options parse(String... args) {
      Integer port = null;
      Long seed = null;
      for (int i = 0; i < args.length; i++) {
        String option = args[i];
        switch (option) {
          case "--help", "-h" -> {
            return new Options(DEFAULT_PORT, 1, true);
          }
          case "--port" -> {
            once(port, option);
            port = (int) number(option, value(args, ++i, option), 0, 65_535);
          }
          case "--seed" -> {
            once(seed, option);
            seed = number(option, value(args, ++i, option), Long.MIN_VALUE, Long.MAX_VALUE);
          }
          default ->
              throw new ConfigurationException(
                  "sandbox.args", "Unknown option " + option + "; the options are --port, --seed");
        }
      }
      return new Options(port == null ? DEFAULT_PORT : port, seed == null ? 1 : seed, false);
    }

    private static void once(Object earlier, String option) {
      if (earlier != null) {
        throw new ConfigurationException("sandbox.args", option + " is given twice");
      }
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length || args[i].isEmpty()) {
        throw new ConfigurationException("sandbox.args", option + " needs a value");
      }
      return args[i];
    }

    private static long number(String option, String value, long min, long max) {
      String rule =
          option
              + " must be a whole number"
              + (min == Long.MIN_VALUE ? "" : " from " + min + " to " + max)
              + ", not '"
              + (value.length() > 40 ? value.substring(0, 40) + "..." : value)
              + "'";
      long n;
      try {
        n = Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw new ConfigurationException("sandbox.args", rule);
      }
      if (n < min || n > max) {
        throw new ConfigurationException("sandbox.args", rule);
      }
      return n;
    }
  }

  /**
   * Starts the sandbox as {@link #main} does, prints its settings, and hands it to {@code serve}.
   *
   * @return the exit status: 0, 1 when the sandbox cannot start, 2 for bad options
   */
  static int run(
      String[] args, PrintStream out, PrintStream err, Consumer<MotcuaSandboxServer> serve) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (ConfigurationException e) {
      err.println("motcua sandbox: " + e.getMessage());
      err.print(Options.USAGE);
      return 2;
    }
    if (options.help()) {
      out.print(Options.USAGE);
      return 0;
    }
    MotcuaSandboxServer server;
    try {
      server = start(options.port(), options.seed());
    } catch (BindException e) {
      err.println(
          "motcua sandbox: port "
              + options.port()
              + " is in use by another program (another sandbox?). Stop it, or choose another"
              + " port: -Dexec.args=\"--port 9000\" (--port 0 takes a free one).");
      return 1;
    } catch (IOException e) {
      err.println("motcua sandbox: the status page cannot start: " + e.getMessage());
      return 1;
    }
    server.printSettings(out);
    serve.accept(server);
    return 0;
  }

  private static void serveUntilStopped(MotcuaSandboxServer server) {
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
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.close();
    }
  }
}
