package io.github.motcua.core.internal.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells whether a database acknowledges commits it may lose when its process is killed: H2 with a
 * write delay (its default, 500 ms) in a file, PostgreSQL with {@code synchronous_commit} off. A
 * store that forgets acknowledged commits repeats what it recorded as done.
 */
final class Durability {

  private static final Logger LOG = LoggerFactory.getLogger(Durability.class);

  private Durability() {}

  /**
   * Looks for a setting that loses acknowledged commits, and warns about an H2 file compacted at
   * close.
   *
   * @param c an open connection
   * @param d its dialect
   * @param store the store's name, for the warning
   * @return the risk and how to remove it, empty when none was found
   * @throws SQLException when the settings cannot be read
   */
  static Optional<String> risk(Connection c, Dialect d, String store) throws SQLException {
    if (d == Dialect.POSTGRESQL) {
      try (Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
        if (rs.next() && "off".equalsIgnoreCase(rs.getString(1).strip())) {
          return Optional.of(
              "PostgreSQL's synchronous_commit is off: the last commits are lost when the server"
                  + " stops abruptly. Set it to on (the default)");
        }
      }
      return Optional.empty();
    }
    // An in-memory database reports a write delay of 0 and no file: it loses everything with its
    // process anyway.
    Map<String, String> settings = new HashMap<>();
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'MAX_COMPACT_TIME',"
                    + " 'info.FILE_SIZE')")) {
      while (rs.next()) {
        settings.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2).strip());
      }
    }
    String writeDelay = settings.getOrDefault("WRITE_DELAY", "0");
    if (!"0".equals(writeDelay)) {
      return Optional.of(
          "H2's WRITE_DELAY is "
              + writeDelay
              + " ms: commits of that last moment are lost when the process is killed."
              + " Add ;WRITE_DELAY=0 to the H2 URL");
    }
    if (settings.containsKey("info.FILE_SIZE")
        && !"0".equals(settings.getOrDefault("MAX_COMPACT_TIME", "0"))) {
      // Not refused: the loss was seen with H2 2.5.252 after a compacting close followed by a
      // kill, and its cause inside H2 is not isolated (see the portal-client README, Durability).
      LOG.warn(
          "{}: H2's MAX_COMPACT_TIME is {} ms. With H2 2.5.252 a file compacted at close then"
              + " reopened lost acknowledged commits when the process was killed. Add"
              + " ;MAX_COMPACT_TIME=0 to every H2 URL that opens this file.",
          store,
          settings.get("MAX_COMPACT_TIME"));
    }
    return Optional.empty();
  }
}
