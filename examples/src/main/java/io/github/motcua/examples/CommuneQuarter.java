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
   * Runs the quarter and exits with status 0 when it reconciles, 1 when it does not, 2 for bad
   * options.
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
   * @return the exit status: 0 reconciled, 1 not reconciled, 2 bad options
   */
  public static int run(String[] args, PrintStream out) {
    QuarterOptions options;
    try {
      options = QuarterOptions.parse(args);
    } catch (MotcuaException e) {
      out.println(e.getMessage());
      out.println(QuarterOptions.usage());
      return 2;
    }
    QuarterResult result = CommuneSimulation.run(options, out, System.console() != null);
    return result.succeeded() ? 0 : 1;
  }
}
