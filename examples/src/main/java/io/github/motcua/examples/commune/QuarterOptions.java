package io.github.motcua.examples.commune;

import io.github.motcua.core.InvalidInputException;
import io.github.motcua.core.MotcuaException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The settings of one simulated quarter, as {@code CommuneQuarter} reads them from its command
 * line.
 *
 * @param dossiers how many dossiers the commune receives in the quarter (default 1,873)
 * @param online how many of them are submitted online (default 1,871); the rest at the counter
 * @param faultRate the share of portal calls the network fails, 0 to 1 (default 0.1)
 * @param seed the seed of every random choice (default 1873)
 * @param jdbcUrl a PostgreSQL JDBC URL to keep the outbox, receipt numbers and local records in, or
 *     null for the embedded H2 file database in the output folder
 * @param out the output folder (receipts, signed results, report, database)
 */
public record QuarterOptions(
    int dossiers, int online, double faultRate, long seed, String jdbcUrl, Path out) {

  /** The founding story's quarter: 1,873 dossiers received. */
  public static final int DEFAULT_DOSSIERS = 1873;

  /** The founding story's quarter: 1,871 of them online. */
  public static final int DEFAULT_ONLINE = 1871;

  /** Validates the settings. */
  public QuarterOptions {
    if (dossiers < 1 || dossiers > 1_000_000) {
      throw invalid("dossiers", "--dossiers is between 1 and 1,000,000.");
    }
    if (online < 0 || online > dossiers) {
      throw invalid("online-share", "the online dossiers are between 0 and --dossiers.");
    }
    if (!(faultRate >= 0 && faultRate <= 0.9)) {
      throw invalid("fault-rate", "--fault-rate is between 0 and 0.9.");
    }
    Objects.requireNonNull(out, "out");
  }

  /**
   * Reads the command line: {@code --dossiers N}, {@code --online-share S} (0 to 1; default the
   * story's 1,871 of 1,873), {@code --fault-rate R}, {@code --seed N}, {@code --jdbc-url URL},
   * {@code --out DIR}. Options may also be written {@code --name=value}.
   *
   * @param args the arguments; not null
   * @return the options
   * @throws MotcuaException with code {@code quarter.<option>} for an unknown or invalid option
   */
  public static QuarterOptions parse(String... args) {
    int dossiers = DEFAULT_DOSSIERS;
    Double onlineShare = null;
    double faultRate = 0.1;
    long seed = 1873;
    String jdbcUrl = null;
    Path out = null;
    Objects.requireNonNull(args, "args");
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String name = Objects.requireNonNull(args[i], "args[" + i + "]");
      String value;
      int eq = name.indexOf('=');
      if (eq > 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length && !OPTIONS.contains(args[i + 1].split("=", 2)[0])) {
        value = args[++i];
      } else {
        value = null;
      }
      if (!OPTIONS.contains(name)) {
        throw invalid("option", "Unknown option " + printable(name) + ". " + usage());
      }
      String option = name.substring(2);
      if (value == null || value.isBlank()) {
        throw invalid(option, name + " needs a value.");
      }
      if (!seen.add(name)) {
        throw invalid(option, name + " is given twice.");
      }
      value = value.strip();
      try {
        switch (name) {
          case "--dossiers" -> dossiers = Integer.parseInt(value.replace(",", ""));
          case "--online-share" -> onlineShare = Double.parseDouble(value);
          case "--fault-rate" -> faultRate = Double.parseDouble(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--jdbc-url" -> jdbcUrl = value;
          default -> out = folder(value);
        }
      } catch (NumberFormatException e) {
        throw invalid(option, name + " is not a number.");
      }
    }
    int online;
    if (onlineShare == null) {
      online =
          dossiers == DEFAULT_DOSSIERS
              ? DEFAULT_ONLINE
              : (int) Math.round(dossiers * (double) DEFAULT_ONLINE / DEFAULT_DOSSIERS);
    } else {
      if (!(onlineShare >= 0 && onlineShare <= 1)) {
        throw invalid("online-share", "--online-share is between 0 and 1.");
      }
      online = (int) Math.round(dossiers * onlineShare);
    }
    if (jdbcUrl != null
        && (!jdbcUrl.startsWith("jdbc:postgresql://")
            || jdbcUrl.length() == "jdbc:postgresql://".length()
            || jdbcUrl.chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
      throw invalid("jdbc-url", "--jdbc-url takes a PostgreSQL URL (jdbc:postgresql://...).");
    }
    return new QuarterOptions(
        dossiers, online, faultRate, seed, jdbcUrl, out == null ? defaultOut() : out);
  }

  /**
   * Returns the command-line help.
   *
   * @return one paragraph
   */
  public static String usage() {
    return "Options: --dossiers N (default 1873), --online-share 0..1 (default 1871/1873),"
        + " --fault-rate 0..0.9 (default 0.1), --seed N (default 1873), --jdbc-url"
        + " jdbc:postgresql://host/db?user=..&password=.. (default: an H2 file in the output"
        + " folder), --out DIR (default examples/target/commune-quarter).";
  }

  /**
   * The output folder when none is given: under the examples module's {@code target/} when run from
   * the repository or the module, else a new temporary folder; never the repository root.
   */
  private static Path defaultOut() {
    Path cwd = Path.of("").toAbsolutePath();
    if (Files.isRegularFile(cwd.resolve("examples/pom.xml"))) {
      return cwd.resolve("examples/target/commune-quarter");
    }
    if (Files.isRegularFile(cwd.resolve("pom.xml"))
        && cwd.getFileName() != null
        && cwd.getFileName().toString().equals("examples")) {
      return cwd.resolve("target/commune-quarter");
    }
    try {
      return Files.createTempDirectory("commune-quarter");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final java.util.Set<String> OPTIONS =
      java.util.Set.of(
          "--dossiers", "--online-share", "--fault-rate", "--seed", "--jdbc-url", "--out");

  /** The output folder named on the command line: a path that is not an existing file. */
  private static Path folder(String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw invalid("out", "--out is not a valid folder name.");
    }
    if (Files.exists(path) && !Files.isDirectory(path)) {
      throw invalid("out", "--out names a file, not a folder.");
    }
    return path;
  }

  /** An unknown option as it may be shown: short, without control characters. */
  private static String printable(String name) {
    String cut = name.length() > 40 ? name.substring(0, 40) + "..." : name;
    return cut.replaceAll("\\p{Cntrl}", "?");
  }

  private static InvalidInputException invalid(String option, String message) {
    return new InvalidInputException("quarter." + option, message);
  }

  /** Shows the options with the database password, if any, masked. */
  @Override
  public String toString() {
    return "QuarterOptions[dossiers="
        + dossiers
        + ", online="
        + online
        + ", faultRate="
        + faultRate
        + ", seed="
        + seed
        + ", jdbcUrl="
        + (jdbcUrl == null ? null : jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***"))
        + ", out="
        + out
        + "]";
  }

  /**
   * Returns the options with another output folder.
   *
   * @param folder the folder
   * @return the options
   */
  public QuarterOptions withOut(Path folder) {
    return new QuarterOptions(dossiers, online, faultRate, seed, jdbcUrl, folder);
  }
}
