package io.github.motcua.examples.commune;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows how far a long phase is: a bar redrawn in place on a terminal, plain lines at each quarter
 * of the way otherwise (a log file, a CI job, a test). Thread-safe: workers call {@link #step()}.
 */
final class Progress {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean terminal;
  private final String label;
  private final long total;
  private final AtomicLong done = new AtomicLong();
  private final long started = System.nanoTime();
  private long lastDrawn = -1;
  private int lastQuarter;

  private Progress(PrintStream out, boolean terminal, String label, long total) {
    this.out = out;
    this.terminal = terminal;
    this.label = label;
    this.total = Math.max(1, total);
  }

  /**
   * Starts showing a phase.
   *
   * @param out where to show it
   * @param terminal whether {@code out} is a terminal (redraw in place) or not (plain lines)
   * @param label the phase
   * @param total how many steps it has
   * @return the progress
   */
  static Progress start(PrintStream out, boolean terminal, String label, long total) {
    Progress p = new Progress(out, terminal, label, total);
    p.draw(0);
    return p;
  }

  /** Records one step done. */
  void step() {
    draw(done.incrementAndGet());
  }

  /**
   * Sets how many steps are done (for phases that poll a count).
   *
   * @param count the count
   */
  void set(long count) {
    done.set(count);
    draw(count);
  }

  /** Ends the phase: draws 100% and moves to a new line. */
  void finish() {
    synchronized (this) {
      done.set(total);
      if (terminal) {
        out.print("\r" + line(total) + "\n");
      } else if (lastQuarter < 4) {
        out.println("  " + label + ": " + total + "/" + total + " (100%)");
      }
      out.flush();
      lastQuarter = 4;
    }
  }

  private synchronized void draw(long count) {
    if (lastQuarter == 4) {
      return;
    }
    if (terminal) {
      // Redraw at most once per percent so a fast phase does not flood the terminal.
      long percent = count * 100 / total;
      if (percent == lastDrawn) {
        return;
      }
      lastDrawn = percent;
      out.print("\r" + line(count));
      out.flush();
    } else {
      int quarter = (int) (count * 4 / total);
      if (quarter > lastQuarter && quarter < 4) {
        lastQuarter = quarter;
        out.println("  " + label + ": " + count + "/" + total + " (" + quarter * 25 + "%)");
      }
    }
  }

  private String line(long count) {
    int filled = (int) (count * WIDTH / total);
    double seconds = (System.nanoTime() - started) / 1e9;
    return String.format(
        "  %-22s [%s%s] %3d%% %,d/%,d %5.1fs",
        label,
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        count * 100 / total,
        count,
        total,
        seconds);
  }
}
