package io.github.motcua.core.internal.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a schema file's statements on a database, leaving out those with nothing left to do, and
 * again when another process created the same objects at the same moment.
 */
final class Schema {

  /** How many times the statements run when other processes create the schema at once. */
  private static final int ROUNDS = 3;

  /**
   * SQL states that say an object exists that did not when this transaction looked: unique
   * violation (PostgreSQL's catalog), duplicate table, object or column (PostgreSQL), table, index
   * or column exists (H2).
   */
  private static final Set<String> CREATED_MEANWHILE =
      Set.of("23505", "42P07", "42710", "42701", "42S01", "42S11", "42S21");

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)CREATE TABLE IF NOT EXISTS (\\w+)\\s.*");
  private static final Pattern CREATE_INDEX =
      Pattern.compile("(?is)CREATE INDEX IF NOT EXISTS (\\w+)\\s+ON\\s+(\\w+)\\s.*");
  private static final Pattern ADD_COLUMN =
      Pattern.compile("(?is)ALTER TABLE (\\w+) ADD COLUMN IF NOT EXISTS (\\w+)\\s.*");

  private Schema() {}

  /**
   * Runs the statements in one transaction, in rounds when other processes create the same objects
   * meanwhile (PostgreSQL reports that as a unique violation even with {@code IF NOT EXISTS}).
   *
   * @param c an open connection; its auto-commit mode is given back
   * @param statements the schema's statements
   * @throws SQLException when a statement fails for another reason, or in every round
   */
  static void install(Connection c, List<String> statements) throws SQLException {
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      for (int round = 1; ; round++) {
        try (Statement s = c.createStatement()) {
          for (String sql : statements) {
            // On a store in use, leave out what exists: its DDL would wait for open transactions.
            if (!done(c, sql)) {
              s.execute(sql);
            }
          }
          c.commit();
          return;
        } catch (SQLException e) {
          c.rollback();
          if (round >= ROUNDS || !createdMeanwhile(e)) {
            throw e;
          }
        }
      }
    } finally {
      c.setAutoCommit(auto);
    }
  }

  private static boolean createdMeanwhile(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (CREATED_MEANWHILE.contains(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether a statement of a schema file has nothing left to do: the table, index or column
   * it creates exists already. Such a statement is better not run against a database in use:
   * PostgreSQL takes its lock before it looks, so {@code CREATE INDEX IF NOT EXISTS} waits for
   * every open transaction that wrote to the table, and {@code ALTER TABLE ... ADD COLUMN IF NOT
   * EXISTS} also holds up every reader queued behind it.
   */
  static boolean done(Connection c, String statement) throws SQLException {
    Matcher m = CREATE_TABLE.matcher(statement);
    if (m.matches()) {
      return exists(c, m.group(1), null, null);
    }
    m = CREATE_INDEX.matcher(statement);
    if (m.matches()) {
      return exists(c, m.group(2), null, m.group(1));
    }
    m = ADD_COLUMN.matcher(statement);
    if (m.matches()) {
      return exists(c, m.group(1), m.group(2), null);
    }
    return false;
  }

  /** Whether the table (and the column or index, when given) exists in the connection's schema. */
  private static boolean exists(Connection c, String table, String column, String index)
      throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    // Unquoted names are stored upper-case by H2 and lower-case by PostgreSQL.
    for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
      if (index != null) {
        try (ResultSet rs = md.getIndexInfo(c.getCatalog(), c.getSchema(), name, false, true)) {
          while (rs.next()) {
            if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
              return true;
            }
          }
        }
        continue;
      }
      try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), name, null)) {
        while (rs.next()) {
          if (table.equalsIgnoreCase(rs.getString("TABLE_NAME"))
              && (column == null || column.equalsIgnoreCase(rs.getString("COLUMN_NAME")))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
