package io.github.motcua.portal.sync.internal;

import io.github.motcua.core.ConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a schema file from the class path, splits it into statements, and tells which of them have
 * nothing left to do.
 */
public final class SqlScript {

  private SqlScript() {}

  /**
   * Reads a schema resource, renames its tables and splits it.
   *
   * @param resource the class-path resource
   * @param tablePrefix the prefix replacing {@code motcua_} in table and index names
   * @return the statements, without trailing semicolons or comments
   */
  public static List<String> load(String resource, String tablePrefix) {
    String text;
    try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new ConfigurationException(
            "sync.outbox.schema", "Schema resource " + resource + " is missing.", null);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationException(
          "sync.outbox.schema", "Schema resource " + resource + " cannot be read.", e);
    }
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    List<String> out = new ArrayList<>();
    for (String statement : sql.toString().split(";")) {
      String s = statement.strip();
      if (!s.isEmpty()) {
        out.add(s.replace("motcua_sync_", tablePrefix + "sync_"));
      }
    }
    return out;
  }

  private static final Pattern CREATE_TABLE =
      Pattern.compile("(?is)CREATE TABLE IF NOT EXISTS (\\w+)\\s.*");
  private static final Pattern CREATE_INDEX =
      Pattern.compile("(?is)CREATE INDEX IF NOT EXISTS (\\w+)\\s+ON\\s+(\\w+)\\s.*");
  private static final Pattern ADD_COLUMN =
      Pattern.compile("(?is)ALTER TABLE (\\w+) ADD COLUMN IF NOT EXISTS (\\w+)\\s.*");

  /**
   * Tells whether a statement of a schema file has nothing left to do: the table, index or column
   * it creates exists already. Such a statement is better not run against a database in use:
   * PostgreSQL takes its lock before it looks, so {@code CREATE INDEX IF NOT EXISTS} waits for
   * every open transaction that wrote to the table, and {@code ALTER TABLE ... ADD COLUMN IF NOT
   * EXISTS} also holds up every reader queued behind it.
   *
   * @param c the connection
   * @param statement a statement from {@link #load}
   * @return true when what it creates exists; false when it does not, or for any other statement
   * @throws SQLException when the database metadata cannot be read
   */
  public static boolean done(Connection c, String statement) throws SQLException {
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
