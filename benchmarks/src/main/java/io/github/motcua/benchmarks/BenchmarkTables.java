package io.github.motcua.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Removes what a database harness created, so that running one against a shared PostgreSQL leaves
 * nothing behind: the tables under the run's own prefix, and the folder of an embedded database.
 */
final class BenchmarkTables {

  private BenchmarkTables() {}

  /** A harness's run. */
  interface Run {
    /**
     * Runs.
     *
     * @throws Exception when the run fails
     */
    void run() throws Exception;
  }

  /**
   * Runs a harness, then, even when it fails, drops its tables, closes its pool and deletes the
   * folder of its embedded database.
   *
   * @param ds the database
   * @param pool closes the connection pool
   * @param prefix the run's table prefix
   * @param folder the embedded database's folder, or null
   * @param run the run
   * @throws Exception what the run or the clean-up throws
   */
  static void runThenRemove(DataSource ds, AutoCloseable pool, String prefix, Path folder, Run run)
      throws Exception {
    try {
      run.run();
    } finally {
      drop(ds, prefix);
      pool.close();
      if (folder != null) {
        deleteFolder(folder);
      }
    }
  }

  /**
   * Drops every table whose name starts with the prefix (any case), with what depends on it.
   *
   * @param ds the database
   * @param prefix the run's table prefix: letters, digits and underscores only
   * @return the tables dropped
   * @throws SQLException when the database refuses
   */
  static List<String> drop(DataSource ds, String prefix) throws SQLException {
    if (!prefix.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("prefix: letters, digits and underscores, got " + prefix);
    }
    String wanted = prefix.toLowerCase(Locale.ROOT);
    List<String> dropped = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      List<String[]> tables = new ArrayList<>();
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String name = rs.getString("TABLE_NAME");
          String schema = rs.getString("TABLE_SCHEM");
          if (name.toLowerCase(Locale.ROOT).startsWith(wanted)) {
            tables.add(new String[] {schema, name});
          }
        }
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        for (String[] t : tables) {
          String quoted = (t[0] == null ? "" : '"' + t[0] + "\".") + '"' + t[1] + '"';
          s.execute("DROP TABLE IF EXISTS " + quoted + " CASCADE");
          dropped.add(t[1]);
        }
      } finally {
        c.setAutoCommit(autoCommit);
      }
    }
    return dropped;
  }

  /**
   * Deletes a folder and everything in it; nothing when it is gone already.
   *
   * @param dir the folder
   */
  static void deleteFolder(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Deleting " + dir + " failed", e);
    }
  }
}
