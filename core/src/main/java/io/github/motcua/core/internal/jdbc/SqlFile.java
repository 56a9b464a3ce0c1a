package io.github.motcua.core.internal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL file shipped under {@code META-INF/motcua/sql/}, with its tables renamed for a table
 * prefix. Two shapes: a schema (statements separated by {@code ;}, run in order) and a set of named
 * statements (each introduced by a line {@code -- name: some.name}). Lines starting with {@code --}
 * are comments. Every {@code motcua_} that starts a name is replaced by the prefix, which {@link
 * TablePrefix} has checked: nothing else of the text changes.
 */
public final class SqlFile {

  private static final String DIRECTORY = "META-INF/motcua/sql/";
  private static final Pattern NAME = Pattern.compile("--\\s*name:\\s*([a-z][a-z0-9.-]*)\\s*");
  private static final Pattern TABLE = Pattern.compile("(?<![A-Za-z0-9_])motcua_(?=[a-z])");

  private final String resource;
  private final String text;

  private SqlFile(String resource, String text) {
    this.resource = resource;
    this.text = text;
  }

  /**
   * Reads a file from the class path.
   *
   * @param owner a class whose class loader sees the file (the store's own class)
   * @param file the file name under {@code META-INF/motcua/sql/}, such as {@code
   *     sync-outbox-h2.sql}
   * @return the file
   * @throws UncheckedIOException when it is missing or unreadable
   */
  public static SqlFile load(Class<?> owner, String file) {
    return find(owner, file)
        .orElseThrow(
            () ->
                new UncheckedIOException(
                    new IOException(DIRECTORY + file + " is not on the class path")));
  }

  /**
   * Reads a file from the class path, when it is there.
   *
   * @param owner a class whose class loader sees the file (the store's own class)
   * @param file the file name under {@code META-INF/motcua/sql/}
   * @return the file, empty when there is none
   * @throws UncheckedIOException when it is unreadable
   */
  public static Optional<SqlFile> find(Class<?> owner, String file) {
    String resource = DIRECTORY + file;
    ClassLoader loader = owner.getClassLoader();
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(resource)
            : loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(
          new SqlFile(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(new IOException(resource + " cannot be read", e));
    }
  }

  /**
   * Returns the class-path resource this file was read from.
   *
   * @return for example {@code META-INF/motcua/sql/sync-outbox-h2.sql}
   */
  public String resource() {
    return resource;
  }

  /**
   * Splits a schema file into its statements.
   *
   * @param tablePrefix the prefix replacing {@code motcua_}; checked by {@link TablePrefix}
   * @return the statements, in file order, without comments or semicolons
   */
  public List<String> statements(String tablePrefix) {
    String sql = rename(uncommented(text), tablePrefix);
    List<String> out = new ArrayList<>();
    for (String statement : sql.split(";")) {
      String s = statement.strip();
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * Reads a file of named statements.
   *
   * @param tablePrefix the prefix replacing {@code motcua_}; checked by {@link TablePrefix}
   * @return each statement by name, without comments or its trailing semicolon
   * @throws IllegalStateException when a name repeats or text comes before the first name
   */
  public Map<String, String> named(String tablePrefix) {
    Map<String, String> out = new LinkedHashMap<>();
    String name = null;
    StringBuilder sql = new StringBuilder();
    for (String line : (text + "\n-- name: end.of.file").split("\n")) {
      Matcher m = NAME.matcher(line.strip());
      if (m.matches()) {
        if (name != null) {
          String s = sql.toString().strip();
          s = s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
          if (out.put(name, rename(s, tablePrefix)) != null) {
            throw new IllegalStateException(resource + " names " + name + " twice");
          }
        } else if (!sql.toString().isBlank()) {
          throw new IllegalStateException(resource + " has a statement without a name");
        }
        name = m.group(1);
        sql.setLength(0);
      } else if (!line.strip().startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    return out;
  }

  private static String uncommented(String text) {
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    return sql.toString();
  }

  private static String rename(String sql, String tablePrefix) {
    return TABLE.matcher(sql).replaceAll(Matcher.quoteReplacement(TablePrefix.check(tablePrefix)));
  }

  @Override
  public String toString() {
    return "SqlFile[" + resource + "]";
  }
}
