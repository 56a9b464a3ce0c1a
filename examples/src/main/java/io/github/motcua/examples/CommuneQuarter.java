package io.github.motcua.examples;

import io.github.motcua.core.MotcuaException;
import io.github.motcua.examples.commune.CommuneSimulation;
import io.github.motcua.examples.commune.QuarterOptions;
import io.github.motcua.examples.commune.QuarterResult;
import java.io.PrintStream;

/**
 * The main example, started by the README's Run command: one quarter of a commune's Public
 * Administrative Service Center (Trung tâm Phục vụ hành chính công cấp xã) against the test kit's
 * sandbox. By default 1,873 dossiers, 1,871 of them online, with 10% of portal calls failing; it
 * prints the reconciliation ({@code lost 0, duplicated 0}), the quarter's quality report, where the
 * receipts and signed results were written and how long each phase took, and exits with status 1
 * when anything does not reconcile.
 *
 * <p>Options: {@code --dossiers N}, {@code --online-share S}, {@code --fault-rate R}, {@code --seed
 * N}, {@code --jdbc-url jdbc:postgresql://...} (instead of the embedded H2 file database), {@code
 * --out DIR}. See {@link QuarterOptions#parse(String...)}.
 */
public final class CommuneQuarter {

  private CommuneQuarter() {}

  /**
   * Whether standard output is an interactive terminal, where a progress bar can be redrawn in
   * place. From Java 22 on {@link System#console()} exists even when output is redirected, so its
   * {@code isTerminal()} decides where it is available; a dumb terminal gets plain lines.
   */
  static boolean terminal() {
    java.io.Console console = System.console();
    if (console == null || "dumb".equals(System.getenv("TERM"))) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJava22) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Runs the quarter and exits with status 0 when it reconciles, 1 when it does not, 2 for bad
   * options; {@code --help} prints the options.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    int status = run(args, System.out);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the quarter, printing to the given stream; shows progress bars when the JVM has a
   * terminal.
   *
   * @param args the options
   * @param out where to print
   * @return the exit status: 0 reconciled (or {@code --help}), 1 not reconciled, 2 bad options
   */
  public static int run(String[] args, PrintStream out) {
    if (java.util.Arrays.asList(args).contains("--help")
        || java.util.Arrays.asList(args).contains("-h")) {
      out.println(QuarterOptions.usage());
      return 0;
    }
    QuarterOptions options;
    try {
      options = QuarterOptions.parse(args);
    } catch (MotcuaException e) {
      out.println(e.getMessage());
      out.println(QuarterOptions.usage());
      return 2;
    }
    QuarterResult result = CommuneSimulation.run(options, out, terminal());
    return result.succeeded() ? 0 : 1;
  }
}
