package io.github.motcua.portal.sync.internal;

import io.github.motcua.portal.sync.SyncOutboxException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads a schema file from the class path and splits it into statements. */
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
        throw new SyncOutboxException(
            "sync.outbox.schema", "Schema resource " + resource + " is missing.", null);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SyncOutboxException(
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
}
